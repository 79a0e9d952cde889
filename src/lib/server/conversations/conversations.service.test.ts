import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { requireViewer } from '../access';
import { conversations } from '../db/schema';
import type { DbHandle } from '../db/client';
import type { Ctx } from '../context';
import { createTestDb } from '../testing/db';
import { createCouple, createPerson, testBus } from '../testing/factories';
import { createInvite, joinCouple, leaveCouple } from '../couples/couples.service';
import { coupleTopic, userTopic, type LiveEvent, type Topic } from '../live/bus';
import { getContent } from '$lib/content';
import { replay, type ProtocolEvent } from '$lib/domain/conversation-protocol';
import { getConversation, startConversation } from './conversations.service';
import {
	advanceConversation,
	endConversation,
	joinConversation,
	optInToNextSet,
	pauseConversation,
	resumeConversation
} from './moves.service';
import {
	receiveConversationAnswer,
	saveConversationAnswer,
	shareConversationAnswer
} from './answers.service';
import { listConversations } from './past.service';
import { listEvents } from './conversations.queries';
import type { ConversationView } from './conversations.view';

// Walking a whole Closer set takes a few hundred moves.
vi.setConfig({ testTimeout: 30_000 });

let handle: DbHandle;
beforeAll(async () => {
	handle = await createTestDb();
});

const MINUTE = 60_000;

/** A clock the test moves by hand; both partners share it. */
function clock(start = '2026-03-01T20:00:00Z') {
	let now = Date.parse(start);
	return {
		now: () => new Date(now),
		tick: (ms: number) => {
			now += ms;
		}
	};
}

async function pair() {
	const time = clock();
	const { a, b } = await createCouple(handle.db);
	a.ctx.now = time.now;
	b.ctx.now = time.now;

	return { a: a.ctx, b: b.ctx, aId: a.user.id, bId: b.user.id, time };
}

const next = (ctx: Ctx, view: ConversationView) =>
	advanceConversation(ctx, view.id, { at: view.seq, action: 'next' });

