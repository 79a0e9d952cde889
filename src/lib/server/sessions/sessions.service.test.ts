import { beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createTestDb } from '../testing/db';
import { buildCtx, createPerson, TEST_PASSWORD } from '../testing/factories';
import { signIn } from '../accounts/sign-in.service';
import {
	endOtherSessions,
	endSession,
	listSessions,
	resolveSession,
	SESSION_IDLE_MS,
	SESSION_MAX_MS,
	startSession
} from './sessions.service';

let handle: DbHandle;
beforeAll(async () => {
	handle = await createTestDb();
});

describe('sessions', () => {
	it("lists the person's own sessions with device and times, marking the current one", async () => {
		const person = await createPerson(handle.db);
		await signIn(buildCtx(handle.db, { device: 'Firefox on Android' }), {
			email: person.email,
			password: TEST_PASSWORD
		});
		const list = await listSessions(person.ctx);
		expect(list).toHaveLength(2);
		expect(list.filter((s) => s.current)).toHaveLength(1);
		expect(list.map((s) => s.device)).toContain('Firefox on Android');
		expect(Object.keys(list[0]).sort()).toEqual([
			'createdAt',
			'current',
			'device',
			'id',
			'lastUsedAt'
		]);
	});

	it("ends one session; another person's session id answers NOT_FOUND and stays alive", async () => {
		const me = await createPerson(handle.db);
		const other = await createPerson(handle.db);
		const theirs = await startSession(other.ctx, other.user.id);
		await expect(endSession(me.ctx, theirs.sessionId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect(await resolveSession(other.ctx, theirs.token)).not.toBeNull();

		const mine = await startSession(me.ctx, me.user.id);
		await endSession(me.ctx, mine.sessionId);
		expect(await resolveSession(me.ctx, mine.token)).toBeNull();
	});

	it('ends all other sessions but keeps the current one', async () => {
		const me = await createPerson(handle.db);
		const phone = await startSession(me.ctx, me.user.id);
		await endOtherSessions(me.ctx);
		expect(await resolveSession(me.ctx, phone.token)).toBeNull();
		expect((await listSessions(me.ctx)).map((s) => s.id)).toEqual([me.ctx.sessionId]);
	});

	it('expires after 30 idle days, slides with use, and never outlives 180 days', async () => {
		const t0 = Date.parse('2026-01-01T00:00:00Z');
		let now = t0;
		const person = await createPerson(handle.db, { now: () => new Date(now) });
		const ctx = buildCtx(handle.db, { now: () => new Date(now) });
		const { token } = await startSession(ctx, person.user.id);

		now = t0 + SESSION_IDLE_MS - 1000;
		expect(await resolveSession(ctx, token)).not.toBeNull();
		for (let day = 0; now < t0 + SESSION_MAX_MS - SESSION_IDLE_MS; day++) {
			now += 20 * 24 * 60 * 60 * 1000;
			expect(await resolveSession(ctx, token)).not.toBeNull();
		}
		now = t0 + SESSION_MAX_MS + 1000;
		expect(await resolveSession(ctx, token)).toBeNull();
	});

	it('refuses a session past its idle time', async () => {
		const t0 = Date.parse('2026-01-01T00:00:00Z');
		let now = t0;
		const person = await createPerson(handle.db, { now: () => new Date(now) });
		const ctx = buildCtx(handle.db, { now: () => new Date(now) });
		const { token } = await startSession(ctx, person.user.id);
		now = t0 + SESSION_IDLE_MS + 1000;
		expect(await resolveSession(ctx, token)).toBeNull();
	});
});
