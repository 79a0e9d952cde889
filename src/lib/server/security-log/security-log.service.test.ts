import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { securityEvents } from '../db/schema';
import { createTestDb } from '../testing/db';
import {
	buildCtx,
	createCouple,
	createPerson,
	signedIn,
	TEST_PASSWORD
} from '../testing/factories';
import { totpCode } from '../testing/totp';
import { signIn } from '../accounts/sign-in.service';
import { changePassword } from '../accounts/accounts.service';
import { changeEmail } from '../accounts/email.service';
import { leaveCouple } from '../couples/couples.service';
import { endOtherSessions, endSession } from '../sessions/sessions.service';
import {
	enableTwoFactor,
	regenerateRecoveryCodes,
	startTwoFactorSetup
} from '../two-factor/two-factor.service';
import { setHighSafety } from '../recovery/recovery.service';
import {
	listSecurityLog,
	pruneSecurityLog,
	recordSecurityEvent,
	SECURITY_LOG_RETENTION_DAYS
} from './security-log.service';

let handle: DbHandle;
beforeAll(async () => {
	handle = await createTestDb();
});

const kinds = async (ctx: Parameters<typeof listSecurityLog>[0]) =>
	(await listSecurityLog(ctx)).map((entry) => entry.kind);

describe('the security log', () => {
	it('records each account event once, newest first, with the device and never more', async () => {
		const person = await createPerson(handle.db);
		const phone = buildCtx(handle.db, { device: 'Firefox on Android' });
		const other = signedIn(await signIn(phone, { email: person.email, password: TEST_PASSWORD }));
		await endSession(person.ctx, other.session.sessionId);
		await endOtherSessions(person.ctx);
		await changePassword(person.ctx, {
			currentPassword: TEST_PASSWORD,
			newPassword: 'a long walk in the hills'
		});
		const { setupKey } = await startTwoFactorSetup(person.ctx);
		await enableTwoFactor(person.ctx, { code: totpCode(setupKey, new Date()) });
		await regenerateRecoveryCodes(person.ctx, { password: 'a long walk in the hills' });
		await setHighSafety(person.ctx, { enabled: true, password: 'a long walk in the hills' });
		await changeEmail(person.ctx, {
			newEmail: `moved-${crypto.randomUUID()}@example.test`,
			password: 'a long walk in the hills'
		});

		const log = await listSecurityLog(person.ctx);
		expect(log.map((entry) => entry.kind)).toEqual([
			'email.changed',
			'high_safety.enabled',
			'recovery_codes.regenerated',
			'two_factor.enabled',
			'password.changed',
			'sessions.others_ended',
			'session.ended',
			'sign_in',
			'account.created'
		]);
		expect(log.find((entry) => entry.kind === 'sign_in')?.device).toBe('Firefox on Android');
		expect(log[0].device).toBe('Test browser on Test OS');
		for (const entry of log) {
			expect(Object.keys(entry).sort()).toEqual(['at', 'device', 'kind']);
			expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
		}
	});

	it('shows the partner, an ex and a stranger nothing of it', async () => {
		const { a, b } = await createCouple(handle.db);
		const stranger = await createPerson(handle.db);
		const before = {
			b: await kinds(b.ctx),
			stranger: await kinds(stranger.ctx)
		};
		await changePassword(a.ctx, {
			currentPassword: TEST_PASSWORD,
			newPassword: 'a long walk in the hills'
		});
		await endOtherSessions(a.ctx);
		await leaveCouple(a.ctx);

		expect(await kinds(b.ctx)).toEqual(before.b);
		expect(await kinds(stranger.ctx)).toEqual(before.stranger);
		// A link shows in both logs; leaving only in the log of the one who left.
		expect(before.b).toContain('partner.linked');
		expect(await kinds(a.ctx)).toEqual(expect.arrayContaining(['partner.linked', 'partner.left']));
		expect(await kinds(b.ctx)).not.toContain('partner.left');
	});

	it('shows no device in the inviter’s entry when the partner accepted', async () => {
		const { a, b } = await createCouple(handle.db);
		const linkedOf = async (ctx: typeof a.ctx) =>
			(await listSecurityLog(ctx)).find((entry) => entry.kind === 'partner.linked');
		expect((await linkedOf(a.ctx))?.device).toBeNull();
		expect((await linkedOf(b.ctx))?.device).toBe('Test browser on Test OS');
	});

	it('takes a bare database handle (for work done outside a request)', async () => {
		const person = await createPerson(handle.db);
		await recordSecurityEvent(handle.db, person.user.id, 'data.exported');
		const [entry] = await listSecurityLog(person.ctx);
		expect(entry).toMatchObject({ kind: 'data.exported', device: null });
	});

	it('drops entries past the retention period', async () => {
		const person = await createPerson(handle.db);
		const day = 24 * 60 * 60 * 1000;
		const old = new Date(Date.now() - (SECURITY_LOG_RETENTION_DAYS + 1) * day);
		await recordSecurityEvent({ ...person.ctx, now: () => old }, person.user.id, 'sign_in');
		await pruneSecurityLog(handle.db, new Date());
		const rows = await handle.db
			.select()
			.from(securityEvents)
			.where(eq(securityEvents.userId, person.user.id));
		expect(rows.map((row) => row.kind)).toEqual(['account.created']);
	});

	it('answers UNAUTHENTICATED without a person', async () => {
		await expect(listSecurityLog(buildCtx(handle.db))).rejects.toMatchObject({
			code: 'UNAUTHENTICATED'
		});
	});
});
