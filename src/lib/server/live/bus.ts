import { log } from '../log';

/**
 * Live updates: a small publish/subscribe bus. An event names what changed and its id, never its
 * content: a screen that hears of a change asks for it again through the access module.
 */
export type LiveEvent = { kind: string; id: string };

/** Everything is published to a couple (both partners) or to one person (their devices). */
export type Topic = `couple:${string}` | `user:${string}`;

export type LiveListener = (event: LiveEvent) => void;

export type LiveBus = {
	/** Call after the change is committed. Never throws: a lost event only delays a screen. */
	publish(topic: Topic, event: LiveEvent): Promise<void>;
	/** Returns an unsubscribe function that can be called any number of times. */
	subscribe(topic: Topic, listener: LiveListener): () => void;
	/** Called when events may have been missed (after a reconnect): screens should fetch again. */
	onResync(listener: () => void): () => void;
	close(): Promise<void>;
};

export const coupleTopic = (coupleId: string): Topic => `couple:${coupleId}`;
export const userTopic = (userId: string): Topic => `user:${userId}`;

const TOPIC = /^(couple|user):[0-9a-f-]{36}$/;
const KIND = /^[a-z][a-z0-9.-]{0,39}$/;
const ID = /^[0-9a-f-]{0,36}$/;

/** A well-formed topic and event, or undefined: anything arriving from outside is checked. */
export function parseMessage(value: unknown): { topic: Topic; event: LiveEvent } | undefined {
	if (!value || typeof value !== 'object') {
		return undefined;
	}
	const { topic, kind, id } = value as Record<string, unknown>;
	if (typeof topic !== 'string' || typeof kind !== 'string' || typeof id !== 'string') {
		return undefined;
	}
	if (!TOPIC.test(topic) || !KIND.test(kind) || !ID.test(id)) {
		return undefined;
	}

	return { topic: topic as Topic, event: { kind, id } };
}

/**
 * In-process fan-out. A listener that throws is logged and skipped: one broken subscriber never
 * stops the others or the process.
 */
export class Hub {
	private readonly topics = new Map<string, Set<LiveListener>>();
	private readonly resyncListeners = new Set<() => void>();

	subscribe(topic: Topic, listener: LiveListener): () => void {
		const wrapped: LiveListener = (event) => listener(event);
		let listeners = this.topics.get(topic);
		if (!listeners) {
			listeners = new Set();
			this.topics.set(topic, listeners);
		}
		listeners.add(wrapped);
		let done = false;

		return () => {
			if (done) {
				return;
			}
			done = true;
			const current = this.topics.get(topic);
			current?.delete(wrapped);
			if (current?.size === 0) {
				this.topics.delete(topic);
			}
		};
	}

	onResync(listener: () => void): () => void {
		const wrapped = () => listener();
		this.resyncListeners.add(wrapped);

		return () => {
			this.resyncListeners.delete(wrapped);
		};
	}

	deliver(topic: Topic, event: LiveEvent) {
		for (const listener of [...(this.topics.get(topic) ?? [])]) {
			safely(() => listener(event));
		}
	}

	resync() {
		for (const listener of [...this.resyncListeners]) {
			safely(listener);
		}
	}

	/** How many listeners are subscribed (for tests and shutdown). */
	size(): number {
		let count = 0;
		for (const listeners of this.topics.values()) {
			count += listeners.size;
		}

		return count;
	}

	clear() {
		this.topics.clear();
		this.resyncListeners.clear();
	}
}

function safely(run: () => void) {
	try {
		run();
	} catch (error) {
		log.warn({
			event: 'live.listener_failed',
			error: error instanceof Error ? error.name : 'unknown'
		});
	}
}

/** One process, one database (PGlite): publishing is delivering. */
export function createMemoryBus(): LiveBus & { hub: Hub } {
	const hub = new Hub();

	return {
		hub,
		publish: async (topic, event) => {
			// Delivered on a later tick, so a subscriber never runs inside the publisher's call.
			setImmediate(() => hub.deliver(topic, event));
		},
		subscribe: (topic, listener) => hub.subscribe(topic, listener),
		onResync: (listener) => hub.onResync(listener),
		close: async () => hub.clear()
	};
}
