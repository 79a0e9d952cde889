import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { mailOutbox, passwordResets, sessions } from '../db/schema';
import { createTestDb } from '../testing/db';
import { buildCtx, createPerson, signedIn, TEST_PASSWORD } from '../testing/factories';
import { queuedMailOf, tokenOf } from '../testing/mail';
import { totpCode } from '../testing/totp';
import { sha256Hex } from '../auth/tokens';
import { LIMITS } from '../auth/rate-limit';
import { completeSignIn, needsSecondStep, signIn } from '../accounts/sign-in.service';
import { enableTwoFactor, startTwoFactorSetup } from '../two-factor/two-factor.service';
import { listSecurityLog } from '../security-log/security-log.service';
import {
	checkPasswordResetLink,
	confirmPasswordReset,
	requestPasswordReset,
	RESET_LINK_LIFETIME_MS,
	resetWithRecoveryCode,
	setHighSafety
} from './recovery.service';

let handle: DbHandle;
beforeAll(async () => {
	handle = await createTestDb();
});

const NEW_PASSWORD = 'a new path by the river';
const at = (ms: number) => () => new Date(ms);

async function linkFor(userId: string): Promise<string> {
	const mail = (await queuedMailOf(handle.db, userId)).find((m) => m.template === 'password_reset');
	if (!mail || !('link' in mail.payload.vars)) {
		throw new Error('no reset mail queued');
	}

	return mail.payload.vars.link;
}

async function withTwoFactor() {
	const person = await createPerson(handle.db);
	const { setupKey } = await startTwoFactorSetup(person.ctx);
	const { recoveryCodes } = await enableTwoFactor(person.ctx, {
		code: totpCode(setupKey, new Date())
	});

	return { ...person, setupKey, codes: recoveryCodes };
}

