import { and, eq, gt, lte } from 'drizzle-orm';
import type { Executor as Db } from '../db/client';
import { passwordResets } from '../db/schema';

export async function insertPasswordReset(db: Db, values: typeof passwordResets.$inferInsert) {
	await db.insert(passwordResets).values(values);
}

export async function findLivePasswordReset(db: Db, tokenHash: string, now: Date) {
	const [row] = await db
		.select()
		.from(passwordResets)
		.where(and(eq(passwordResets.tokenHash, tokenHash), gt(passwordResets.expiresAt, now)));

	return row;
}

/** Uses a link up: true only for the one request that deletes it while it still works. */
export async function claimPasswordReset(db: Db, id: string, now: Date): Promise<boolean> {
	const rows = await db
		.delete(passwordResets)
		.where(and(eq(passwordResets.id, id), gt(passwordResets.expiresAt, now)))
		.returning({ id: passwordResets.id });

	return rows.length > 0;
}

export async function deletePasswordResetsOf(db: Db, userId: string) {
	await db.delete(passwordResets).where(eq(passwordResets.userId, userId));
}

export async function deleteExpiredPasswordResets(db: Db, now: Date) {
	await db.delete(passwordResets).where(lte(passwordResets.expiresAt, now));
}
