export type Answer = { status: number; body: unknown; cookie: string | null };

/** The request got no answer (the server died): it may or may not have been carried out. */
export class NoAnswer extends Error {}

export type RequestOptions = { address: string; cookie?: string | null; body?: unknown };

const SESSION_COOKIE = 'tend_session';

/** One JSON API call as a client at `address` (sent as X-Forwarded-For). */
export async function send(
	base: string,
	method: string,
	route: string,
	options: RequestOptions
): Promise<Answer> {
	const headers: Record<string, string> = { 'x-forwarded-for': options.address };
	if (options.cookie) {
		headers.cookie = `${SESSION_COOKIE}=${options.cookie}`;
	}
	if (options.body !== undefined) {
		headers['content-type'] = 'application/json';
	}
	let status: number;
	let text: string;
	let cookie: string | null;
	try {
		const response = await fetch(`${base}${route}`, {
			method,
			headers,
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
			signal: AbortSignal.timeout(30_000)
		});
		status = response.status;
		cookie = sessionCookieOf(response);
		// A write counts as acknowledged only once its whole answer has arrived.
		text = await response.text();
	} catch (error) {
		throw new NoAnswer(`${method} ${route}: ${String(error)}`);
	}

	return { status, body: text ? JSON.parse(text) : null, cookie };
}

function sessionCookieOf(response: Response): string | null {
	for (const line of response.headers.getSetCookie()) {
		const [pair] = line.split(';');
		const [name, value] = pair.split('=');
		if (name.trim() === SESSION_COOKIE && value) {
			return value.trim();
		}
	}

	return null;
}

/** Reads a string at a path in a JSON answer, or fails with the answer in the message. */
export function stringAt(body: unknown, ...keys: string[]): string {
	const value = valueAt(body, keys);
	if (typeof value !== 'string') {
		throw new Error(`No string at ${keys.join('.')} in ${JSON.stringify(body)}`);
	}

	return value;
}

export function valueAt(body: unknown, keys: string[]): unknown {
	let value = body;
	for (const key of keys) {
		if (typeof value !== 'object' || value === null) {
			return undefined;
		}
		value = (value as Record<string, unknown>)[key];
	}

	return value;
}
