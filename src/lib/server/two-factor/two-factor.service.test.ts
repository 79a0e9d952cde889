import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { recoveryCodes, sessions, twoFactor, users } from '../db/schema';
import { createTestDb } from '../testing/db';
import { buildCtx, createPerson, signedIn, TEST_PASSWORD } from '../testing/factories';
import { totpCode } from '../testing/totp';
import { LIMITS } from '../auth/rate-limit';
import {
	completeSignIn,
	needsSecondStep,
	SECOND_STEP_LIFETIME_MS,
	SECOND_STEP_MAX_FAILURES,
	signIn
} from '../accounts/sign-in.service';
import {
	disableTwoFactor,
	enableTwoFactor,
	findTwoFactorSetup,
	getSecurityOverview,
	regenerateRecoveryCodes,
	startTwoFactorSetup
} from './two-factor.service';
import { setHighSafety } from '../recovery/recovery.service';

let handle: DbHandle;
beforeAll(async () => {
	handle = await createTestDb();
});

const T0 = Date.parse('2026-04-01T09:00:05Z');
const at = (ms: number) => () => new Date(ms);

/** A person with two-step sign-in on, enabled with the code of T0's step. */
async function personWithTwoFactor() {
	const person = await createPerson(handle.db, { now: at(T0) });
	const ctx = { ...person.ctx, now: at(T0) };
	const { setupKey } = await startTwoFactorSetup(ctx);
	const { recoveryCodes: codes } = await enableTwoFactor(ctx, {
		code: totpCode(setupKey, new Date(T0))
	});

	return { ...person, ctx, setupKey, codes };
}

async function ticketFor(email: string, now = T0, overrides = {}) {
	const result = await signIn(buildCtx(handle.db, { now: at(now), ...overrides }), {
		email,
		password: TEST_PASSWORD
	});
	if (!needsSecondStep(result)) {
		throw new Error('expected a second step');
	}

	return result.secondStep.ticket;
}

describe('setting up two-step sign-in', () => {
	it('keeps the secret sealed, asks for a current code, then gives ten codes kept only as hashes', async () => {
		const person = await createPerson(handle.db);
		const setup = await startTwoFactorSetup(person.ctx);
		expect(setup.setupKey).toMatch(/^[A-Z2-7]{32}$/);
		expect(setup.otpauthUri).toContain(`secret=${setup.setupKey}`);
		expect(await findTwoFactorSetup(person.ctx)).toEqual(setup);
		const [row] = await handle.db
			.select()
			.from(twoFactor)
			.where(eq(twoFactor.userId, person.user.id));
		expect(row.secretSealed).not.toContain(setup.setupKey);
		expect(row.enabledAt).toBeNull();
		// Not on yet: signing in still takes the password alone.
		expect(
			needsSecondStep(
				await signIn(buildCtx(handle.db), { email: person.email, password: TEST_PASSWORD })
			)
		).toBe(false);

		await expect(enableTwoFactor(person.ctx, { code: '000000' })).rejects.toMatchObject({
			code: 'INVALID',
			fields: { code: expect.any(Array) }
		});
		const { recoveryCodes: codes } = await enableTwoFactor(person.ctx, {
			code: totpCode(setup.setupKey, new Date())
		});
		expect(codes).toHaveLength(10);
		expect(new Set(codes).size).toBe(10);
		for (const code of codes) {
			expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$/);
		}
		const stored = await handle.db
			.select()
			.from(recoveryCodes)
			.where(eq(recoveryCodes.userId, person.user.id));
		expect(stored).toHaveLength(10);
		const dump = JSON.stringify(stored);
		for (const code of codes) {
			expect(dump).not.toContain(code.replaceAll('-', ''));
		}
		expect((await getSecurityOverview(person.ctx)).twoFactor).toEqual({
			enabled: true,
			pending: false,
			recoveryCodesLeft: 10
		});
		expect(await findTwoFactorSetup(person.ctx)).toBeNull();
		await expect(startTwoFactorSetup(person.ctx)).rejects.toMatchObject({ code: 'CONFLICT' });
		await expect(enableTwoFactor(person.ctx, { code: '123456' })).rejects.toMatchObject({
			code: 'CONFLICT'
		});
	});

	it('answers CONFLICT when there is nothing to confirm', async () => {
		const person = await createPerson(handle.db);
		await expect(enableTwoFactor(person.ctx, { code: '123456' })).rejects.toMatchObject({
			code: 'CONFLICT'
		});
	});

	it('starting again replaces the key: the old key’s codes stop working', async () => {
		const person = await createPerson(handle.db);
		const first = await startTwoFactorSetup(person.ctx);
		const second = await startTwoFactorSetup(person.ctx);
		expect(second.setupKey).not.toBe(first.setupKey);
		await expect(
			enableTwoFactor(person.ctx, { code: totpCode(first.setupKey, new Date()) })
		).rejects.toMatchObject({ code: 'INVALID' });
		await expect(
			enableTwoFactor(person.ctx, { code: totpCode(second.setupKey, new Date()) })
		).resolves.toBeTruthy();
	});
});

