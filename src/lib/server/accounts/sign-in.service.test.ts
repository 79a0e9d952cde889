import { beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createTestDb } from '../testing/db';
import { buildCtx, createPerson, signedIn, TEST_PASSWORD } from '../testing/factories';
import { LIMITS } from '../auth/rate-limit';
import { signIn } from './sign-in.service';

let handle: DbHandle;
beforeAll(async () => {
	handle = await createTestDb();
});

const at = (ms: number) => () => new Date(ms);

describe('signIn', () => {
	it('gives the same answer for an unknown email and a wrong password', async () => {
		const { email } = await createPerson(handle.db);
		const wrong = await signIn(buildCtx(handle.db), { email, password: 'wrong wrong wrong' }).catch(
			(e) => e
		);
		const unknown = await signIn(buildCtx(handle.db), {
			email: 'nobody@example.test',
			password: 'wrong wrong wrong'
		}).catch((e) => e);
		expect(wrong).toMatchObject({ code: 'UNAUTHENTICATED' });
		expect(unknown.code).toBe(wrong.code);
		expect(unknown.userMessage).toBe(wrong.userMessage);
	});

	it('throttles an account after repeated failures, then recovers when the window passes', async () => {
		const { email } = await createPerson(handle.db);
		const start = Date.parse('2026-03-01T10:00:00Z');
		for (let i = 0; i < LIMITS.loginAccount.max; i++) {
			const ctx = buildCtx(handle.db, { now: at(start + i * 1000) });
			await expect(signIn(ctx, { email, password: 'guess guess guess' })).rejects.toMatchObject({
				code: 'UNAUTHENTICATED'
			});
		}
		const blocked = await signIn(buildCtx(handle.db, { now: at(start + 20_000) }), {
			email,
			password: TEST_PASSWORD
		}).catch((e) => e);
		expect(blocked).toMatchObject({ code: 'RATE_LIMITED' });
		expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
		expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(LIMITS.loginAccount.windowSeconds);

		const later = buildCtx(handle.db, {
			now: at(start + LIMITS.loginAccount.windowSeconds * 1000 + 1000)
		});
		await expect(signIn(later, { email, password: TEST_PASSWORD })).resolves.toMatchObject({
			user: { email }
		});
	});

	it("does not let someone else's failures lock the owner out of a device they signed in on", async () => {
		const { email } = await createPerson(handle.db);
		const sharedClient = 'same-home-network';
		const first = signedIn(
			await signIn(buildCtx(handle.db, { clientKey: sharedClient }), {
				email,
				password: TEST_PASSWORD
			})
		);
		for (let i = 0; i < LIMITS.loginClient.max + 1; i++) {
			await signIn(buildCtx(handle.db, { clientKey: sharedClient }), {
				email,
				password: `guess ${i} guess`
			}).catch(() => undefined);
		}
		const attacker = await signIn(buildCtx(handle.db, { clientKey: sharedClient }), {
			email,
			password: TEST_PASSWORD
		}).catch((e) => e);
		expect(attacker).toMatchObject({ code: 'RATE_LIMITED' });

		const owner = buildCtx(handle.db, { clientKey: sharedClient, deviceToken: first.deviceToken });
		await expect(signIn(owner, { email, password: TEST_PASSWORD })).resolves.toMatchObject({
			user: { email }
		});
	});

	it('does not accept a device cookie made for another account', async () => {
		const one = await createPerson(handle.db);
		const two = await createPerson(handle.db);
		const { deviceToken } = signedIn(
			await signIn(buildCtx(handle.db), { email: one.email, password: TEST_PASSWORD })
		);
		for (let i = 0; i < LIMITS.loginAccount.max; i++) {
			await signIn(buildCtx(handle.db), { email: two.email, password: `x${i} wrong wrong` }).catch(
				() => undefined
			);
		}
		const borrowed = buildCtx(handle.db, { deviceToken });
		await expect(
			signIn(borrowed, { email: two.email, password: TEST_PASSWORD })
		).rejects.toMatchObject({ code: 'RATE_LIMITED' });
	});
});
