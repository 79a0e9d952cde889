import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { sessions, users } from '../db/schema';
import { createTestDb } from '../testing/db';
import {
	buildCtx,
	createCouple,
	createPerson,
	signedIn,
	TEST_PASSWORD
} from '../testing/factories';
import { sha256Hex } from '../auth/tokens';
import { changePassword, getMe, registerAccount, updateProfile } from './accounts.service';
import { signIn } from './sign-in.service';
import { LIMITS } from '../auth/rate-limit';

let handle: DbHandle;
beforeAll(async () => {
	handle = await createTestDb();
});

describe('registerAccount', () => {
	it('stores an argon2id hash at or above the OWASP floor, never the password', async () => {
		const { user } = await createPerson(handle.db);
		const [row] = await handle.db.select().from(users).where(eq(users.id, user.id));
		const params = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(row.passwordHash);
		expect(params).not.toBeNull();
		const [, memory, time, lanes] = params!.map(Number);
		expect(memory).toBeGreaterThanOrEqual(19 * 1024);
		expect(time).toBeGreaterThanOrEqual(2);
		expect(lanes).toBe(1);
		expect(row.passwordHash).not.toContain(TEST_PASSWORD);
	});

	it('keeps only a hash of the session token', async () => {
		const ctx = buildCtx(handle.db);
		const { session } = await registerAccount(ctx, {
			email: `hash-${crypto.randomUUID()}@example.test`,
			password: TEST_PASSWORD,
			name: 'Jo'
		});
		const [row] = await handle.db.select().from(sessions).where(eq(sessions.id, session.sessionId));
		expect(Buffer.from(session.token, 'base64url').length).toBeGreaterThanOrEqual(16);
		expect(row.tokenHash).toBe(sha256Hex(session.token));
		expect(JSON.stringify(row)).not.toContain(session.token);
	});

	it.each([
		['short7!', 'password'],
		['password123', 'password'],
		['tend2024!', 'password']
	])('refuses the weak password %s', async (password, field) => {
		const ctx = buildCtx(handle.db);
		const attempt = registerAccount(ctx, {
			email: `weak-${crypto.randomUUID()}@example.test`,
			password,
			name: 'Jo'
		});
		await expect(attempt).rejects.toMatchObject({
			code: 'INVALID',
			fields: { [field]: expect.any(Array) }
		});
	});

	it('accepts long passphrases with spaces and emoji, exactly as typed', async () => {
		const password = 'a'.repeat(60) + ' 🌿 ' + 'b'.repeat(60);
		const email = `long-${crypto.randomUUID()}@example.test`;
		await registerAccount(buildCtx(handle.db), { email, password, name: 'Jo' });
		await expect(signIn(buildCtx(handle.db), { email, password })).resolves.toMatchObject({
			user: { email }
		});
		// No truncation: the first 72 bytes alone are not the password.
		await expect(
			signIn(buildCtx(handle.db), { email, password: password.slice(0, 72) })
		).rejects.toMatchObject({
			code: 'UNAUTHENTICATED'
		});
	});

	it('refuses a second account on the same email, whatever its case', async () => {
		const { email } = await createPerson(handle.db);
		const again = registerAccount(buildCtx(handle.db), {
			email: email.toUpperCase().toLowerCase(),
			password: TEST_PASSWORD,
			name: 'Jo'
		});
		await expect(again).rejects.toMatchObject({ code: 'CONFLICT' });
	});

	it('limits sign-ups per client address', async () => {
		const ctx = buildCtx(handle.db, { clientKey: 'one-busy-client' });
		for (let i = 0; i < LIMITS.register.max; i++) {
			await registerAccount(ctx, {
				email: `many-${i}-${crypto.randomUUID()}@example.test`,
				password: TEST_PASSWORD,
				name: 'Jo'
			});
		}
		const over = registerAccount(ctx, {
			email: `over-${crypto.randomUUID()}@example.test`,
			password: TEST_PASSWORD,
			name: 'Jo'
		});
		await expect(over).rejects.toMatchObject({
			code: 'RATE_LIMITED',
			retryAfterSeconds: expect.any(Number)
		});
	});
});

describe('getMe and updateProfile', () => {
	it('answers exactly the documented user shape', async () => {
		const { ctx, user } = await createPerson(handle.db);
		const me = await getMe(ctx);
		expect(Object.keys(me.user).sort()).toEqual(['email', 'id', 'name']);
		expect(me.user.id).toBe(user.id);
	});

	it('shows no partner until linked, and the partner once linked', async () => {
		const alone = await createPerson(handle.db);
		expect((await getMe(alone.ctx)).partner).toBeNull();
		const { a, b } = await createCouple(handle.db);
		expect((await getMe(a.ctx)).partner).toEqual({ id: b.user.id, name: 'Sam' });
		expect((await getMe(b.ctx)).partner).toEqual({ id: a.user.id, name: 'Alex' });
	});

	it('marks onboarding done on the first save of name and time zone', async () => {
		const { ctx } = await createPerson(handle.db);
		expect((await getMe(ctx)).profile.onboarded).toBe(false);
		const me = await updateProfile(ctx, { name: 'Robin B.', timeZone: 'Pacific/Auckland' });
		expect(me.user.name).toBe('Robin B.');
		expect(me.profile).toEqual({ timeZone: 'Pacific/Auckland', onboarded: true });
	});

	it('answers UNAUTHENTICATED without a person', async () => {
		await expect(getMe(buildCtx(handle.db))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
	});
});

describe('changePassword', () => {
	it('needs the current password and ends every other session', async () => {
		const person = await createPerson(handle.db);
		const other = signedIn(
			await signIn(buildCtx(handle.db), { email: person.email, password: TEST_PASSWORD })
		);
		await expect(
			changePassword(person.ctx, {
				currentPassword: 'not the one',
				newPassword: 'a new quiet river'
			})
		).rejects.toMatchObject({ code: 'INVALID', fields: { currentPassword: expect.any(Array) } });

		await changePassword(person.ctx, {
			currentPassword: TEST_PASSWORD,
			newPassword: 'a new quiet river'
		});
		const left = await handle.db.select().from(sessions).where(eq(sessions.userId, person.user.id));
		expect(left.map((row) => row.id)).toEqual([person.ctx.sessionId]);
		expect(left.map((row) => row.id)).not.toContain(other.session.sessionId);
		await expect(
			signIn(buildCtx(handle.db), { email: person.email, password: 'a new quiet river' })
		).resolves.toBeTruthy();
	});
});
