import { beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createTestDb } from '../testing/db';
import { buildCtx, createCouple, createPerson } from '../testing/factories';
import { getMe, updateProfile } from '../accounts/accounts.service';
import { relationTo } from '../access';
import { LIMITS } from '../auth/rate-limit';
import {
	cancelInvite,
	createInvite,
	getCouple,
	getOpenInvite,
	INVITE_LIFETIME_MS,
	joinCouple,
	leaveCouple,
	listPastPartners,
	setPastPartnerBlock
} from './couples.service';

let handle: DbHandle;
beforeAll(async () => {
	handle = await createTestDb();
});

describe('invites', () => {
	it('makes a high-entropy code and a link, valid for 7 days', async () => {
		const t0 = Date.parse('2026-05-01T12:00:00Z');
		const { ctx } = await createPerson(handle.db, { now: () => new Date(t0) });
		const invite = await createInvite(ctx);
		expect(invite.code.replaceAll('-', '')).toMatch(/^[0-9A-HJKMNP-TV-Z]{25}$/);
		expect(invite.url).toBe(`http://localhost:3000/join/${invite.code.replaceAll('-', '')}`);
		expect(Date.parse(invite.expiresAt)).toBe(t0 + INVITE_LIFETIME_MS);
		expect(await getOpenInvite(ctx)).toEqual({
			createdAt: new Date(t0).toISOString(),
			expiresAt: invite.expiresAt
		});
	});

	it('voids the old code when a new one is made', async () => {
		const inviter = await createPerson(handle.db);
		const joiner = await createPerson(handle.db);
		const first = await createInvite(inviter.ctx);
		const second = await createInvite(inviter.ctx);
		await expect(joinCouple(joiner.ctx, { code: first.code })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		await expect(joinCouple(joiner.ctx, { code: second.url })).resolves.toMatchObject({
			partner: { id: inviter.user.id }
		});
	});

	it('is single use', async () => {
		const inviter = await createPerson(handle.db);
		const joiner = await createPerson(handle.db);
		const outsider = await createPerson(handle.db);
		const invite = await createInvite(inviter.ctx);
		await joinCouple(joiner.ctx, { code: invite.code });
		await expect(joinCouple(outsider.ctx, { code: invite.code })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
	});

	it('expires after 7 days', async () => {
		const t0 = Date.parse('2026-05-01T12:00:00Z');
		const inviter = await createPerson(handle.db, { now: () => new Date(t0) });
		const invite = await createInvite(inviter.ctx);
		const joiner = await createPerson(handle.db, {
			now: () => new Date(t0 + INVITE_LIFETIME_MS + 1)
		});
		await expect(joinCouple(joiner.ctx, { code: invite.code })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
	});

	it('can be cancelled', async () => {
		const inviter = await createPerson(handle.db);
		const joiner = await createPerson(handle.db);
		const invite = await createInvite(inviter.ctx);
		await cancelInvite(inviter.ctx);
		expect(await getOpenInvite(inviter.ctx)).toBeNull();
		await expect(joinCouple(joiner.ctx, { code: invite.code })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
	});

	it('refuses joining your own code, or joining while linked, with a clear CONFLICT', async () => {
		const me = await createPerson(handle.db);
		const own = await createInvite(me.ctx);
		await expect(joinCouple(me.ctx, { code: own.code })).rejects.toMatchObject({
			code: 'CONFLICT'
		});

		const { a } = await createCouple(handle.db);
		const other = await createPerson(handle.db);
		const invite = await createInvite(other.ctx);
		await expect(joinCouple(a.ctx, { code: invite.code })).rejects.toMatchObject({
			code: 'CONFLICT'
		});
		await expect(createInvite(a.ctx)).rejects.toMatchObject({ code: 'CONFLICT' });
	});

	it('accepts codes typed loosely: lower case, spaces, O for 0', async () => {
		const inviter = await createPerson(handle.db);
		const joiner = await createPerson(handle.db);
		const { code } = await createInvite(inviter.ctx);
		const typed = ` ${code.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o')} `;
		await expect(joinCouple(joiner.ctx, { code: typed })).resolves.toMatchObject({
			partner: { name: 'Robin' }
		});
	});

	it('throttles repeated wrong codes', async () => {
		const joiner = await createPerson(handle.db);
		for (let i = 0; i < LIMITS.joinUser.max; i++) {
			await expect(
				joinCouple(joiner.ctx, { code: 'ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ' })
			).rejects.toMatchObject({ code: 'NOT_FOUND' });
		}
		await expect(joinCouple(joiner.ctx, { code: 'ZZZZZ' })).rejects.toMatchObject({
			code: 'RATE_LIMITED'
		});
	});

	it('links only one of two people racing for the same code', async () => {
		const inviter = await createPerson(handle.db);
		const one = await createPerson(handle.db);
		const two = await createPerson(handle.db);
		const { code } = await createInvite(inviter.ctx);
		const results = await Promise.allSettled([
			joinCouple(one.ctx, { code }),
			joinCouple(two.ctx, { code })
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
	});
});

describe('leaving', () => {
	it('ends the link at once for both, silently, with a neutral state for the other', async () => {
		const { a, b } = await createCouple(handle.db);
		await leaveCouple(b.ctx);
		expect((await getMe(a.ctx)).partner).toBeNull();
		expect((await getMe(b.ctx)).partner).toBeNull();
		await expect(getCouple(a.ctx)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect(JSON.stringify(await getMe(a.ctx))).not.toMatch(/left|ended|since/i);
		expect(await relationTo(handle.db, a.user.id, b.user.id)).toBe('ex');
	});

	it('answers NOT_FOUND when there is no link to leave', async () => {
		const alone = await createPerson(handle.db);
		await expect(leaveCouple(alone.ctx)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('gives a re-link of the same two people a new, empty shared space', async () => {
		const { a, b } = await createCouple(handle.db);
		const before = (await getCouple(a.ctx)).couple.id;
		await leaveCouple(a.ctx);
		const { code } = await createInvite(a.ctx);
		await joinCouple(b.ctx, { code });
		const after = (await getCouple(a.ctx)).couple.id;
		expect(after).not.toBe(before);
	});
});

describe('blocking a past partner', () => {
	it('stops any future link in either direction, and answers like an unknown code', async () => {
		const { a, b } = await createCouple(handle.db);
		await leaveCouple(a.ctx);
		expect(await listPastPartners(a.ctx)).toEqual([{ id: b.user.id, name: 'Sam', blocked: false }]);
		await setPastPartnerBlock(a.ctx, b.user.id, { blocked: true });

		const fromEx = await createInvite(b.ctx);
		await expect(joinCouple(a.ctx, { code: fromEx.code })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		const toEx = await createInvite(a.ctx);
		await expect(joinCouple(b.ctx, { code: toEx.code })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});

		await setPastPartnerBlock(a.ctx, b.user.id, { blocked: false });
		const again = await createInvite(a.ctx);
		await expect(joinCouple(b.ctx, { code: again.code })).resolves.toBeTruthy();
	});

	it("keeps the ex's name as it was when the link ended; later changes never reach them", async () => {
		const { a, b } = await createCouple(handle.db);
		await leaveCouple(b.ctx);
		await updateProfile(b.ctx, { name: 'Someone new' });
		expect(await listPastPartners(a.ctx)).toEqual([{ id: b.user.id, name: 'Sam', blocked: false }]);
	});

	it('only works on past partners: the current partner and strangers answer NOT_FOUND', async () => {
		const { a, b } = await createCouple(handle.db);
		const stranger = await createPerson(handle.db);
		await expect(setPastPartnerBlock(a.ctx, b.user.id, { blocked: true })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		await expect(
			setPastPartnerBlock(a.ctx, stranger.user.id, { blocked: true })
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect(await listPastPartners(a.ctx)).toEqual([]);
	});

	it('needs a signed-in person', async () => {
		await expect(listPastPartners(buildCtx(handle.db))).rejects.toMatchObject({
			code: 'UNAUTHENTICATED'
		});
	});
});
