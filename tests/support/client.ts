import crypto from 'node:crypto';
import type { TestServer } from './server';

export const PASSWORD = 'a calm lake at dawn';

export type Answer = {
	status: number;
	headers: Headers;
	/** Every Set-Cookie line of the answer, unparsed. */
	setCookies: string[];
	text: string;
	/** The parsed JSON body, or undefined when the body is not JSON. */
	body: unknown;
	ms: number;
};

export type RequestOptions = {
	/** Sent as JSON with content-type application/json. */
	json?: unknown;
	/** Sent as is (set content-type yourself in headers). */
	body?: string | FormData | URLSearchParams;
	headers?: Record<string, string>;
	/** Leave out the Origin header a browser would send with a same-origin write. */
	noOrigin?: boolean;
	timeoutMs?: number;
};

let addressCount = 0;

/** A client address no other simulated client in this process uses (10.0.0.0/8). */
export function nextAddress(): string {
	addressCount += 1;
	const n = addressCount + (process.pid % 64) * 65_536;

	return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export function uniqueEmail(label = 'person'): string {
	return `${label.toLowerCase().replace(/[^a-z0-9]/g, '')}-${crypto.randomUUID()}@example.test`;
}

/**
 * One simulated browser: its own cookie jar and its own client address. Writes carry the
 * server's own Origin, as a browser's same-origin requests do.
 */
export class Client {
	readonly cookies = new Map<string, string>();
	readonly server: TestServer;
	readonly address: string;

	constructor(server: TestServer, address = nextAddress()) {
		this.server = server;
		this.address = address;
	}

	async request(method: string, path: string, options: RequestOptions = {}): Promise<Answer> {
		const headers: Record<string, string> = { 'x-forwarded-for': this.address };
		if (this.cookies.size > 0) {
			headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
		}
		if (!['GET', 'HEAD'].includes(method) && !options.noOrigin) {
			headers.origin = this.server.origin;
		}
		let body = options.body;
		if (options.json !== undefined) {
			headers['content-type'] = 'application/json';
			body = JSON.stringify(options.json);
		}
		Object.assign(headers, options.headers);

		const started = performance.now();
		const response = await fetch(this.server.url + path, {
			method,
			headers,
			body,
			redirect: 'manual',
			signal: AbortSignal.timeout(options.timeoutMs ?? 15_000)
		});
		const text = await response.text();
		const ms = performance.now() - started;
		const setCookies = response.headers.getSetCookie();
		this.remember(setCookies);

		return {
			status: response.status,
			headers: response.headers,
			setCookies,
			text,
			body: parseJson(text),
			ms
		};
	}

	get(path: string, options?: RequestOptions) {
		return this.request('GET', path, options);
	}

	post(path: string, json?: unknown, options?: RequestOptions) {
		return this.request('POST', path, { json, ...options });
	}

	put(path: string, json?: unknown, options?: RequestOptions) {
		return this.request('PUT', path, { json, ...options });
	}

	patch(path: string, json?: unknown, options?: RequestOptions) {
		return this.request('PATCH', path, { json, ...options });
	}

	delete(path: string, options?: RequestOptions) {
		return this.request('DELETE', path, options);
	}

	private remember(setCookies: string[]) {
		for (const line of setCookies) {
			const [pair, ...attributes] = line.split(';').map((part) => part.trim());
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq);
			const value = pair.slice(eq + 1);
			const gone = attributes.some((attribute) => {
				const [key, raw = ''] = attribute.split('=');
				const lower = key.toLowerCase();

				return (
					(lower === 'max-age' && Number(raw) <= 0) ||
					(lower === 'expires' && Date.parse(raw) <= Date.now())
				);
			});
			if (gone || value === '') {
				this.cookies.delete(name);
			} else {
				this.cookies.set(name, value);
			}
		}
	}
}

export type MeBody = {
	user: { id: string; email: string; name: string };
	partner: { id: string; name: string } | null;
	profile: { timeZone: string; onboarded: boolean };
};

/** A registered, signed-in person. */
export class Person extends Client {
	id = '';
	email = '';
	name = '';
	password = PASSWORD;

	static async register(
		server: TestServer,
		details: { name?: string; email?: string; password?: string; address?: string } = {}
	): Promise<Person> {
		const person = new Person(server, details.address);
		person.name = details.name ?? 'Robin';
		person.email = details.email ?? uniqueEmail(person.name);
		person.password = details.password ?? PASSWORD;
		const answer = await person.post('/api/v1/auth/register', {
			email: person.email,
			password: person.password,
			name: person.name
		});
		if (answer.status !== 201) {
			throw new Error(`register answered ${answer.status}: ${answer.text}`);
		}
		person.id = (answer.body as { user: { id: string } }).user.id;

		return person;
	}

	/** The same person on a second device: a new cookie jar, signed in with the password. */
	async secondDevice(address = nextAddress()): Promise<Person> {
		const other = new Person(this.server, address);
		Object.assign(other, {
			id: this.id,
			email: this.email,
			name: this.name,
			password: this.password
		});
		const answer = await other.post('/api/v1/auth/login', {
			email: this.email,
			password: this.password
		});
		if (answer.status !== 200) {
			throw new Error(`login answered ${answer.status}: ${answer.text}`);
		}

		return other;
	}

	async me(): Promise<MeBody> {
		const answer = await this.get('/api/v1/me');
		if (answer.status !== 200) {
			throw new Error(`GET /api/v1/me answered ${answer.status}: ${answer.text}`);
		}

		return answer.body as MeBody;
	}

	/** A new invite code (any older code of this person stops working). */
	async invite(): Promise<string> {
		const answer = await this.post('/api/v1/couple/invites');
		if (answer.status !== 201) {
			throw new Error(`POST /api/v1/couple/invites answered ${answer.status}: ${answer.text}`);
		}

		return (answer.body as { code: string }).code;
	}

	join(code: string) {
		return this.post('/api/v1/couple/join', { code });
	}

	leave() {
		return this.delete('/api/v1/couple');
	}

	async sessionIds(): Promise<{ id: string; current: boolean }[]> {
		const answer = await this.get('/api/v1/sessions');

		return (answer.body as { sessions: { id: string; current: boolean }[] }).sessions;
	}
}

/** `inviter` invites, `joiner` accepts; throws unless they end up linked. */
export async function link(inviter: Person, joiner: Person): Promise<void> {
	const answer = await joiner.join(await inviter.invite());
	if (answer.status !== 200) {
		throw new Error(`join answered ${answer.status}: ${answer.text}`);
	}
}

/** Two newly registered people, linked with each other. */
export async function linkedPair(
	server: TestServer,
	names = ['Ana', 'Ben']
): Promise<[Person, Person]> {
	const a = await Person.register(server, { name: names[0] });
	const b = await Person.register(server, { name: names[1] });
	await link(a, b);

	return [a, b];
}

function parseJson(text: string): unknown {
	if (text === '') {
		return undefined;
	}
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/** Every key anywhere in a JSON value (object keys, at any depth). */
export function allKeys(value: unknown, into = new Set<string>()): Set<string> {
	if (Array.isArray(value)) {
		for (const item of value) {
			allKeys(item, into);
		}
	} else if (value && typeof value === 'object') {
		for (const [key, item] of Object.entries(value)) {
			into.add(key);
			allKeys(item, into);
		}
	}

	return into;
}

/** The `error.code` of an error answer, or undefined. */
export function errorCode(answer: Answer): string | undefined {
	const body = answer.body as { error?: { code?: unknown } } | undefined;

	return typeof body?.error?.code === 'string' ? body.error.code : undefined;
}
