import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Executor as Db } from '../db/client';
import { pendingSignIns } from '../db/schema';

export type PendingSignInRow = typeof pendingSignIns.$inferSelect;

export async function insertPendingSignIn(db: Db, values: typeof pendingSignIns.$inferInsert) {
	await db.insert(pendingSignIns).values(values);
}

export async function findPendingSignIn(
	db: Db,
	ticketHash: string,
	now: Date
): Promise<PendingSignInRow | undefined> {
	const [row] = await db
		.select()
		.from(pendingSignIns)
		.where(and(eq(pendingSignIns.ticketHash, ticketHash), gt(pendingSignIns.expiresAt, now)));

	return row;
}

/** Counts a wrong code against the ticket; returns the new count. */
export async function countPendingFailure(db: Db, id: string): Promise<number> {
	const [row] = await db
		.update(pendingSignIns)
		.set({ failures: sql`${pendingSignIns.failures} + 1` })
		.where(eq(pendingSignIns.id, id))
		.returning({ failures: pendingSignIns.failures });

	return row?.failures ?? Number.POSITIVE_INFINITY;
}

/** Uses the ticket up; false when another request already did. */
export async function deletePendingSignIn(db: Db, id: string): Promise<boolean> {
	const rows = await db
		.delete(pendingSignIns)
		.where(eq(pendingSignIns.id, id))
		.returning({ id: pendingSignIns.id });

	return rows.length > 0;
}

export async function deletePendingSignInsOf(db: Db, userId: string) {
	await db.delete(pendingSignIns).where(eq(pendingSignIns.userId, userId));
}

export async function deleteExpiredPendingSignIns(db: Db, now: Date) {
	await db.delete(pendingSignIns).where(lte(pendingSignIns.expiresAt, now));
}
