import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../db/client';
import type { Ctx } from '../context';
import { lockSettings } from '../db/schema';
import { createTestDb } from '../testing/db';
import { createPerson, TEST_PASSWORD } from '../testing/factories';
import { changePassword, updateProfile } from '../accounts/accounts.service';
import { createInvite, joinCouple, listPastPartners } from '../couples/couples.service';
import { listCheckins, saveCheckin } from '../checkins/checkins.service';
import { answerQuestion, getQuestionDay } from '../questions/questions.service';
import {
	createAppreciation,
	listAppreciations,
	shareKeptAppreciationsWithPartner
} from '../appreciations/appreciations.service';
import { getPracticeSettings, updatePracticeSettings } from '../practice/practice.service';
import {
	endOtherSessions,
	listSessions,
	resolveSession,
	startSession
} from '../sessions/sessions.service';
import { getToday } from '../today/today.service';
import { listHistory } from '../today/history.service';
import { exportYourData, exportYourDataAsHtml } from '../privacy/export.service';
import { deleteAccount } from '../privacy/deletion.service';
import { listSecurityLog } from '../security-log/security-log.service';
import { getSecuritySettings, startTwoFactorSetup } from '../two-factor/two-factor.service';
import { changeEmail } from '../accounts/email.service';
import { setHighSafety } from '../recovery/recovery.service';
import { getContent } from '$lib/content';
import { getLockState, lockSession, recordActivity, unlockSession } from './lock.service';
import { getLockSettings, removePin, setPin, updateLockSettings } from './lock-settings.service';

let handle: DbHandle;
beforeAll(async () => {
	handle = await createTestDb();
});

const START = new Date('2026-05-04T09:00:00Z');
const MINUTE = 60_000;
const SECRET_NOTE = 'a private note nobody else should read';

/** A person with a clock the test moves, and their session as each request would see it. */
async function person(name: string) {
	const clock = { now: START };
	const made = await createPerson(handle.db, { name, now: () => clock.now });
	await updateProfile(made.ctx, { timeZone: 'UTC' });

	return {
		...made,
		clock,
		/** The context of a request arriving `minutes` after the start. */
		async at(minutes: number): Promise<Ctx> {
			clock.now = new Date(START.getTime() + minutes * MINUTE);
			const resolved = await resolveSession({ db: handle.db, now: () => clock.now }, made.token);
			if (!resolved) {
				throw new Error('the session is gone');
			}

			return { ...made.ctx, now: () => clock.now, locked: resolved.locked };
		}
	};
}

async function couple() {
	const a = await person('Alex');
	const b = await person('Sam');
	await joinCouple(b.ctx, { code: (await createInvite(a.ctx)).code });

	return { a, b };
}

const checkin = (visibility: 'private' | 'shared', note = SECRET_NOTE) => ({
	mood: 3,
	feelings: [getContent().feelings.families[0].feelings[0].id],
	note,
	visibility
});

describe('idle re-lock of a session', () => {
	it('opens after sign-in, locks once the idle minutes pass, and stays locked', async () => {
		const a = await person('Ada');
		expect((await a.at(0)).locked).toBe(false);
		expect((await a.at(9)).locked).toBe(false);
		// Activity at minute 9 restarts the clock: ten more minutes from there.
		expect((await a.at(18)).locked).toBe(false);
		expect((await a.at(28.5)).locked).toBe(true);
		// A request after the lock is no activity that opens it again.
		expect((await a.at(29)).locked).toBe(true);
		expect(await getLockState(await a.at(29))).toMatchObject({ locked: true, secondsLeft: 0 });
	});

	it('follows the minutes the person chose, 5 to 15', async () => {
		const a = await person('Bea');
		await updateLockSettings(await a.at(0), { idleMinutes: 5 });
		expect((await a.at(4)).locked).toBe(false);
		expect((await a.at(9.5)).locked).toBe(true);

		const b = await person('Cas');
		await updateLockSettings(await b.at(0), { idleMinutes: 15 });
		expect((await b.at(14)).locked).toBe(false);
		expect(await getLockState(await b.at(14))).toMatchObject({
			locked: false,
			idleMinutes: 15,
			secondsLeft: 15 * 60
		});
	});

	it('counts a report of activity (typing without a request) and ignores it once locked', async () => {
		const a = await person('Dee');
		const view = await recordActivity(await a.at(0.5));
		expect(view).toMatchObject({ locked: false, secondsLeft: 10 * 60 });
		expect((await a.at(10)).locked).toBe(false);
		await lockSession(await a.at(10));
		expect((await recordActivity(await a.at(10.2))).locked).toBe(true);
		expect((await a.at(10.3)).locked).toBe(true);
	});

	it('locks at once on request (quick exit), for this session only', async () => {
		const a = await person('Eve');
		const laptop = await startSession({ ...a.ctx, now: () => a.clock.now }, a.user.id);
		await lockSession(await a.at(1));
		expect((await a.at(1)).locked).toBe(true);
		const other = await resolveSession({ db: handle.db, now: () => a.clock.now }, laptop.token);
		expect(other?.locked).toBe(false);
	});
});

