import crypto from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { Client, errorCode, link, linkedPair, Person } from './support/client';
import { describeEachDriver } from './support/drivers';
import { availableDrivers, startServer, type TestServer } from './support/server';
import { openStream, type EventStream } from './support/stream';

type Conversation = {
	id: string;
	seq: number;
	status: string;
	place: { step: string; index: number };
	prompt: { id: string; text: string } | null;
	timer: { endsAt: string | null } | null;
};

const conversationOf = (answer: { body: unknown }) =>
	(answer.body as { conversation: Conversation }).conversation;

async function startCloser(person: Person, mode = 'two-phone') {
	const answer = await person.post('/api/v1/conversations', { kind: 'closer', mode });
	expect(answer.status, answer.text).toBe(201);

	return conversationOf(answer);
}

async function advance(person: Person, id: string) {
	const seen = conversationOf(await person.get(`/api/v1/conversations/${id}`));
	const answer = await person.post(`/api/v1/conversations/${id}/advance`, { at: seen.seq });
	expect(answer.status, answer.text).toBe(200);

	return conversationOf(answer);
}

const about = (id: string) => (event: { kind: string; id: string }) =>
	event.kind === 'conversation' && event.id === id;

/** Every event is a kind and an id, and nothing else: no content ever travels on the stream. */
function expectOnlyKindsAndIds(stream: EventStream) {
	for (const line of stream.lines.filter((l) => l.startsWith('data: '))) {
		const event = JSON.parse(line.slice(6)) as Record<string, unknown>;
		expect(Object.keys(event).sort()).toEqual(['id', 'kind']);
	}
}

describeEachDriver('live updates over HTTP', ({ server }) => {
	test('a partner’s stream hears every move of their conversation, as kinds and ids only', async () => {
		const [ana, ben] = await linkedPair(server(), ['Ana', 'Ben']);
		const conversation = await startCloser(ana);
		const stream = await openStream(ben);
		expect(stream.status).toBe(200);
		expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
		expect(stream.headers.get('cache-control')).toContain('no-store');
		await stream.next((e) => e.kind === 'ready');

		expect((await ben.post(`/api/v1/conversations/${conversation.id}/join`)).status).toBe(200);
		await advance(ana, conversation.id);
		await stream.next(about(conversation.id));
		const seenByBen = conversationOf(await ben.get(`/api/v1/conversations/${conversation.id}`));
		expect(seenByBen.place.step).toBe('reflect');
		expect(stream.lines.join('\n')).not.toContain(conversation.prompt?.text ?? '-');
		expectOnlyKindsAndIds(stream);
		stream.close();
	});

	test('an outsider who knows the id can neither follow nor move a couple’s conversation', async () => {
		const [ana, ben] = await linkedPair(server(), ['Ana', 'Ben']);
		const outsider = await Person.register(server(), { name: 'Oz' });
		const conversation = await startCloser(ana, 'one-phone');
		const streams = [
			await openStream(outsider),
			await openStream(outsider, `/api/v1/events?conversation=${conversation.id}`),
			await openStream(outsider, `/api/v1/events?topic=couple`)
		];
		const partnerStream = await openStream(ben);
		for (const stream of streams) {
			expect(stream.status).toBe(200);
			await stream.next((e) => e.kind === 'ready');
		}

		const base = `/api/v1/conversations/${conversation.id}`;
		expect((await outsider.get(base)).status).toBe(404);
		for (const action of ['join', 'advance', 'pause', 'resume', 'end', 'opt-in']) {
			const answer = await outsider.post(
				`${base}/${action}`,
				action === 'advance' ? { at: 0 } : {}
			);
			expect(answer.status, action).toBe(404);
			expect(errorCode(answer)).toBe('NOT_FOUND');
		}
		await advance(ana, conversation.id);
		await partnerStream.next(about(conversation.id));
		await new Promise((resolve) => setTimeout(resolve, 300));
		for (const stream of streams) {
			expect(stream.events.filter(about(conversation.id))).toEqual([]);
			expect(stream.lines.join('\n')).not.toContain(conversation.id);
			stream.close();
		}
		expect(conversationOf(await ana.get(base)).status).toBe('active');
		partnerStream.close();
	});

	test('a signed-out client cannot subscribe or move; signing out closes an open stream', async () => {
		const [ana, ben] = await linkedPair(server(), ['Ana', 'Ben']);
		const conversation = await startCloser(ana, 'one-phone');
		const anonymous = new Client(server());
		const refused = await openStream(anonymous);
		expect(refused.status).toBe(401);
		expect(errorCode(refused.answer())).toBe('UNAUTHENTICATED');
		const moved = await anonymous.post(`/api/v1/conversations/${conversation.id}/advance`, {
			at: 0
		});
		expect(moved.status).toBe(401);

		const stream = await openStream(ben);
		await stream.next((e) => e.kind === 'ready');
		expect((await ben.post('/api/v1/auth/logout')).status).toBe(204);
		await advance(ana, conversation.id);
		expect(await stream.closedWithin(5_000)).toBe(true);
		expect(stream.events.filter(about(conversation.id))).toEqual([]);
		expect((await openStream(ben)).status).toBe(401);
	});

	test('after an unlink, the ex’s open stream carries nothing more and closes', async () => {
		const [ana, ben] = await linkedPair(server(), ['Ana', 'Ben']);
		const conversation = await startCloser(ana, 'one-phone');
		const benStream = await openStream(ben);
		const anaStream = await openStream(ana);
		await advance(ana, conversation.id);
		await benStream.next(about(conversation.id));
		const before = benStream.events.length;

		expect((await ana.leave()).status).toBe(204);
		expect(await benStream.closedWithin(5_000)).toBe(true);
		expect(await anaStream.closedWithin(5_000)).toBe(true);
		expect(benStream.events.slice(before)).toEqual([]);
		for (const who of [ana, ben]) {
			expect((await who.get(`/api/v1/conversations/${conversation.id}`)).status).toBe(404);
			expect(
				(await who.post(`/api/v1/conversations/${conversation.id}/advance`, { at: 0 })).status
			).toBe(404);
		}

		// Ana links with someone new; Ben, reconnecting, follows only what is his now.
		const cleo = await Person.register(server(), { name: 'Cleo' });
		await link(ana, cleo);
		const again = await openStream(ben);
		const cleoStream = await openStream(cleo);
		await again.next((e) => e.kind === 'ready');
		const next = await startCloser(ana, 'one-phone');
		await advance(ana, next.id);
		await cleoStream.next(about(next.id));
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(again.events.filter((e) => e.kind === 'conversation')).toEqual([]);
		again.close();
		cleoStream.close();
	});

	test('asks for text/event-stream, and limits how many streams one person opens', async () => {
		const person = await Person.register(server(), { name: 'Lu' });
		const plain = await person.get('/api/v1/events');
		expect(plain.status).toBe(400);
		expect(errorCode(plain)).toBe('INVALID');

		const streams: EventStream[] = [];
		for (let i = 0; i < 8; i += 1) {
			streams.push(await openStream(person));
		}
		expect(streams.map((s) => s.status)).toEqual(Array(8).fill(200));
		const tooMany = await openStream(person);
		expect(tooMany.status).toBe(429);
		streams[0].close();
		await new Promise((resolve) => setTimeout(resolve, 200));
		const room = await openStream(person);
		expect(room.status).toBe(200);
		for (const stream of [...streams, room]) {
			stream.close();
		}
	});
});

