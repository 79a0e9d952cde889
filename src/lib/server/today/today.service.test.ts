import { beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createTestDb } from '../testing/db';
import { buildCtx, createCouple, createPerson, testBus } from '../testing/factories';
import { coupleTopic, type LiveEvent } from '../live/bus';
import { requireViewer } from '../access';
import { updateProfile } from '../accounts/accounts.service';
import { createInvite, joinCouple, leaveCouple } from '../couples/couples.service';
import { listCheckins, saveCheckin } from '../checkins/checkins.service';
import { answerQuestion, followUpAnswer, getQuestionDay } from '../questions/questions.service';
import {
	createAppreciation,
	listAppreciations,
	shareKeptAppreciationsWithPartner
} from '../appreciations/appreciations.service';
import { respond } from '../responses/responses.service';
import { updatePracticeSettings } from '../practice/practice.service';
import { getContent } from '$lib/content';
import { getToday } from './today.service';
import { listHistory } from './history.service';
import { getJar } from './jar.service';

let handle: DbHandle;
beforeAll(async () => {
	handle = await createTestDb();
});

// 2026-03-01 20:00 UTC: 12:00 on 1 March in Los Angeles, 07:00 on 2 March in Sydney.
const NOW = new Date('2026-03-01T20:00:00Z');
const clock = () => NOW;
const feeling = () => getContent().feelings.families[0].feelings[0].id;
const checkin = (visibility: 'private' | 'shared') => ({
	mood: 4,
	feelings: [feeling()],
	note: 'carrying a lot',
	visibility
});

async function coupleAt(zoneA = 'UTC', zoneB = 'UTC') {
	const { a, b } = await createCouple(handle.db);
	a.ctx.now = clock;
	b.ctx.now = clock;
	await updateProfile(a.ctx, { timeZone: zoneA });
	await updateProfile(b.ctx, { timeZone: zoneB });

	return { a, b };
}

describe('check-ins', () => {
	it('keeps a private check-in from the partner entirely, and shows a shared one', async () => {
		const { a, b } = await coupleAt();
		await saveCheckin(a.ctx, '2026-03-01', checkin('private'));
		expect(await listCheckins(b.ctx, '2026-02-01', '2026-03-31')).toEqual([]);
		expect((await getToday(b.ctx)).partnerCheckin).toBeNull();
		expect(JSON.stringify(await getToday(b.ctx))).not.toContain('carrying a lot');

		await saveCheckin(a.ctx, '2026-03-01', checkin('shared'));
		const seen = await listCheckins(b.ctx, '2026-02-01', '2026-03-31');
		expect(seen).toHaveLength(1);
		expect(seen[0]).toMatchObject({ mine: false, note: 'carrying a lot', visibility: 'shared' });
		expect((await getToday(b.ctx)).partnerCheckin?.id).toBe(seen[0].id);
	});

	it('is one per local day, editable that day only, and remembers the choice as the default', async () => {
		const { a } = await coupleAt();
		expect((await getToday(a.ctx)).defaultVisibility).toBeNull();
		const first = await saveCheckin(a.ctx, '2026-03-01', checkin('shared'));
		const again = await saveCheckin(a.ctx, '2026-03-01', { ...checkin('private'), mood: 2 });
		expect(again.id).toBe(first.id);
		expect(again.mood).toBe(2);
		expect((await getToday(a.ctx)).defaultVisibility).toBe('private');
		await expect(saveCheckin(a.ctx, '2026-02-28', checkin('private'))).rejects.toMatchObject({
			code: 'INVALID'
		});
	});

	it('refuses feelings outside the vocabulary', async () => {
		const { a } = await coupleAt();
		await expect(
			saveCheckin(a.ctx, '2026-03-01', { ...checkin('private'), feelings: ['not-a-feeling'] })
		).rejects.toMatchObject({ code: 'INVALID', fields: { feelings: expect.any(Array) } });
	});

	it('stops showing shared check-ins to an ex', async () => {
		const { a, b } = await coupleAt();
		await saveCheckin(a.ctx, '2026-03-01', checkin('shared'));
		await leaveCouple(a.ctx);
		expect(await listCheckins(b.ctx, '2026-02-01', '2026-03-31')).toEqual([]);
		expect(await listCheckins(a.ctx, '2026-02-01', '2026-03-31')).toHaveLength(1);
	});
});