describe('password reset by email', () => {
	it('queues a sealed link to the account’s address; only a hash of the token is stored', async () => {
		const person = await createPerson(handle.db);
		await requestPasswordReset(buildCtx(handle.db), { email: person.email });
		const [mail] = await queuedMailOf(handle.db, person.user.id);
		expect(mail.template).toBe('password_reset');
		expect(mail.payload.to).toBe(person.email);
		const link = 'link' in mail.payload.vars ? mail.payload.vars.link : '';
		expect(link).toMatch(/^http:\/\/localhost:3000\/reset\/[\w-]{43}$/);
		const token = tokenOf(link);
		const [row] = await handle.db
			.select()
			.from(passwordResets)
			.where(eq(passwordResets.userId, person.user.id));
		expect(row.tokenHash).toBe(sha256Hex(token));
		expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(RESET_LINK_LIFETIME_MS);
		const [raw] = await handle.db
			.select()
			.from(mailOutbox)
			.where(eq(mailOutbox.userId, person.user.id));
		expect(raw.payloadSealed).not.toContain(token);
		expect(raw.payloadSealed).not.toContain(person.email);
	});

	it('answers an unknown email the same way, and stores nothing', async () => {
		const before = await handle.db.select().from(passwordResets);
		await expect(
			requestPasswordReset(buildCtx(handle.db), { email: 'nobody-here@example.test' })
		).resolves.toBeUndefined();
		expect(await handle.db.select().from(passwordResets)).toHaveLength(before.length);
	});

	it('sets a new password once, ends every session, and keeps the log', async () => {
		const person = await createPerson(handle.db);
		await signIn(buildCtx(handle.db), { email: person.email, password: TEST_PASSWORD });
		await requestPasswordReset(buildCtx(handle.db), { email: person.email });
		const token = tokenOf(await linkFor(person.user.id));
		expect(await checkPasswordResetLink(buildCtx(handle.db), token)).toBe(true);

		await expect(
			confirmPasswordReset(buildCtx(handle.db), { token, newPassword: 'short' })
		).rejects.toMatchObject({ code: 'INVALID', fields: { newPassword: expect.any(Array) } });
		await confirmPasswordReset(buildCtx(handle.db), { token, newPassword: NEW_PASSWORD });

		expect(
			await handle.db.select().from(sessions).where(eq(sessions.userId, person.user.id))
		).toEqual([]);
		await expect(
			confirmPasswordReset(buildCtx(handle.db), { token, newPassword: 'yet another one here' })
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect(await checkPasswordResetLink(buildCtx(handle.db), token)).toBe(false);
		await expect(
			signIn(buildCtx(handle.db), { email: person.email, password: TEST_PASSWORD })
		).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		const again = signedIn(
			await signIn(buildCtx(handle.db), { email: person.email, password: NEW_PASSWORD })
		);
		const log = await listSecurityLog({ ...buildCtx(handle.db), userId: again.user.id });
		expect(log.map((entry) => entry.kind)).toEqual(
			expect.arrayContaining(['password.reset_requested', 'password.reset', 'sign_in'])
		);
	});

	it('lets a link expire after 30 minutes', async () => {
		const person = await createPerson(handle.db);
		const t0 = Date.parse('2026-02-01T10:00:00Z');
		await requestPasswordReset(buildCtx(handle.db, { now: at(t0) }), { email: person.email });
		const token = tokenOf(await linkFor(person.user.id));
		const late = buildCtx(handle.db, { now: at(t0 + RESET_LINK_LIFETIME_MS + 1000) });
		expect(await checkPasswordResetLink(late, token)).toBe(false);
		await expect(
			confirmPasswordReset(late, { token, newPassword: NEW_PASSWORD })
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('limits requests per account and per client address', async () => {
		const person = await createPerson(handle.db);
		for (let i = 0; i < LIMITS.resetRequestAccount.max; i++) {
			await requestPasswordReset(buildCtx(handle.db), { email: person.email });
		}
		await expect(
			requestPasswordReset(buildCtx(handle.db), { email: person.email })
		).rejects.toMatchObject({ code: 'RATE_LIMITED' });

		const client = buildCtx(handle.db, { clientKey: 'one-busy-address' });
		for (let i = 0; i < LIMITS.resetRequestClient.max; i++) {
			await requestPasswordReset(client, { email: `someone-${i}@example.test` });
		}
		await expect(
			requestPasswordReset(client, { email: 'one-more@example.test' })
		).rejects.toMatchObject({ code: 'RATE_LIMITED' });
	});

	it('is refused plainly when this instance cannot send email', async () => {
		const person = await createPerson(handle.db);
		await expect(
			requestPasswordReset(buildCtx(handle.db, { mailEnabled: false }), { email: person.email })
		).rejects.toMatchObject({ code: 'CONFLICT' });
	});
});

describe('high-safety mode', () => {
	it('needs two-step sign-in with recovery codes left', async () => {
		const person = await createPerson(handle.db);
		await expect(
			setHighSafety(person.ctx, { enabled: true, password: TEST_PASSWORD })
		).rejects.toMatchObject({ code: 'CONFLICT' });
	});

	it('needs the password', async () => {
		const person = await withTwoFactor();
		await expect(
			setHighSafety(person.ctx, { enabled: true, password: 'not the password' })
		).rejects.toMatchObject({ code: 'INVALID', fields: { password: expect.any(Array) } });
	});

	it('sends no reset mail, answers the same, and voids links already sent', async () => {
		const person = await withTwoFactor();
		await requestPasswordReset(buildCtx(handle.db), { email: person.email });
		const token = tokenOf(await linkFor(person.user.id));

		await setHighSafety(person.ctx, { enabled: true, password: TEST_PASSWORD });
		expect(await queuedMailOf(handle.db, person.user.id)).toEqual([]);
		expect(await checkPasswordResetLink(buildCtx(handle.db), token)).toBe(false);
		await expect(
			confirmPasswordReset(buildCtx(handle.db), { token, newPassword: NEW_PASSWORD })
		).rejects.toMatchObject({ code: 'NOT_FOUND' });

		await expect(
			requestPasswordReset(buildCtx(handle.db), { email: person.email })
		).resolves.toBeUndefined();
		expect(await queuedMailOf(handle.db, person.user.id)).toEqual([]);
		expect(
			await handle.db.select().from(passwordResets).where(eq(passwordResets.userId, person.user.id))
		).toEqual([]);
		const kinds = (await listSecurityLog(person.ctx)).map((entry) => entry.kind);
		expect(kinds.filter((kind) => kind === 'password.reset_requested')).toHaveLength(2);
		expect(kinds).toContain('high_safety.enabled');

		await setHighSafety(person.ctx, { enabled: false, password: TEST_PASSWORD });
		await requestPasswordReset(buildCtx(handle.db), { email: person.email });
		expect(await queuedMailOf(handle.db, person.user.id)).toHaveLength(1);
	});
});

describe('reset with a recovery code', () => {
	it('sets a new password once per code, ends every session, and keeps two-step sign-in on', async () => {
		const person = await withTwoFactor();
		await setHighSafety(person.ctx, { enabled: true, password: TEST_PASSWORD });
		const [code] = person.codes;
		await resetWithRecoveryCode(buildCtx(handle.db), {
			email: person.email,
			recoveryCode: code,
			newPassword: NEW_PASSWORD
		});
		expect(
			await handle.db.select().from(sessions).where(eq(sessions.userId, person.user.id))
		).toEqual([]);
		await expect(
			resetWithRecoveryCode(buildCtx(handle.db), {
				email: person.email,
				recoveryCode: code,
				newPassword: 'the third password now'
			})
		).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

		const result = await signIn(buildCtx(handle.db), {
			email: person.email,
			password: NEW_PASSWORD
		});
		expect(needsSecondStep(result)).toBe(true);
		if (needsSecondStep(result)) {
			await expect(
				completeSignIn(buildCtx(handle.db), { ticket: result.secondStep.ticket, code })
			).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		}
	});

	it('answers a wrong code and an unknown email alike', async () => {
		const person = await withTwoFactor();
		const wrong = await resetWithRecoveryCode(buildCtx(handle.db), {
			email: person.email,
			recoveryCode: 'AAAA-BBBB-CCCC-DDDD',
			newPassword: NEW_PASSWORD
		}).catch((e) => e);
		const unknown = await resetWithRecoveryCode(buildCtx(handle.db), {
			email: 'nobody-at-all@example.test',
			recoveryCode: person.codes[0],
			newPassword: NEW_PASSWORD
		}).catch((e) => e);
		expect(wrong).toMatchObject({ code: 'UNAUTHENTICATED' });
		expect(unknown.code).toBe(wrong.code);
		expect(unknown.userMessage).toBe(wrong.userMessage);
	});

	it('does not take an authenticator code in place of a recovery code', async () => {
		const person = await withTwoFactor();
		await expect(
			resetWithRecoveryCode(buildCtx(handle.db), {
				email: person.email,
				recoveryCode: totpCode(person.setupKey, new Date(Date.now() + 30_000)),
				newPassword: NEW_PASSWORD
			})
		).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
	});

	it('is throttled per account', async () => {
		const person = await withTwoFactor();
		for (let i = 0; i < LIMITS.recoveryResetAccount.max; i++) {
			await resetWithRecoveryCode(buildCtx(handle.db), {
				email: person.email,
				recoveryCode: `AAAA-BBBB-CCCC-${String(i).padStart(4, '0')}`,
				newPassword: NEW_PASSWORD
			}).catch(() => undefined);
		}
		await expect(
			resetWithRecoveryCode(buildCtx(handle.db), {
				email: person.email,
				recoveryCode: person.codes[0],
				newPassword: NEW_PASSWORD
			})
		).rejects.toMatchObject({ code: 'RATE_LIMITED' });
	});
});