describe('signing in with two-step sign-in on', () => {
	it('asks for a code after the right password, with no session yet, then signs in', async () => {
		const person = await personWithTwoFactor();
		const before = await handle.db
			.select()
			.from(sessions)
			.where(eq(sessions.userId, person.user.id));
		const ticket = await ticketFor(person.email);
		expect(
			await handle.db.select().from(sessions).where(eq(sessions.userId, person.user.id))
		).toHaveLength(before.length);

		const later = T0 + 30_000;
		const done = await completeSignIn(buildCtx(handle.db, { now: at(later) }), {
			ticket,
			code: totpCode(person.setupKey, new Date(later))
		});
		expect(done.user.email).toBe(person.email);
		expect(done.session.token.length).toBeGreaterThan(20);
		// The ticket is single-use.
		await expect(
			completeSignIn(buildCtx(handle.db, { now: at(later) }), {
				ticket,
				code: totpCode(person.setupKey, new Date(later + 30_000))
			})
		).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
	});

	it('refuses a code that was already used (replay), and an older one', async () => {
		const person = await personWithTwoFactor();
		const now = T0 + 60_000;
		const code = totpCode(person.setupKey, new Date(now));
		await completeSignIn(buildCtx(handle.db, { now: at(now) }), {
			ticket: await ticketFor(person.email, now),
			code
		});
		const replay = completeSignIn(buildCtx(handle.db, { now: at(now + 1000) }), {
			ticket: await ticketFor(person.email, now + 1000),
			code
		});
		await expect(replay).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		const older = completeSignIn(buildCtx(handle.db, { now: at(now + 2000) }), {
			ticket: await ticketFor(person.email, now + 2000),
			code: totpCode(person.setupKey, new Date(now - 30_000))
		});
		await expect(older).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
	});

	it('refuses codes more than a step away from the server clock', async () => {
		const person = await personWithTwoFactor();
		const now = T0 + 10 * 60_000;
		for (const offset of [-90_000, 90_000]) {
			await expect(
				completeSignIn(buildCtx(handle.db, { now: at(now) }), {
					ticket: await ticketFor(person.email, now),
					code: totpCode(person.setupKey, new Date(now + offset))
				})
			).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		}
	});

	it('takes each recovery code once, in any case and spacing', async () => {
		const person = await personWithTwoFactor();
		const [first] = person.codes;
		const typed = ` ${first.toLowerCase().replaceAll('-', ' ')} `;
		await expect(
			completeSignIn(buildCtx(handle.db, { now: at(T0) }), {
				ticket: await ticketFor(person.email),
				code: typed
			})
		).resolves.toMatchObject({ user: { id: person.user.id } });
		await expect(
			completeSignIn(buildCtx(handle.db, { now: at(T0) }), {
				ticket: await ticketFor(person.email),
				code: first
			})
		).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		expect((await getSecurityOverview(person.ctx)).twoFactor.recoveryCodesLeft).toBe(9);
	});

	it('voids a ticket after a few wrong codes; the password is asked for again', async () => {
		const person = await personWithTwoFactor();
		const ticket = await ticketFor(person.email);
		const ctx = buildCtx(handle.db, { now: at(T0) });
		for (let i = 0; i < SECOND_STEP_MAX_FAILURES; i++) {
			await expect(completeSignIn(ctx, { ticket, code: '000000' })).rejects.toMatchObject({
				code: 'UNAUTHENTICATED'
			});
		}
		await expect(
			completeSignIn(ctx, { ticket, code: totpCode(person.setupKey, new Date(T0 + 30_000)) })
		).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
	});

	it('lets a ticket expire after five minutes', async () => {
		const person = await personWithTwoFactor();
		const ticket = await ticketFor(person.email);
		const late = T0 + SECOND_STEP_LIFETIME_MS + 1000;
		await expect(
			completeSignIn(buildCtx(handle.db, { now: at(late) }), {
				ticket,
				code: totpCode(person.setupKey, new Date(late))
			})
		).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
	});

	it('throttles wrong codes per account, but not on a device the owner signed in on before', async () => {
		const person = await personWithTwoFactor();
		const home = signedIn(
			await signIn(buildCtx(handle.db, { now: at(T0) }), {
				email: person.email,
				password: TEST_PASSWORD
			}).then(async (result) => {
				if (!needsSecondStep(result)) {
					return result;
				}

				return completeSignIn(buildCtx(handle.db, { now: at(T0) }), {
					ticket: result.secondStep.ticket,
					code: person.codes[1]
				});
			})
		);
		for (let i = 0; i < LIMITS.loginAccount.max; i++) {
			await completeSignIn(buildCtx(handle.db, { now: at(T0) }), {
				ticket: await ticketFor(person.email),
				code: '000000'
			}).catch(() => undefined);
		}
		const guessing = await completeSignIn(buildCtx(handle.db, { now: at(T0) }), {
			ticket: await ticketFor(person.email),
			code: person.codes[2]
		}).catch((e) => e);
		expect(guessing).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });

		const ownDevice = { deviceToken: home.deviceToken };
		await expect(
			completeSignIn(buildCtx(handle.db, { now: at(T0), ...ownDevice }), {
				ticket: await ticketFor(person.email, T0, ownDevice),
				code: person.codes[2]
			})
		).resolves.toMatchObject({ user: { id: person.user.id } });
	});
});