describe('shutting down with open streams', () => {
	test('SIGTERM ends the open streams and the server stops at once', async () => {
		const running = await startServer({ driver: availableDrivers().at(-1) });
		const person = await Person.register(running, { name: 'Sig' });
		const stream = await openStream(person);
		await stream.next((e) => e.kind === 'ready');

		const started = Date.now();
		await running.stop();
		expect(Date.now() - started, 'stopped without waiting for the stream').toBeLessThan(4_000);
		expect(await stream.closedWithin(1_000)).toBe(true);
	});
});

describe.runIf(availableDrivers().includes('postgres'))(
	'two app instances on one PostgreSQL',
	() => {
		test('a partner on each instance stays in sync through the stream', async () => {
			const secret = crypto.randomBytes(32).toString('base64url');
			const first = await startServer({ driver: 'postgres', env: { APP_SECRET: secret } });
			let second: TestServer | undefined;
			try {
				second = await startServer({
					driver: 'postgres',
					databaseUrl: first.databaseUrl,
					env: { APP_SECRET: secret }
				});
				const ana = await Person.register(first, { name: 'Ana' });
				const ben = await Person.register(second, { name: 'Ben' });
				await link(ana, ben);
				const anaStream = await openStream(ana);
				const benStream = await openStream(ben);
				await Promise.all([anaStream, benStream].map((s) => s.next((e) => e.kind === 'ready')));

				const conversation = await startCloser(ana);
				await benStream.next(about(conversation.id));
				expect((await ben.post(`/api/v1/conversations/${conversation.id}/join`)).status).toBe(200);
				await anaStream.next(about(conversation.id));

				// Moves alternate between the instances; each time the other instance's phone hears it.
				for (let i = 0; i < 6; i += 1) {
					const [mover, watcher] = i % 2 === 0 ? [ana, benStream] : [ben, anaStream];
					const count = watcher.events.filter(about(conversation.id)).length;
					const moved = await advance(mover, conversation.id);
					await watcher.next(
						(() => {
							let seen = 0;
							return (e) => about(conversation.id)(e) && ++seen > count;
						})()
					);
					const onFirst = conversationOf(await ana.get(`/api/v1/conversations/${conversation.id}`));
					const onSecond = conversationOf(
						await ben.get(`/api/v1/conversations/${conversation.id}`)
					);
					expect(onFirst.seq).toBe(moved.seq);
					expect(onSecond.seq).toBe(moved.seq);
					expect(onSecond.place).toEqual(onFirst.place);
					expect(onSecond.timer?.endsAt).toBe(onFirst.timer?.endsAt);
				}
				expectOnlyKindsAndIds(anaStream);
				expectOnlyKindsAndIds(benStream);
				anaStream.close();
				benStream.close();
			} finally {
				await second?.stop();
				await first.stop();
			}
		});
	}
);
