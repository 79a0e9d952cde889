import type pg from 'pg';
import { log } from '../log';
import { Hub, parseMessage, type LiveBus } from './bus';

/** One channel for every live event of this database; the payload names the topic. */
export const LIVE_CHANNEL = 'tend_live';

const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 10_000;

type Options = {
	/** Sends a NOTIFY (through the app's pool: publishing needs no connection of its own). */
	notify: (channel: string, payload: string) => Promise<void>;
	/** Opens the one dedicated listening connection (again, after a loss). */
	connect: () => Promise<pg.Client>;
	retryFirstMs?: number;
};

/**
 * Live updates across app instances on one PostgreSQL: ONE dedicated LISTEN connection per
 * instance, and in-process fan-out to every subscriber of that instance (a connection per
 * subscriber would drain the pool). Every instance, the publisher included, hears each NOTIFY
 * once through its own LISTEN. A lost connection is reopened with backoff, and subscribers are
 * told to fetch again, since events sent meanwhile were missed. Nothing here ever throws into
 * the driver's callbacks.
 */
export async function openPostgresBus(options: Options): Promise<LiveBus & { hub: Hub }> {
	const hub = new Hub();
	const firstRetryMs = options.retryFirstMs ?? RETRY_FIRST_MS;
	let client: pg.Client | undefined;
	let closed = false;
	let everListened = false;
	let retryMs = firstRetryMs;
	let timer: NodeJS.Timeout | undefined;

	const onNotification = (message: pg.Notification) => {
		try {
			if (message.channel !== LIVE_CHANNEL || !message.payload) {
				return;
			}
			const parsed = parseMessage(JSON.parse(message.payload));
			if (parsed) {
				hub.deliver(parsed.topic, parsed.event);
			}
		} catch {
			log.warn({ event: 'live.bad_notification' });
		}
	};

	const retryLater = () => {
		if (closed || timer) {
			return;
		}
		log.warn({ event: 'live.connection_lost', retryMs });
		timer = setTimeout(() => void listen(), retryMs);
		retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
	};

	/** Drops a connection that failed or ended; safe to call twice for the same one. */
	const drop = (listening: pg.Client) => {
		listening.removeAllListeners('notification');
		listening.removeAllListeners('end');
		void listening.end().catch(() => undefined);
		if (client === listening) {
			client = undefined;
			retryLater();
		}
	};

	async function listen(): Promise<void> {
		timer = undefined;
		if (closed) {
			return;
		}
		let listening: pg.Client | undefined;
		try {
			listening = await options.connect();
			const current = listening;
			current.on('error', () => drop(current));
			current.on('end', () => drop(current));
			current.on('notification', onNotification);
			await current.query(`LISTEN ${LIVE_CHANNEL}`);
			if (closed) {
				await current.end();
				return;
			}
			client = current;
			retryMs = firstRetryMs;
			if (everListened) {
				log.info({ event: 'live.reconnected' });
				// Whatever was published while this instance was deaf is lost: screens fetch again.
				hub.resync();
			}
			everListened = true;
		} catch {
			if (listening) {
				drop(listening);
			}
			retryLater();
		}
	}

	await listen();
	if (!client) {
		clearTimeout(timer);
		closed = true;
		throw new Error('Could not LISTEN for live updates on PostgreSQL.');
	}

	return {
		hub,
		publish: async (topic, event) => {
			try {
				await options.notify(LIVE_CHANNEL, JSON.stringify({ topic, ...event }));
			} catch {
				// The change itself is committed; a screen that missed it catches up on its next load.
				log.warn({ event: 'live.publish_failed' });
			}
		},
		subscribe: (topic, listener) => hub.subscribe(topic, listener),
		onResync: (listener) => hub.onResync(listener),
		close: async () => {
			closed = true;
			clearTimeout(timer);
			hub.clear();
			const listening = client;
			client = undefined;
			if (listening) {
				listening.removeAllListeners('notification');
				listening.removeAllListeners('end');
				await listening.end().catch(() => undefined);
			}
		}
	};
}