describe('a locked session gets the shared space only', () => {
	it('refuses every private area with LOCKED', async () => {
		const { a } = await couple();
		const locked = await (await lockedAt(a))();
		const refusals: [string, Promise<unknown>][] = [
			['history', listHistory(locked)],
			['check-in range', listCheckins(locked, '2026-05-01', '2026-05-04')],
			['sessions', listSessions(locked)],
			['end other sessions', endOtherSessions(locked)],
			[
				'password',
				changePassword(locked, { currentPassword: TEST_PASSWORD, newPassword: 'brand new words' })
			],
			['pace', getPracticeSettings(locked)],
			[
				'pace change',
				updatePracticeSettings(locked, { depth: 'light', kinds: ['emotional'], avoidTopics: [] })
			],
			['past partners', listPastPartners(locked)],
			['lock settings', getLockSettings(locked)],
			['lock settings change', updateLockSettings(locked, { idleMinutes: 15 })],
			['pin', setPin(locked, { pin: '4827', currentPassword: TEST_PASSWORD })],
			['pin removal', removePin(locked)],
			['check-in', saveCheckin(locked, '2026-05-04', checkin('shared'))],
			['answer', answerQuestion(locked, '2026-05-04', { text: 'my answer' })],
			['kept appreciations', shareKeptAppreciationsWithPartner(locked)],
			['export', exportYourData(locked)],
			['export page', exportYourDataAsHtml(locked)],
			['account deletion', deleteAccount(locked, { password: TEST_PASSWORD })],
			['security log', listSecurityLog(locked)],
			['two-step settings', getSecuritySettings(locked)],
			['two-step setup', startTwoFactorSetup(locked)],
			[
				'email change',
				changeEmail(locked, { newEmail: 'new@example.test', password: TEST_PASSWORD })
			],
			['high-safety mode', setHighSafety(locked, { enabled: true, password: TEST_PASSWORD })]
		];
		for (const [label, attempt] of refusals) {
			await expect(attempt, label).rejects.toMatchObject({ code: 'LOCKED' });
		}
	});

	it('leaves out the private check-in and rhythm but keeps the partner’s shared day', async () => {
		const { a, b } = await couple();
		await saveCheckin(await a.at(0), '2026-05-04', checkin('private'));
		await saveCheckin(await b.at(0), '2026-05-04', checkin('shared', 'shared with Alex'));
		const open = await getToday(await a.at(1));
		expect(open.checkin?.note).toBe(SECRET_NOTE);
		expect(open.locked).toBe(false);

		const today = await getToday(await a.at(20));
		expect(today.locked).toBe(true);
		expect(today.checkin).toBeNull();
		expect(today.rhythm).toBeNull();
		expect(today.defaultVisibility).toBeNull();
		expect(today.partnerCheckin?.note).toBe('shared with Alex');
		expect(JSON.stringify(today)).not.toContain(SECRET_NOTE);
	});

	it('hides an answer until the partner can read it, and an answer given alone', async () => {
		const { a, b } = await couple();
		await answerQuestion(await a.at(0), '2026-05-04', { text: 'only mine so far' });
		const locked = await lockedAt(a);
		expect((await getQuestionDay(await locked(), '2026-05-04')).answer).toBeNull();
		expect(JSON.stringify(await getToday(await locked()))).not.toContain('only mine so far');

		await answerQuestion(await b.at(0), '2026-05-04', { text: 'and mine' });
		const day = await getQuestionDay(await locked(), '2026-05-04');
		expect(day.answer?.text).toBe('only mine so far');
		expect(day.partnerAnswer?.text).toBe('and mine');

		const solo = await person('Fay');
		await answerQuestion(await solo.at(0), '2026-05-04', { text: 'alone with it' });
		await lockSession(await solo.at(1));
		expect((await getQuestionDay(await solo.at(2), '2026-05-04')).answer).toBeNull();
	});

	it('keeps appreciations written alone out of the jar, and lets a linked person give one', async () => {
		const solo = await person('Gus');
		await createAppreciation(await solo.at(0), { text: 'kept for later, thank you' });
		await lockSession(await solo.at(1));
		const locked = await solo.at(2);
		expect(await listAppreciations(locked)).toEqual([]);
		await expect(createAppreciation(locked, { text: 'another kept one' })).rejects.toMatchObject({
			code: 'LOCKED'
		});

		const { a, b } = await couple();
		await lockSession(await a.at(1));
		const given = await createAppreciation(await a.at(2), { text: 'thank you for the soup' });
		expect(given.shared).toBe(true);
		expect((await listAppreciations(await b.at(2))).map((x) => x.text)).toContain(
			'thank you for the soup'
		);
	});

	async function lockedAt(p: Awaited<ReturnType<typeof person>>) {
		await lockSession(await p.at(1));

		return () => p.at(2);
	}
});

