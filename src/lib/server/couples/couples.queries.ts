import { and, eq, gt, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { coupleMembers, couples, invites, pastPartners, users } from '../db/schema';

export async function findOpenInviteByHash(db: Executor, codeHash: string, now: Date) {
	const [row] = await db
		.select()
		.from(invites)
		.where(
			and(eq(invites.codeHash, codeHash), isNull(invites.closedAt), gt(invites.expiresAt, now))
		);

	return row;
}

export async function findOpenInviteOf(db: Executor, inviterId: string, now: Date) {
	const [row] = await db
		.select({ createdAt: invites.createdAt, expiresAt: invites.expiresAt })
		.from(invites)
		.where(
			and(eq(invites.inviterId, inviterId), isNull(invites.closedAt), gt(invites.expiresAt, now))
		);

	return row;
}

export async function insertInvite(db: Executor, values: typeof invites.$inferInsert) {
	await db.insert(invites).values(values);
}

export async function closeOpenInvitesOf(db: Executor, userIds: string[], now: Date) {
	await db
		.update(invites)
		.set({ closedAt: now })
		.where(and(inArray(invites.inviterId, userIds), isNull(invites.closedAt)));
}

/** Closes one invite if it is still open; false when someone else used it first. */
export async function claimInvite(db: Executor, inviteId: string, now: Date) {
	const rows = await db
		.update(invites)
		.set({ closedAt: now })
		.where(and(eq(invites.id, inviteId), isNull(invites.closedAt)))
		.returning({ id: invites.id });

	return rows.length === 1;
}

export async function isMemberOfAnyCouple(db: Executor, userIds: string[]) {
	const rows = await db
		.select({ userId: coupleMembers.userId })
		.from(coupleMembers)
		.where(inArray(coupleMembers.userId, userIds));

	return rows.length > 0;
}

export async function insertCouple(db: Executor, memberIds: [string, string], now: Date) {
	const [couple] = await db.insert(couples).values({ createdAt: now }).returning();
	await db
		.insert(coupleMembers)
		.values(memberIds.map((userId) => ({ userId, coupleId: couple.id })));

	return couple;
}

/**
 * Remembers both members of a live couple as each other's past partner, with the names they have
 * now; an existing block is kept. Called when a link starts and again just before it ends.
 */
export async function rememberPartners(db: Executor, coupleId: string) {
	const me = alias(coupleMembers, 'me');
	const other = alias(coupleMembers, 'other');
	await db
		.insert(pastPartners)
		.select(
			db
				.select({
					userId: me.userId,
					partnerId: other.userId,
					partnerName: users.name,
					blockedAt: sql<Date | null>`null`.as('blocked_at')
				})
				.from(me)
				.innerJoin(other, and(eq(other.coupleId, me.coupleId), ne(other.userId, me.userId)))
				.innerJoin(users, eq(users.id, other.userId))
				.where(eq(me.coupleId, coupleId))
		)
		.onConflictDoUpdate({
			target: [pastPartners.userId, pastPartners.partnerId],
			set: { partnerName: sql`excluded.partner_name` }
		});
}

export async function isBlockedEitherWay(db: Executor, a: string, b: string) {
	const rows = await db
		.select({ userId: pastPartners.userId })
		.from(pastPartners)
		.where(
			and(
				isNotNull(pastPartners.blockedAt),
				or(
					and(eq(pastPartners.userId, a), eq(pastPartners.partnerId, b)),
					and(eq(pastPartners.userId, b), eq(pastPartners.partnerId, a))
				)
			)
		);

	return rows.length > 0;
}

/** Ends the couple: both memberships go in one statement and the couple gets its end time. */
export async function endCouple(db: Executor, coupleId: string, now: Date) {
	await db.delete(coupleMembers).where(eq(coupleMembers.coupleId, coupleId));
	await db.update(couples).set({ endedAt: now }).where(eq(couples.id, coupleId));
}

export async function findMembership(db: Executor, userId: string) {
	const [row] = await db
		.select({ coupleId: coupleMembers.coupleId })
		.from(coupleMembers)
		.where(eq(coupleMembers.userId, userId))
		.for('update');

	return row;
}

export function listPastPartnersOf(db: Executor, userId: string, exceptId: string | null) {
	return db
		.select({
			id: pastPartners.partnerId,
			name: pastPartners.partnerName,
			blockedAt: pastPartners.blockedAt
		})
		.from(pastPartners)
		.where(
			and(
				eq(pastPartners.userId, userId),
				exceptId ? ne(pastPartners.partnerId, exceptId) : undefined
			)
		)
		.orderBy(pastPartners.partnerName);
}

export async function setBlockedAt(
	db: Executor,
	userId: string,
	partnerId: string,
	blockedAt: Date | null
) {
	const rows = await db
		.update(pastPartners)
		.set({ blockedAt })
		.where(and(eq(pastPartners.userId, userId), eq(pastPartners.partnerId, partnerId)))
		.returning({ partnerId: pastPartners.partnerId });

	return rows.length === 1;
}
