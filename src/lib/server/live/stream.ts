import type { Ctx } from '../context';
import { liveTopicsOf, mayFollowTopic } from '../access';
import { AppError } from '../errors';
import { logEvent } from '../log';
import * as m from '$lib/paraglide/messages';
import type { LiveEvent, Topic } from './bus';

/** A comment line this often keeps proxies from closing an idle stream, and re-checks access. */
export const KEEP_ALIVE_MS = 20_000;
/** Open streams per person at once (a few phones and tabs); more answers 429. */
export const MAX_STREAMS_PER_PERSON = 8;
/** How long a browser waits before reconnecting after the stream closes. */
const RETRY_MS = 3_000;

type Stream = { userId: string; close: () => void };
const open = new Set<Stream>();
const encoder = new TextEncoder();

/**
 * A Server-Sent Events stream of what changes for the signed-in person: their own topic and their
 * current couple's. Events carry a kind and an id, never content. Access is checked when the
 * stream opens and again before every event and every keep-alive: after an unlink, a sign-out or
 * a revoked session the stream carries nothing more and closes. The browser then reconnects with
 * whatever it may follow now, and fetches the state again.
 */
export async function openEventStream(ctx: Ctx, request: Request): Promise<Response> {
	const { userId, topics } = await liveTopicsOf(ctx);
	const accept = request.headers.get('accept') ?? '';
	if (!accept.includes('text/event-stream')) {
		throw new AppError('INVALID', m.error_event_stream_only());
	}
	if ([...open].filter((stream) => stream.userId === userId).length >= MAX_STREAMS_PER_PERSON) {
		throw new AppError('RATE_LIMITED', m.error_too_many_streams(), { retryAfterSeconds: 30 });
	}
	const follower = { userId, sessionId: ctx.sessionId };
	const allowed = async () => {
		const now = ctx.now();
		for (const topic of topics) {
			if (!(await mayFollowTopic(ctx.db, follower, topic, now))) {
				return false;
			}
		}
		// Linked anew since the stream opened: reconnect to follow the new couple.
		const current = await liveTopicsOf(ctx);

		return current.topics.join() === topics.join();
	};
	if (!(await allowed())) {
		throw new AppError('UNAUTHENTICATED', m.error_sign_in_first());
	}

	let stream: Stream | undefined;
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			stream = follow(ctx, { userId, topics, allowed, controller, signal: request.signal });
		},
		cancel() {
			stream?.close();
		}
	});

	return new Response(body, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
}

/** Ends every open stream, e.g. on SIGTERM, so the server can close without waiting on them. */
export function closeAllStreams() {
	for (const stream of [...open]) {
		stream.close();
	}
}

export function openStreamCount(): number {
	return open.size;
}

function follow(
	ctx: Ctx,
	options: {
		userId: string;
		topics: Topic[];
		allowed: () => Promise<boolean>;
		controller: ReadableStreamDefaultController<Uint8Array>;
		signal: AbortSignal;
	}
): Stream {
	const { controller } = options;
	let closed = false;
	// Checks and writes run one after another, so events keep their order.
	let queue = Promise.resolve();
	const write = (text: string) => {
		if (closed) {
			return;
		}
		try {
			controller.enqueue(encoder.encode(text));
		} catch {
			// The client went away between the check and the write.
			stream.close();
		}
	};
	const send = (event: LiveEvent) => write(`data: ${JSON.stringify(event)}\n\n`);
	const checked = (then: () => void) => {
		queue = queue
			.then(async () => {
				if (closed) {
					return;
				}
				if (await options.allowed()) {
					then();
				} else {
					stream.close();
				}
			})
			.catch(() => stream.close());
	};

	const unsubscribe = options.topics.map((topic) =>
		ctx.live.subscribe(topic, (event) => checked(() => send(event)))
	);
	const stopResync = ctx.live.onResync(() => checked(() => send({ kind: 'resync', id: '' })));
	const keepAlive = setInterval(() => checked(() => write(': keep-alive\n\n')), KEEP_ALIVE_MS);
	const onAbort = () => stream.close();
	options.signal.addEventListener('abort', onAbort);

	const stream: Stream = {
		userId: options.userId,
		close: () => {
			if (closed) {
				return;
			}
			closed = true;
			open.delete(stream);
			clearInterval(keepAlive);
			stopResync();
			for (const stop of unsubscribe) {
				stop();
			}
			options.signal.removeEventListener('abort', onAbort);
			try {
				controller.close();
			} catch {
				// Already closed by the client going away.
			}
			logEvent('live.stream_closed', { userId: options.userId });
		}
	};
	open.add(stream);
	logEvent('live.stream_opened', { userId: options.userId });
	write(`retry: ${RETRY_MS}\n\n`);
	// Tells the page to fetch the state now: after a drop, it rejoins where the pair is.
	send({ kind: 'ready', id: '' });

	return stream;
}