describe('question of the day', () => {
	it('gives both partners the same question for the same date, whatever their time zones', async () => {
		const { a, b } = await coupleAt('America/Los_Angeles', 'Australia/Sydney');
		const dayA = await getToday(a.ctx);
		const dayB = await getToday(b.ctx);
		expect(dayA.date).toBe('2026-03-01');
		expect(dayB.date).toBe('2026-03-02');
		expect((await getQuestionDay(b.ctx, '2026-03-01')).question?.id).toBe(
			dayA.question.question?.id
		);
	});

	it('hides the partner answer until the viewer answers; a pass never reveals it', async () => {
		const { a, b } = await coupleAt();
		await answerQuestion(a.ctx, '2026-03-01', { text: 'my answer A' });
		const beforeB = await getQuestionDay(b.ctx, '2026-03-01');
		expect(beforeB.partnerAnswer).toBeNull();
		expect(JSON.stringify(await getToday(b.ctx))).not.toContain('my answer A');

		const passed = await answerQuestion(b.ctx, '2026-03-01', { pass: true });
		expect(passed.answer).toMatchObject({ passed: true, text: null });
		expect(passed.partnerAnswer).toBeNull();

		const answered = await answerQuestion(b.ctx, '2026-03-01', { text: 'my answer B' });
		expect(answered.partnerAnswer?.text).toBe('my answer A');
		expect((await getQuestionDay(a.ctx, '2026-03-01')).partnerAnswer?.text).toBe('my answer B');
	});

	it('keeps an answer as written, and allows one follow-up each after both answered', async () => {
		const { a, b } = await coupleAt();
		await answerQuestion(a.ctx, '2026-03-01', { text: 'first' });
		await expect(answerQuestion(a.ctx, '2026-03-01', { text: 'second' })).rejects.toMatchObject({
			code: 'CONFLICT'
		});
		await expect(followUpAnswer(a.ctx, '2026-03-01', { text: 'more?' })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		await answerQuestion(b.ctx, '2026-03-01', { text: 'mine' });
		const day = await followUpAnswer(a.ctx, '2026-03-01', { text: 'tell me more about that' });
		expect(day.followups.mine).toBe('tell me more about that');
		expect((await getQuestionDay(b.ctx, '2026-03-01')).followups.partner).toBe(
			'tell me more about that'
		);
		await expect(followUpAnswer(a.ctx, '2026-03-01', { text: 'again' })).rejects.toMatchObject({
			code: 'CONFLICT'
		});
	});

	it("answers only for the viewer's own today, and has no question for the future", async () => {
		const { a } = await coupleAt();
		await expect(answerQuestion(a.ctx, '2026-02-28', { text: 'late' })).rejects.toMatchObject({
			code: 'INVALID'
		});
		await expect(getQuestionDay(a.ctx, '2026-03-05')).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(getQuestionDay(a.ctx, 'not-a-date')).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('never reveals an answer to an ex, or to a re-linked pair from their earlier link', async () => {
		const { a, b } = await coupleAt();
		await answerQuestion(a.ctx, '2026-03-01', { text: 'before the break' });
		await answerQuestion(b.ctx, '2026-03-01', { text: 'b before' });
		await leaveCouple(b.ctx);
		expect((await getQuestionDay(b.ctx, '2026-03-01')).partnerAnswer).toBeNull();
		expect((await getQuestionDay(a.ctx, '2026-03-01')).partnerAnswer).toBeNull();
	});

	it("respects both partners' topics to avoid", async () => {
		const { a, b } = await coupleAt();
		await updatePracticeSettings(b.ctx, {
			depth: 'deep',
			kinds: ['emotional'],
			avoidTopics: ['sex', 'family-of-origin', 'past-relationships', 'money', 'health', 'parenting']
		});
		const id = (await getToday(a.ctx)).question.question?.id;
		const question = getContent().questions.find((q) => q.id === id);
		expect(question?.topics).toEqual([]);
	});

	it('shows yesterday once more on Today when the partner answered it after the viewer', async () => {
		const { a, b } = await coupleAt('America/Los_Angeles', 'Australia/Sydney');
		// 08:00 on 1 March in Sydney, still 28 February in Los Angeles.
		b.ctx.now = () => new Date('2026-02-28T21:00:00Z');
		await answerQuestion(b.ctx, '2026-03-01', { text: 'Sydney morning answer' });
		expect((await getToday(b.ctx)).lateReveal).toBeNull();

		// Noon on 1 March in Los Angeles: 07:00 on 2 March in Sydney.
		const seenByA = await answerQuestion(a.ctx, '2026-03-01', { text: 'LA noon answer' });
		expect(seenByA.partnerAnswer?.text).toBe('Sydney morning answer');
		expect((await getToday(a.ctx)).lateReveal).toBeNull();

		b.ctx.now = clock;
		const dayB = await getToday(b.ctx);
		expect(dayB.date).toBe('2026-03-02');
		expect(dayB.lateReveal).toMatchObject({
			date: '2026-03-01',
			answer: { text: 'Sydney morning answer' },
			partnerAnswer: { text: 'LA noon answer' }
		});
		await respond(b.ctx, {
			itemType: 'answer',
			itemId: dayB.lateReveal?.partnerAnswer?.id ?? '',
			kind: 'hear-you'
		});
		expect((await getToday(b.ctx)).responses.map((r) => r.kind)).toEqual(['hear-you']);
	});

	it('never shows yesterday again when the partner passed or is an ex now', async () => {
		const { a, b } = await coupleAt();
		a.ctx.now = b.ctx.now = () => new Date('2026-02-28T09:00:00Z');
		await answerQuestion(a.ctx, '2026-02-28', { text: 'early' });
		a.ctx.now = b.ctx.now = () => new Date('2026-02-28T22:00:00Z');
		await answerQuestion(b.ctx, '2026-02-28', { pass: true });
		a.ctx.now = b.ctx.now = clock;
		expect((await getToday(a.ctx)).lateReveal).toBeNull();

		b.ctx.now = () => new Date('2026-02-28T23:00:00Z');
		await answerQuestion(b.ctx, '2026-02-28', { text: 'late after all' });
		b.ctx.now = clock;
		expect((await getToday(a.ctx)).lateReveal?.partnerAnswer?.text).toBe('late after all');
		await leaveCouple(b.ctx);
		expect((await getToday(a.ctx)).lateReveal).toBeNull();
	});

	it('turns a pass made alone into an answer in the couple the person is in now', async () => {
		const a = await createPerson(handle.db, { now: clock });
		const aCtx = { ...a.ctx, now: clock };
		await answerQuestion(aCtx, '2026-03-01', { pass: true });
		const b = await createPerson(handle.db, { now: clock });
		const bCtx = { ...b.ctx, now: clock };
		await joinCouple(bCtx, { code: (await createInvite(aCtx)).code });

		const couplesQuestion = (await getToday(bCtx)).question.question?.id;
		expect((await getToday(aCtx)).question.question?.id).toBe(couplesQuestion);
		await answerQuestion(aCtx, '2026-03-01', { text: 'answered after linking' });
		await answerQuestion(bCtx, '2026-03-01', { text: 'and me' });
		expect((await getQuestionDay(bCtx, '2026-03-01')).partnerAnswer?.text).toBe(
			'answered after linking'
		);
		expect((await getQuestionDay(aCtx, '2026-03-01')).question?.id).toBe(couplesQuestion);
	});

	it('works alone as a private journal', async () => {
		const alone = await createPerson(handle.db, { now: clock });
		const ctx = { ...alone.ctx, now: clock };
		const day = await answerQuestion(ctx, '2026-03-01', { text: 'just for me' });
		expect(day.answer?.text).toBe('just for me');
		expect(day.partnerAnswer).toBeNull();
		expect((await getToday(ctx)).partner).toBeNull();
	});
});

describe('appreciations and responses', () => {
	it('fills a jar both can revisit; kept ones from a solo time can be shared later', async () => {
		const solo = await createPerson(handle.db, { now: clock });
		const soloCtx = { ...solo.ctx, now: clock };
		const kept = await createAppreciation(soloCtx, { text: 'the way you hummed while cooking' });
		expect(kept).toMatchObject({ kept: true, shared: false });

		const { a, b } = await coupleAt();
		const given = await createAppreciation(a.ctx, { text: 'thank you for the tea at 6am' });
		expect(given).toMatchObject({ shared: true, kept: false });
		expect((await listAppreciations(b.ctx)).map((x) => x.text)).toEqual([
			'thank you for the tea at 6am'
		]);
		await expect(shareKeptAppreciationsWithPartner(soloCtx)).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
	});

	it('opens the jar with what each wrote; an ex keeps only their own', async () => {
		const { a, b } = await coupleAt();
		const fromA = await createAppreciation(a.ctx, { text: 'how you fixed the bike for me' });
		await createAppreciation(b.ctx, { text: 'your patience on the phone with the bank' });
		await respond(b.ctx, { itemType: 'appreciation', itemId: fromA.id, kind: 'means-a-lot' });

		const jarOfB = await getJar(b.ctx);
		expect(jarOfB.received.map((x) => x.text)).toEqual(['how you fixed the bike for me']);
		expect(jarOfB.given.map((x) => x.text)).toEqual(['your patience on the phone with the bank']);
		const jarOfA = await getJar(a.ctx);
		expect(jarOfA.responses).toMatchObject([{ itemId: fromA.id, mine: false }]);

		await leaveCouple(a.ctx);
		const afterA = await getJar(a.ctx);
		expect(afterA.partner).toBeNull();
		expect(afterA.received).toEqual([]);
		expect(afterA.given.map((x) => x.text)).toEqual(['how you fixed the bike for me']);
		expect(afterA.responses).toEqual([]);
		expect(JSON.stringify(await getJar(b.ctx))).not.toContain('fixed the bike');
		await expect(getJar(buildCtx(handle.db))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
	});

	it('lets a partner respond only to what they can see, with bank phrases or a short reply', async () => {
		const { a, b } = await coupleAt();
		const outsider = await createPerson(handle.db);
		const shared = await saveCheckin(a.ctx, '2026-03-01', checkin('shared'));
		const response = await respond(b.ctx, {
			itemType: 'checkin',
			itemId: shared.id,
			kind: 'hear-you'
		});
		expect(response).toMatchObject({ mine: true, kind: 'hear-you' });
		expect((await getToday(a.ctx)).responses.map((r) => r.kind)).toEqual(['hear-you']);

		await expect(
			respond(a.ctx, { itemType: 'checkin', itemId: shared.id, kind: 'hear-you' })
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(
			respond(outsider.ctx, { itemType: 'checkin', itemId: shared.id, kind: 'hear-you' })
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(
			respond(b.ctx, { itemType: 'checkin', itemId: shared.id, kind: 'no-such-phrase' })
		).rejects.toMatchObject({ code: 'INVALID' });

		const secret = await saveCheckin(b.ctx, '2026-03-01', checkin('private'));
		await expect(
			respond(a.ctx, { itemType: 'checkin', itemId: secret.id, kind: 'hear-you' })
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});

describe('history', () => {
	it("shows past days as the viewer may see them: never a partner's private item or unrevealed answer", async () => {
		const { a, b } = await coupleAt();
		await saveCheckin(a.ctx, '2026-03-01', { ...checkin('private'), note: 'only mine' });
		await answerQuestion(a.ctx, '2026-03-01', { text: 'answer of A' });
		await saveCheckin(b.ctx, '2026-03-01', { ...checkin('shared'), note: 'shared by B' });
		await createAppreciation(b.ctx, { text: 'the soup on Sunday' });

		const seenByB = JSON.stringify(await listHistory(b.ctx));
		expect(seenByB).not.toContain('only mine');
		expect(seenByB).not.toContain('answer of A');

		const seenByA = await listHistory(a.ctx);
		expect(seenByA.map((day) => day.date)).toEqual(['2026-03-01']);
		expect(seenByA[0].checkins.map((c) => c.note).sort()).toEqual(['only mine', 'shared by B']);
		expect(seenByA[0].question?.answer?.text).toBe('answer of A');
		expect(seenByA[0].question?.partnerAnswer).toBeNull();
		expect(seenByA[0].appreciations.map((x) => x.text)).toEqual(['the soup on Sunday']);

		await answerQuestion(b.ctx, '2026-03-01', { text: 'answer of B' });
		expect((await listHistory(b.ctx))[0].question?.partnerAnswer?.text).toBe('answer of A');
	});
});

describe('rhythm', () => {
	it("counts the person's own practice days in a 21-day season", async () => {
		const { a } = await coupleAt();
		await saveCheckin(a.ctx, '2026-03-01', checkin('private'));
		const { rhythm } = await getToday(a.ctx);
		expect(rhythm).toMatchObject({ length: 21, practisedDays: 1 });
	});

	it('needs a signed-in person', async () => {
		await expect(getToday(buildCtx(handle.db))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
	});
});

describe('live updates', () => {
	/** What reaches the couple's topic while `act` runs. */
	async function heard(coupleId: string | null, act: () => Promise<unknown>) {
		const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
		await settle();
		const events: LiveEvent[] = [];
		const stop = testBus.subscribe(coupleTopic(coupleId ?? ''), (event) => events.push(event));
		await act();
		await settle();
		stop();

		return events.map((event) => event.kind);
	}

	it('tells the couple of what the partner may see, and of nothing private or unrevealed', async () => {
		const { a, b } = await coupleAt();
		const couple = (await requireViewer(a.ctx)).coupleId;
		expect(await heard(couple, () => saveCheckin(a.ctx, '2026-03-01', checkin('private')))).toEqual(
			[]
		);
		expect(await heard(couple, () => answerQuestion(a.ctx, '2026-03-01', { pass: true }))).toEqual(
			[]
		);
		expect(
			await heard(couple, () => answerQuestion(a.ctx, '2026-03-01', { text: 'first of us' }))
		).toEqual([]);

		expect(await heard(couple, () => saveCheckin(a.ctx, '2026-03-01', checkin('shared')))).toEqual([
			'today'
		]);
		// Made private again: the partner saw it before, so their page hears that it changed.
		expect(await heard(couple, () => saveCheckin(a.ctx, '2026-03-01', checkin('private')))).toEqual(
			['today']
		);
		expect(
			await heard(couple, () => answerQuestion(b.ctx, '2026-03-01', { text: 'second of us' }))
		).toEqual(['today']);
		expect(
			await heard(couple, () => followUpAnswer(b.ctx, '2026-03-01', { text: 'say more?' }))
		).toEqual(['today']);
		const given = await createAppreciation(a.ctx, { text: 'the lamp you mended' });
		expect(
			await heard(couple, () =>
				respond(b.ctx, { itemType: 'appreciation', itemId: given.id, kind: 'means-a-lot' })
			)
		).toEqual(['today']);
		expect(
			await heard(couple, () => createAppreciation(b.ctx, { text: 'your patience today' }))
		).toEqual(['today']);
	});
});