describe('unlocking', () => {
	it('opens with the password, and the next request is open', async () => {
		const a = await person('Hal');
		await lockSession(await a.at(1));
		await expect(unlockSession(await a.at(2), { password: 'not it at all' })).rejects.toMatchObject(
			{ code: 'INVALID', fields: { password: expect.any(Array) } }
		);
		expect((await a.at(2)).locked).toBe(true);
		await unlockSession(await a.at(2), { password: TEST_PASSWORD });
		const ctx = await a.at(3);
		expect(ctx.locked).toBe(false);
		expect(await listHistory(ctx)).toEqual([]);
	});

	it('opens with a PIN, stored as an Argon2id hash like passwords', async () => {
		const a = await person('Ivy');
		await setPin(await a.at(0), { pin: '4827', currentPassword: TEST_PASSWORD });
		const [row] = await handle.db
			.select()
			.from(lockSettings)
			.where(eq(lockSettings.userId, a.user.id));
		expect(row.pinHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(row.pinHash).not.toContain('4827');
		expect(await getLockSettings(await a.at(0))).toEqual({ idleMinutes: 10, pin: true });

		await lockSession(await a.at(1));
		expect((await getLockState(await a.at(2))).pin).toBe('ready');
		await unlockSession(await a.at(2), { pin: '4827' });
		expect((await a.at(3)).locked).toBe(false);
	});

	it('pauses the PIN after five wrong tries, until the password unlocks', async () => {
		const a = await person('Jo');
		await setPin(await a.at(0), { pin: '4827', currentPassword: TEST_PASSWORD });
		await lockSession(await a.at(1));
		for (let i = 0; i < 5; i += 1) {
			await expect(unlockSession(await a.at(2), { pin: `11${i}9` })).rejects.toMatchObject({
				code: 'INVALID',
				fields: { pin: expect.any(Array) }
			});
		}
		// Even the right PIN: someone holding the phone gets five guesses, not ten thousand.
		await expect(unlockSession(await a.at(3), { pin: '4827' })).rejects.toMatchObject({
			code: 'RATE_LIMITED'
		});
		expect((await getLockState(await a.at(3))).pin).toBe('blocked');
		expect((await a.at(3)).locked).toBe(true);

		await unlockSession(await a.at(4), { password: TEST_PASSWORD });
		await lockSession(await a.at(5));
		expect((await getLockState(await a.at(5))).pin).toBe('ready');
		await unlockSession(await a.at(5), { pin: '4827' });
		expect((await a.at(6)).locked).toBe(false);
	});

	it('throttles wrong passwords too', async () => {
		const a = await person('Kit');
		await lockSession(await a.at(1));
		for (let i = 0; i < 10; i += 1) {
			await expect(unlockSession(await a.at(2), { password: `guess ${i}` })).rejects.toMatchObject({
				code: 'INVALID'
			});
		}
		await expect(unlockSession(await a.at(2), { password: TEST_PASSWORD })).rejects.toMatchObject({
			code: 'RATE_LIMITED',
			retryAfterSeconds: expect.any(Number)
		});
	});

	it('says so when there is no PIN to unlock with', async () => {
		const a = await person('Lou');
		await lockSession(await a.at(1));
		await expect(unlockSession(await a.at(2), { pin: '4827' })).rejects.toMatchObject({
			code: 'INVALID'
		});
		expect((await getLockState(await a.at(2))).pin).toBe('none');
	});
});

describe('PIN and lock settings', () => {
	it('needs the current password and a PIN that is not the first anyone would try', async () => {
		const a = await person('Max');
		const ctx = await a.at(0);
		await expect(setPin(ctx, { pin: '4827', currentPassword: 'wrong' })).rejects.toMatchObject({
			code: 'INVALID',
			fields: { currentPassword: expect.any(Array) }
		});
		for (const pin of ['1234', '0000', '987', 'abcd', '123456789']) {
			await expect(setPin(ctx, { pin, currentPassword: TEST_PASSWORD })).rejects.toMatchObject({
				code: 'INVALID',
				fields: { pin: expect.any(Array) }
			});
		}
		expect((await getLockSettings(ctx)).pin).toBe(false);
	});

	it('removes a PIN, after which only the password unlocks', async () => {
		const a = await person('Nia');
		await setPin(await a.at(0), { pin: '4827', currentPassword: TEST_PASSWORD });
		await removePin(await a.at(0));
		expect(await getLockSettings(await a.at(0))).toEqual({ idleMinutes: 10, pin: false });
		await lockSession(await a.at(1));
		await expect(unlockSession(await a.at(2), { pin: '4827' })).rejects.toMatchObject({
			code: 'INVALID'
		});
	});

	it('keeps each person’s settings their own', async () => {
		const { a, b } = await couple();
		await updateLockSettings(await a.at(0), { idleMinutes: 5 });
		expect((await getLockSettings(await b.at(0))).idleMinutes).toBe(10);
		expect((await b.at(6)).locked).toBe(false);
	});
});