describe('turning two-step sign-in off, and new recovery codes', () => {
	it('needs the password and a code, and turns high-safety mode off with it', async () => {
		const person = await personWithTwoFactor();
		await setHighSafety(person.ctx, { enabled: true, password: TEST_PASSWORD });
		const code = totpCode(person.setupKey, new Date(T0 + 30_000));
		await expect(
			disableTwoFactor(person.ctx, { password: 'not my password', code })
		).rejects.toMatchObject({ code: 'INVALID', fields: { password: expect.any(Array) } });
		await expect(
			disableTwoFactor(person.ctx, { password: TEST_PASSWORD, code: '000000' })
		).rejects.toMatchObject({ code: 'INVALID', fields: { code: expect.any(Array) } });

		await disableTwoFactor(person.ctx, { password: TEST_PASSWORD, code });
		const overview = await getSecurityOverview(person.ctx);
		expect(overview.twoFactor).toEqual({ enabled: false, pending: false, recoveryCodesLeft: 0 });
		expect(overview.highSafety).toBe(false);
		const [user] = await handle.db.select().from(users).where(eq(users.id, person.user.id));
		expect(user.highSafety).toBe(false);
		expect(
			await handle.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, person.user.id))
		).toEqual([]);
		expect(
			needsSecondStep(
				await signIn(buildCtx(handle.db), { email: person.email, password: TEST_PASSWORD })
			)
		).toBe(false);
		await expect(
			disableTwoFactor(person.ctx, { password: TEST_PASSWORD, code })
		).rejects.toMatchObject({ code: 'CONFLICT' });
	});

	it('takes a recovery code in place of the app’s code', async () => {
		const person = await personWithTwoFactor();
		await disableTwoFactor(person.ctx, { password: TEST_PASSWORD, code: person.codes[0] });
		expect((await getSecurityOverview(person.ctx)).twoFactor.enabled).toBe(false);
	});

	it('makes a new set with the password; the old set stops working', async () => {
		const person = await personWithTwoFactor();
		await expect(
			regenerateRecoveryCodes(person.ctx, { password: 'wrong password' })
		).rejects.toMatchObject({ code: 'INVALID' });
		const { recoveryCodes: fresh } = await regenerateRecoveryCodes(person.ctx, {
			password: TEST_PASSWORD
		});
		expect(fresh).toHaveLength(10);
		expect(fresh).not.toContain(person.codes[0]);
		await expect(
			completeSignIn(buildCtx(handle.db, { now: at(T0) }), {
				ticket: await ticketFor(person.email),
				code: person.codes[0]
			})
		).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		await expect(
			completeSignIn(buildCtx(handle.db, { now: at(T0) }), {
				ticket: await ticketFor(person.email),
				code: fresh[0]
			})
		).resolves.toBeTruthy();
	});

	it('answers CONFLICT for new codes while two-step sign-in is off', async () => {
		const person = await createPerson(handle.db);
		await expect(
			regenerateRecoveryCodes(person.ctx, { password: TEST_PASSWORD })
		).rejects.toMatchObject({ code: 'CONFLICT' });
	});
});
