import type { Answer, Client } from './client';

export type StreamEvent = { kind: string; id: string };

export type EventStream = {
	status: number;
	headers: Headers;
	/** The body of an answer that is not a stream (an error), else ''. */
	text: string;
	/** Every event received so far, in order. */
	events: StreamEvent[];
	/** Every raw line received so far (comments included). */
	lines: string[];
	/** Waits for an event matching `match` (among those already received, too). */
	next: (match: (event: StreamEvent) => boolean, timeoutMs?: number) => Promise<StreamEvent>;
	/** Resolves true once the server has closed the stream, false if it is still open after `ms`. */
	closedWithin: (ms: number) => Promise<boolean>;
	close: () => void;
	/** The opening answer in the shape the other HTTP helpers use. */
	answer: () => Answer;
};

/**
 * Opens the live event stream as `client` (its cookies and its address), the way a browser's
 * EventSource does, and reads it in the background.
 */
export async function openStream(
	client: Client,
	path = '/api/v1/events',
	headers: Record<string, string> = { accept: 'text/event-stream' }
): Promise<EventStream> {
	const controller = new AbortController();
	const requestHeaders: Record<string, string> = { 'x-forwarded-for': client.address, ...headers };
	if (client.cookies.size > 0) {
		requestHeaders.cookie = [...client.cookies]
			.map(([name, value]) => `${name}=${value}`)
			.join('; ');
	}
	const started = performance.now();
	const response = await fetch(client.server.url + path, {
		headers: requestHeaders,
		signal: controller.signal
	});
	const events: StreamEvent[] = [];
	const lines: string[] = [];
	const waiters = new Set<() => void>();
	const wake = () => {
		for (const waiter of [...waiters]) {
			waiter();
		}
	};
	let closed = false;
	let text = '';

	const isStream =
		response.ok && (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
	if (!isStream) {
		text = await response.text();
		closed = true;
	} else {
		void read(response, (line) => {
			lines.push(line);
			if (line.startsWith('data: ')) {
				try {
					events.push(JSON.parse(line.slice('data: '.length)) as StreamEvent);
				} catch {
					// Not JSON: kept in `lines` for the test to look at.
				}
			}
			wake();
		}).finally(() => {
			closed = true;
			wake();
		});
	}

	const waitFor = <T>(found: () => T | undefined, timeoutMs: number): Promise<T | undefined> =>
		new Promise((resolve) => {
			const check = () => {
				const value = found();
				if (value !== undefined) {
					cleanup();
					resolve(value);
				}
			};
			const timer = setTimeout(() => {
				cleanup();
				resolve(found());
			}, timeoutMs);
			const cleanup = () => {
				clearTimeout(timer);
				waiters.delete(check);
			};
			waiters.add(check);
			check();
		});

	return {
		status: response.status,
		headers: response.headers,
		text,
		events,
		lines,
		next: async (match, timeoutMs = 5_000) => {
			const event = await waitFor(() => events.find(match), timeoutMs);
			if (!event) {
				throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`);
			}

			return event;
		},
		closedWithin: async (ms) => Boolean(await waitFor(() => (closed ? true : undefined), ms)),
		close: () => controller.abort(),
		answer: () => ({
			status: response.status,
			headers: response.headers,
			setCookies: [],
			text,
			body: parseJson(text),
			ms: performance.now() - started
		})
	};
}

async function read(response: Response, onLine: (line: string) => void) {
	if (!response.body) {
		return;
	}
	const reader = response.body.getReader();
	const decoder = new TextDecoder();
	let buffer = '';
	try {
		for (;;) {
			const { value, done } = await reader.read();
			if (done) {
				return;
			}
			buffer += decoder.decode(value, { stream: true });
			let end = buffer.indexOf('\n');
			while (end >= 0) {
				const line = buffer.slice(0, end);
				buffer = buffer.slice(end + 1);
				if (line !== '') {
					onLine(line);
				}
				end = buffer.indexOf('\n');
			}
		}
	} catch {
		// Aborted by the test, or the connection went away.
	}
}

function parseJson(text: string): unknown {
	try {
		return text === '' ? undefined : (JSON.parse(text) as unknown);
	} catch {
		return undefined;
	}
}
