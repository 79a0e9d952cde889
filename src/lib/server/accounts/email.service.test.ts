import { beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createTestDb } from '../testing/db';
import { buildCtx, createPerson, TEST_PASSWORD } from '../testing/factories';
import { queuedMailOf, tokenOf } from '../testing/mail';
import { totpCode } from '../testing/totp';
import { enableTwoFactor, startTwoFactorSetup } from '../two-factor/two-factor.service';
import {
	checkPasswordResetLink,
	requestPasswordReset,
	setHighSafety
} from '../recovery/recovery.service';
import { listSecurityLog } from '../security-log/security-log.service';
import { signIn } from './sign-in.service';
import { changeEmail } from './email.service';

let handle: DbHandle;
beforeAll(async () => {
	handle = await createTestDb();
});

const fresh = () => `new-${crypto.randomUUID()}@example.test`;

describe('changeEmail', () => {
	it('needs the password, signs in with the new address, and tells the old one neutrally', async () => {
		const person = await createPerson(handle.db, { name: 'Juniper' });
		const newEmail = fresh();
		await expect(
			changeEmail(person.ctx, { newEmail, password: 'not my password' })
		).rejects.toMatchObject({ code: 'INVALID', fields: { password: expect.any(Array) } });

		const me = await changeEmail(person.ctx, { newEmail, password: TEST_PASSWORD });
		expect(me.user.email).toBe(newEmail);
		await expect(
			signIn(buildCtx(handle.db), { email: newEmail, password: TEST_PASSWORD })
		).resolves.toBeTruthy();
		await expect(
			signIn(buildCtx(handle.db), { email: person.email, password: TEST_PASSWORD })
		).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

		const mail = await queuedMailOf(handle.db, person.user.id);
		expect(mail).toHaveLength(1);
		expect(mail[0].template).toBe('email_changed');
		expect(mail[0].payload.to).toBe(person.email);
		expect(JSON.stringify(mail[0].payload.vars)).not.toContain(newEmail);
		expect((await listSecurityLog(person.ctx)).map((entry) => entry.kind)).toContain(
			'email.changed'
		);
	});

	it('refuses the same address and one that is taken', async () => {
		const one = await createPerson(handle.db);
		const two = await createPerson(handle.db);
		await expect(
			changeEmail(one.ctx, { newEmail: one.email, password: TEST_PASSWORD })
		).rejects.toMatchObject({ code: 'INVALID', fields: { newEmail: expect.any(Array) } });
		await expect(
			changeEmail(one.ctx, { newEmail: two.email, password: TEST_PASSWORD })
		).rejects.toMatchObject({ code: 'CONFLICT', fields: { newEmail: expect.any(Array) } });
	});

	it('voids reset links sent to the old address', async () => {
		const person = await createPerson(handle.db);
		await requestPasswordReset(buildCtx(handle.db), { email: person.email });
		const reset = (await queuedMailOf(handle.db, person.user.id))[0].payload.vars;
		const token = tokenOf('link' in reset ? reset.link : '');
		await changeEmail(person.ctx, { newEmail: fresh(), password: TEST_PASSWORD });
		expect(await checkPasswordResetLink(buildCtx(handle.db), token)).toBe(false);
		expect((await queuedMailOf(handle.db, person.user.id)).map((m) => m.template)).toEqual([
			'email_changed'
		]);
	});

	it('sends no notice with high-safety mode on, or when this instance has no mail', async () => {
		const careful = await createPerson(handle.db);
		const { setupKey } = await startTwoFactorSetup(careful.ctx);
		await enableTwoFactor(careful.ctx, { code: totpCode(setupKey, new Date()) });
		await setHighSafety(careful.ctx, { enabled: true, password: TEST_PASSWORD });
		await changeEmail(careful.ctx, { newEmail: fresh(), password: TEST_PASSWORD });
		expect(await queuedMailOf(handle.db, careful.user.id)).toEqual([]);

		const offline = await createPerson(handle.db);
		await changeEmail(
			{ ...offline.ctx, mailEnabled: false },
			{ newEmail: fresh(), password: TEST_PASSWORD }
		);
		expect(await queuedMailOf(handle.db, offline.user.id)).toEqual([]);
	});
});