/** Advances until the status changes or the guard runs out. */
async function advanceUntil(
	ctx: Ctx,
	view: ConversationView,
	done: (v: ConversationView) => boolean
) {
	let current = view;
	for (let i = 0; i < 400 && !done(current); i += 1) {
		current = await next(ctx, current);
	}

	return current;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Collects live events on a topic from now on (earlier ones are let through first). */
async function listen(topic: Topic) {
	await settle();
	const events: LiveEvent[] = [];
	const stop = testBus.subscribe(topic, (event) => events.push(event));

	return { events, stop, settle };
}

describe('Closer on two phones', () => {
	it('waits for the partner, then shows both the same prompt, turn and timer', async () => {
		const { a, b, time } = await pair();
		const { conversation: started, created } = await startConversation(a, {
			kind: 'closer',
			mode: 'two-phone'
		});
		expect(created).toBe(true);
		expect(started).toMatchObject({ status: 'waiting', joined: { me: true, partner: false } });

		const again = await startConversation(b, { kind: 'closer', mode: 'two-phone' });
		expect(again).toMatchObject({ created: false, conversation: { id: started.id } });
		time.tick(MINUTE);
		const joined = await joinConversation(b, started.id);
		expect(joined).toMatchObject({ status: 'active', joined: { me: true, partner: true } });

		const [seenByA, seenByB] = [await getConversation(a, started.id), joined];
		const firstPrompt = getContent().closer.sets[0].prompts[0];
		expect(seenByA.prompt).toEqual({
			id: firstPrompt.id,
			kind: firstPrompt.kind,
			text: firstPrompt.text
		});
		expect(seenByB.prompt).toEqual(seenByA.prompt);
		expect(seenByA.seq).toBe(seenByB.seq);
		expect(seenByA.speaker).toBe('me');
		expect(seenByB.speaker).toBe('partner');
		expect(seenByA.timer).toMatchObject({ running: true, remainingMs: 15 * MINUTE });
		expect(seenByA.timer?.endsAt).toBe(seenByB.timer?.endsAt);
	});

	it('moves both phones on one tap; a tap from a screen that is behind changes nothing', async () => {
		const { a, b } = await pair();
		const { conversation } = await startConversation(a, { kind: 'closer', mode: 'two-phone' });
		const joined = await joinConversation(b, conversation.id);
		const couple = await listen(coupleTopic((await getCoupleId(a)) ?? ''));

		const moved = await next(b, joined);
		expect(moved.place.step).toBe('reflect');
		expect(moved.whose).toBe('me');
		await expect(next(a, joined)).rejects.toMatchObject({ code: 'CONFLICT' });
		expect((await getConversation(a, conversation.id)).place.step).toBe('reflect');

		await couple.settle();
		couple.stop();
		expect(couple.events).toEqual([{ kind: 'conversation', id: conversation.id }]);
	});

	it('goes listener-first: reflect, confirm or correct, then respond, then the other speaks', async () => {
		const { a, b } = await pair();
		const { conversation } = await startConversation(a, { kind: 'closer', mode: 'two-phone' });
		let view = await joinConversation(b, conversation.id);
		const steps: string[] = [];
		view = await next(a, view);
		steps.push(view.place.step);
		view = await next(a, view);
		steps.push(view.place.step);
		view = await advanceConversation(a, view.id, { at: view.seq, action: 'correct' });
		steps.push(view.place.step);
		view = await next(b, view);
		view = await next(b, view);
		steps.push(view.place.step);
		view = await next(b, view);
		steps.push(`${view.place.step}:${view.speaker}`);
		expect(steps, JSON.stringify(steps)).toEqual([
			'reflect',
			'confirm',
			'reflect',
			'respond',
			'speak:me'
		]);
	});

	it('starts the next, deeper set only once both opted in, each for themselves', async () => {
		const { a, b } = await pair();
		const { conversation } = await startConversation(a, { kind: 'closer', mode: 'two-phone' });
		const joined = await joinConversation(b, conversation.id);
		const between = await advanceUntil(a, joined, (v) => v.status !== 'active');
		expect(between).toMatchObject({
			status: 'between-sets',
			consent: { me: false, partner: null }
		});

		await expect(optInToNextSet(a, conversation.id, { for: 'partner' })).rejects.toMatchObject({
			code: 'CONFLICT'
		});
		const mine = await optInToNextSet(a, conversation.id, { for: 'me' });
		expect(mine).toMatchObject({ status: 'between-sets', consent: { me: true, partner: null } });
		// The partner is not shown the other's choice: no pressure either way.
		expect((await getConversation(b, conversation.id)).consent).toEqual({
			me: false,
			partner: null
		});
		await expect(next(a, mine)).rejects.toMatchObject({ code: 'CONFLICT' });

		const both = await optInToNextSet(b, conversation.id, { for: 'me' });
		expect(both).toMatchObject({ status: 'active', place: { set: 1, index: 0 } });
		expect(both.prompt?.id).toBe(getContent().closer.sets[1].prompts[0].id);
		expect(both.set?.id).toBe('closer-2');
	});

	it('lets either person end at any time; nothing moves after that', async () => {
		const { a, b } = await pair();
		const { conversation } = await startConversation(a, { kind: 'closer', mode: 'two-phone' });
		await joinConversation(b, conversation.id);
		const ended = await endConversation(b, conversation.id);
		expect(ended.status).toBe('ended');
		expect(JSON.stringify(ended)).not.toContain('endedBy');
		const seen = await getConversation(a, conversation.id);
		expect(seen.status).toBe('ended');
		await expect(next(a, seen)).rejects.toMatchObject({ code: 'CONFLICT' });
		await expect(endConversation(a, conversation.id)).resolves.toMatchObject({ status: 'ended' });
		const fresh = await startConversation(a, { kind: 'closer', mode: 'one-phone' });
		expect(fresh.created).toBe(true);
	});
});

describe('pause and resume', () => {
	it('resumes days later at exactly the place, with the time that was left', async () => {
		const { a, b, time } = await pair();
		const { conversation } = await startConversation(a, { kind: 'closer', mode: 'one-phone' });
		let view = conversation;
		for (let i = 0; i < 11; i += 1) {
			time.tick(30_000);
			view = await next(a, view);
		}
		const before = await pauseConversation(b, conversation.id);
		expect(before.status).toBe('paused');
		expect(before.timer).toMatchObject({ running: false, remainingMs: 15 * MINUTE - 11 * 30_000 });

		time.tick(3 * 24 * 60 * MINUTE);
		const resumed = await resumeConversation(b, conversation.id);
		expect(resumed.status).toBe('active');
		expect({
			...resumed.place,
			prompt: resumed.prompt,
			whose: resumed.whose,
			holder: resumed.holder
		}).toEqual({
			...before.place,
			prompt: before.prompt,
			whose: before.whose,
			holder: before.holder
		});
		expect(resumed.timer?.remainingMs).toBe(before.timer?.remainingMs);

		const events = await listEvents(handle.db, conversation.id);
		const row = await conversationRow(conversation.id);
		const replayed = replay(
			{ kind: row.kind, mode: row.mode, script: row.script, at: row.startedAt.getTime() },
			events.map((e) => ({
				event: { type: e.type, by: e.by, for: e.forPosition ?? undefined } as ProtocolEvent,
				at: e.at.getTime()
			}))
		);
		expect(replayed).toEqual(row.state);
		expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
	});
});

describe('one phone', () => {
	it('says whose turn it is and asks to pass the phone when the speaker changes', async () => {
		const { a } = await pair();
		const { conversation } = await startConversation(a, { kind: 'ten-minutes', mode: 'one-phone' });
		expect(conversation).toMatchObject({ whose: 'me', holder: 'me', place: { step: 'speak' } });
		const seen: string[] = [];
		let view = conversation;
		for (let i = 0; i < 5; i += 1) {
			view = await next(a, view);
			seen.push(`${view.place.step}:${view.whose}`);
		}
		expect(seen).toEqual([
			'reflect:partner',
			'confirm:me',
			'respond:partner',
			'handover:partner',
			'speak:partner'
		]);
		expect(view.holder).toBe('partner');
	});

	it('on one shared phone both say yes to the next set on the same screen', async () => {
		const { a } = await pair();
		const { conversation } = await startConversation(a, { kind: 'closer', mode: 'one-phone' });
		const between = await advanceUntil(a, conversation, (v) => v.status !== 'active');
		const one = await optInToNextSet(a, between.id, { for: 'me' });
		expect(one.consent).toEqual({ me: true, partner: false });
		const both = await optInToNextSet(a, between.id, { for: 'partner' });
		expect(both).toMatchObject({ status: 'active', place: { set: 1 } });
	});
});

describe('who may take part', () => {
	it('gives an ex and a stranger NOT_FOUND for everything, and the pair too after they part', async () => {
		const { a, b } = await pair();
		const stranger = await createPerson(handle.db);
		const { conversation } = await startConversation(a, {
			kind: 'vulnerability',
			mode: 'two-phone'
		});
		await joinConversation(b, conversation.id);
		const draft = await saveConversationAnswer(a, conversation.id, {
			promptId: conversation.prompt?.id ?? '',
			text: 'a draft',
			visibility: 'shared'
		});

		const everything = (ctx: Ctx): (() => Promise<unknown>)[] => [
			() => getConversation(ctx, conversation.id),
			() => joinConversation(ctx, conversation.id),
			() => advanceConversation(ctx, conversation.id, { at: 0, action: 'next' }),
			() => pauseConversation(ctx, conversation.id),
			() => resumeConversation(ctx, conversation.id),
			() => optInToNextSet(ctx, conversation.id, { for: 'me' }),
			() => endConversation(ctx, conversation.id),
			() =>
				saveConversationAnswer(ctx, conversation.id, {
					promptId: draft.promptId,
					text: 'x',
					visibility: 'private'
				}),
			() => shareConversationAnswer(ctx, conversation.id, draft.id),
			() => receiveConversationAnswer(ctx, conversation.id, draft.id, { responseId: receiving() })
		];
		for (const attempt of everything(stranger.ctx)) {
			await expect(attempt()).rejects.toMatchObject({ code: 'NOT_FOUND' });
		}

		await leaveCouple(b);
		for (const ctx of [a, b]) {
			for (const attempt of everything(ctx)) {
				await expect(attempt()).rejects.toMatchObject({ code: 'NOT_FOUND' });
			}
		}
		// The same two, linked again, are a new couple: the old conversation stays out of reach.
		const invite = await createInvite(a);
		await joinCouple(b, { code: invite.code });
		await expect(getConversation(b, conversation.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		const listed = await listConversations(a);
		expect(listed.conversations.map((c) => c.id)).not.toContain(conversation.id);
		// Each keeps what they wrote, and only that.
		expect(listed.earlier.flatMap((note) => note.answers.map((x) => x.text))).toEqual(['a draft']);
		expect((await listConversations(b)).earlier).toEqual([]);
	});

	it('needs a partner for two-person modes, and a second person for Closer', async () => {
		const alone = await createPerson(handle.db);
		await expect(
			startConversation(alone.ctx, { kind: 'closer', mode: 'one-phone' })
		).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		await expect(startConversation(alone.ctx, { kind: 'closer' })).rejects.toMatchObject({
			code: 'INVALID'
		});
	});
});

describe('vulnerability invitation', () => {
	it('keeps drafts private everywhere until shared, then allows only receiving responses', async () => {
		const { a, b } = await pair();
		const coupleId = (await getCoupleId(a)) ?? '';
		const { conversation } = await startConversation(a, {
			kind: 'vulnerability',
			mode: 'two-phone'
		});
		await joinConversation(b, conversation.id);
		const stem = conversation.prompt?.id ?? '';
		const couple = await listen(coupleTopic(coupleId));
		const own = await listen(userTopic(a.userId ?? ''));

		const draft = await saveConversationAnswer(a, conversation.id, {
			promptId: stem,
			text: 'SECRET-DRAFT worried about work',
			visibility: 'private'
		});
		await couple.settle();
		expect(couple.events, 'a private draft sends nothing to the couple').toEqual([]);
		expect(own.events).toEqual([{ kind: 'conversation', id: conversation.id }]);
		for (const seen of [await getConversation(b, conversation.id), await listConversations(b)]) {
			expect(JSON.stringify(seen)).not.toContain('SECRET-DRAFT');
			expect(JSON.stringify(seen)).not.toContain(draft.id);
		}
		await expect(
			receiveConversationAnswer(b, conversation.id, draft.id, { responseId: receiving() })
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(shareConversationAnswer(b, conversation.id, draft.id)).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});

		const shared = await shareConversationAnswer(a, conversation.id, draft.id);
		expect(shared.visibility).toBe('shared');
		const seenByB = await getConversation(b, conversation.id);
		expect(seenByB.place.step).toBe('receive');
		expect(seenByB.whose).toBe('me');
		expect(seenByB.answers.map((x) => x.text)).toEqual(['SECRET-DRAFT worried about work']);
		await couple.settle();
		expect(couple.events.length).toBeGreaterThan(0);

		await expect(
			receiveConversationAnswer(b, conversation.id, draft.id, { responseId: 'fix-it-like-this' })
		).rejects.toMatchObject({ code: 'INVALID' });
		await expect(
			receiveConversationAnswer(a, conversation.id, draft.id, { responseId: receiving() })
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
		const received = await receiveConversationAnswer(b, conversation.id, draft.id, {
			responseId: receiving()
		});
		expect(received.responses).toMatchObject([{ responseId: receiving(), mine: true }]);
		const seenByA = await getConversation(a, conversation.id);
		expect(seenByA.answers[0].responses).toMatchObject([{ responseId: receiving(), mine: false }]);
		couple.stop();
		own.stop();
	});

	it('journals alone: private only, one stem after another', async () => {
		const alone = await createPerson(handle.db);
		const { conversation } = await startConversation(alone.ctx, { kind: 'vulnerability' });
		expect(conversation).toMatchObject({ mode: 'solo', whose: 'me', place: { step: 'journal' } });
		await expect(
			saveConversationAnswer(alone.ctx, conversation.id, {
				promptId: conversation.prompt?.id ?? '',
				text: 'just for me',
				visibility: 'shared'
			})
		).rejects.toMatchObject({ code: 'INVALID' });
		const kept = await saveConversationAnswer(alone.ctx, conversation.id, {
			promptId: conversation.prompt?.id ?? '',
			text: 'just for me',
			visibility: 'private'
		});
		expect(kept).toMatchObject({ mine: true, visibility: 'private' });
		const moved = await next(alone.ctx, conversation);
		expect(moved.prompt?.id).not.toBe(conversation.prompt?.id);
		await expect(
			saveConversationAnswer(alone.ctx, conversation.id, {
				promptId: 'c1-01',
				text: 'x',
				visibility: 'private'
			})
		).rejects.toMatchObject({ code: 'INVALID' });
	});
});

describe('ten minutes and phones down', () => {
	it('ten minutes offers a question the pair has not talked about before', async () => {
		const { a, b } = await pair();
		const first = await startConversation(a, { kind: 'ten-minutes' });
		expect(first.conversation.timer).toMatchObject({ limitMs: 10 * MINUTE, running: true });
		await endConversation(b, first.conversation.id);
		const second = await startConversation(b, { kind: 'ten-minutes' });
		expect(second.created).toBe(true);
		expect(second.conversation.prompt?.id).not.toBe(first.conversation.prompt?.id);
		const other = await advanceConversation(b, second.conversation.id, {
			at: second.conversation.seq,
			action: 'pass'
		});
		expect(other.prompt?.id).not.toBe(second.conversation.prompt?.id);
	});

	it('phones down records only that it happened', async () => {
		const { a, b, time } = await pair();
		const { conversation } = await startConversation(a, { kind: 'phones-down' });
		expect(conversation).toMatchObject({
			place: { step: 'quiet' },
			timer: { limitMs: 20 * MINUTE }
		});
		expect(conversation.lightPrompts.length).toBeGreaterThan(0);
		await expect(
			saveConversationAnswer(a, conversation.id, {
				promptId: 'p001',
				text: 'x',
				visibility: 'private'
			})
		).rejects.toMatchObject({ code: 'INVALID' });
		await expect(next(a, conversation)).rejects.toMatchObject({ code: 'CONFLICT' });
		time.tick(20 * MINUTE);
		const done = await next(b, await getConversation(b, conversation.id));
		expect(done.status).toBe('completed');
		const [listed] = (await listConversations(b)).conversations;
		expect(listed).toMatchObject({ kind: 'phones-down', status: 'completed', answers: [] });
	});

	it('a phones-down left running closes as done when the next one starts', async () => {
		const { a, time } = await pair();
		const { conversation } = await startConversation(a, { kind: 'phones-down' });
		time.tick(25 * MINUTE);
		const again = await startConversation(a, { kind: 'phones-down' });
		expect(again.created).toBe(true);
		expect((await getConversation(a, conversation.id)).status).toBe('completed');
	});
});

describe('past conversations', () => {
	it("lists what was done and when, with one's own saved answers and the partner's shared ones", async () => {
		const { a, b } = await pair();
		const { conversation } = await startConversation(a, { kind: 'closer', mode: 'two-phone' });
		await joinConversation(b, conversation.id);
		const promptId = conversation.prompt?.id ?? '';
		await saveConversationAnswer(a, conversation.id, {
			promptId,
			text: 'mine, kept',
			visibility: 'private'
		});
		await saveConversationAnswer(b, conversation.id, {
			promptId,
			text: 'theirs, shared',
			visibility: 'shared'
		});
		await saveConversationAnswer(b, conversation.id, {
			promptId: 'c1-02',
			text: 'theirs, private',
			visibility: 'private'
		});
		await endConversation(a, conversation.id);

		const [listed] = (await listConversations(a)).conversations;
		expect(listed).toMatchObject({
			id: conversation.id,
			kind: 'closer',
			status: 'ended',
			open: false
		});
		expect(listed.answers.map((x) => [x.text, x.mine]).sort()).toEqual([
			['mine, kept', true],
			['theirs, shared', false]
		]);
		expect(JSON.stringify(await listConversations(a))).not.toContain('theirs, private');

		// Locked, the list keeps the shared space and holds back one's own private words, and
		// the words of an earlier link, until the person unlocks.
		await saveConversationAnswer(
			a,
			(await startConversation(a, { kind: 'vulnerability', mode: 'solo' })).conversation.id,
			{
				promptId: getContent().stems.items[0].id,
				text: 'alone, kept',
				visibility: 'private'
			}
		);
		const locked = JSON.stringify(await listConversations({ ...a, locked: true }));
		expect(locked).toContain('theirs, shared');
		expect(locked).not.toContain('mine, kept');
		expect(locked).not.toContain('alone, kept');
		await leaveCouple(b);
		expect(JSON.stringify(await listConversations(a))).toContain('mine, kept');
		expect(JSON.stringify(await listConversations({ ...a, locked: true }))).not.toContain(
			'mine, kept'
		);
	});
});

function receiving() {
	return getContent().listening.receivingResponses[0].id;
}

async function getCoupleId(ctx: Ctx) {
	return (await requireViewer(ctx)).coupleId;
}

async function conversationRow(id: string) {
	const [row] = await handle.db.select().from(conversations).where(eq(conversations.id, id));

	return row;
}
