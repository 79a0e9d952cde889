import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createTestDb } from '../testing/db';
import {
	createMemoryBus,
	Hub,
	parseMessage,
	type LiveBus,
	type LiveEvent,
	type Topic
} from './bus';
import { openLiveBus } from './open';
import { LIVE_CHANNEL } from './postgres';

const topic: Topic = 'couple:00000000-0000-4000-8000-000000000001';
const otherTopic: Topic = 'couple:00000000-0000-4000-8000-000000000002';
const event: LiveEvent = { kind: 'conversation', id: '00000000-0000-4000-8000-0000000000aa' };

/** Resolves once `predicate` holds, polling; fails after a while. */
async function eventually(predicate: () => boolean, ms = 5_000) {
	const deadline = Date.now() + ms;
	while (!predicate()) {
		if (Date.now() > deadline) {
			throw new Error('timed out waiting');
		}
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('the in-process hub', () => {
	it('fans out to every subscriber of a topic, and only of that topic', () => {
		const hub = new Hub();
		const seen: string[] = [];
		hub.subscribe(topic, () => seen.push('a'));
		hub.subscribe(topic, () => seen.push('b'));
		hub.subscribe(otherTopic, () => seen.push('other'));
		hub.deliver(topic, event);
		expect(seen).toEqual(['a', 'b']);
	});

	it('unsubscribes idempotently: twice is harmless and never removes another subscriber', () => {
		const hub = new Hub();
		const seen: string[] = [];
		const same = () => seen.push('x');
		const first = hub.subscribe(topic, same);
		hub.subscribe(topic, same);
		first();
		first();
		hub.deliver(topic, event);
		expect(seen).toEqual(['x']);
		expect(hub.size()).toBe(1);
	});

	it('survives a subscriber that throws: the others still hear it', () => {
		const hub = new Hub();
		const seen: string[] = [];
		hub.subscribe(topic, () => {
			throw new Error('broken subscriber');
		});
		hub.subscribe(topic, () => seen.push('ok'));
		expect(() => hub.deliver(topic, event)).not.toThrow();
		expect(seen).toEqual(['ok']);
	});

	it('accepts only well-formed messages: a topic, a short kind, an id', () => {
		expect(parseMessage({ topic, ...event })).toEqual({ topic, event });
		for (const bad of [
			null,
			'text',
			{ topic: 'room:1', kind: 'x', id: '' },
			{ topic, kind: 'Has Spaces', id: '' },
			{ topic, kind: 'conversation', id: 'not an id; drop table' },
			{ topic, kind: 'conversation' }
		]) {
			expect(parseMessage(bad)).toBeUndefined();
		}
	});

	it('the memory bus delivers after the publisher returns', async () => {
		const bus = createMemoryBus();
		const seen: LiveEvent[] = [];
		bus.subscribe(topic, (e) => seen.push(e));
		await bus.publish(topic, event);
		expect(seen).toEqual([]);
		await eventually(() => seen.length === 1);
		await bus.close();
	});
});

describe.runIf(process.env.TEST_DRIVER === 'postgres')('LISTEN/NOTIFY across instances', () => {
	let handle: DbHandle & { url?: string };
	const buses: LiveBus[] = [];
	const open = async () => {
		const bus = await openLiveBus(handle, handle.url);
		buses.push(bus);
		return bus;
	};
	beforeAll(async () => {
		handle = await createTestDb();
	});
	afterAll(async () => {
		await Promise.all(buses.map((bus) => bus.close()));
	});

	const listeners = async () => {
		const { rows } = await handle.db.execute<{ pid: number }>(
			sql`select pid from pg_stat_activity where datname = current_database() and query = ${`LISTEN ${LIVE_CHANNEL}`}`
		);
		return rows;
	};

	it('an event published on one instance reaches subscribers on every instance, once', async () => {
		const [one, two] = [await open(), await open()];
		const heard: string[] = [];
		one.subscribe(topic, () => heard.push('one'));
		two.subscribe(topic, () => heard.push('two'));
		two.subscribe(topic, () => heard.push('two again'));
		two.subscribe(otherTopic, () => heard.push('wrong topic'));
		await one.publish(topic, event);
		await eventually(() => heard.length >= 3);
		await settle();
		expect(heard.sort()).toEqual(['one', 'two', 'two again']);
	});

	it('keeps one listening connection per instance, however many subscribe', async () => {
		const before = (await listeners()).length;
		const bus = await open();
		const stops = Array.from({ length: 50 }, () => bus.subscribe(topic, () => undefined));
		expect((await listeners()).length).toBe(before + 1);
		for (const stop of stops) {
			stop();
			stop();
		}
	});

	it('ignores malformed notifications without throwing', async () => {
		const bus = await open();
		const heard: LiveEvent[] = [];
		bus.subscribe(topic, (e) => heard.push(e));
		for (const payload of [
			'not json',
			'{"topic":"user:x"}',
			JSON.stringify({ topic, kind: 'x y', id: '' })
		]) {
			await handle.db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${payload})`);
		}
		await bus.publish(topic, event);
		await eventually(() => heard.length === 1);
		await settle();
		expect(heard).toEqual([event]);
	});

	it('reconnects after losing its connection, and tells subscribers to fetch again', async () => {
		const bus = await open();
		const heard: LiveEvent[] = [];
		let resyncs = 0;
		bus.subscribe(topic, (e) => heard.push(e));
		bus.onResync(() => {
			resyncs += 1;
		});
		await handle.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity
			where datname = current_database() and query = ${`LISTEN ${LIVE_CHANNEL}`}`);
		await eventually(() => resyncs > 0, 10_000);
		await bus.publish(topic, event);
		await eventually(() => heard.length === 1);
		expect(heard).toEqual([event]);
	});
});
