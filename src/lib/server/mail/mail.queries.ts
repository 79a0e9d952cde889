import { and, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Executor as Db } from '../db/client';
import { mailOutbox } from '../db/schema';

export type MailRow = typeof mailOutbox.$inferSelect;

export async function insertMail(db: Db, values: typeof mailOutbox.$inferInsert) {
	await db.insert(mailOutbox).values(values);
}

/**
 * Takes up to `limit` due rows for this sender until `leaseUntil`, in one statement. SKIP LOCKED
 * lets several instances claim at once without waiting on each other or taking the same row;
 * the lease keeps a row away from other senders while it is being sent outside any transaction.
 */
export async function claimDueMail(db: Db, now: Date, leaseUntil: Date, limit: number) {
	const due = db
		.select({ id: mailOutbox.id })
		.from(mailOutbox)
		.where(
			and(
				lte(mailOutbox.nextAttemptAt, now),
				or(isNull(mailOutbox.lockedUntil), lt(mailOutbox.lockedUntil, now))
			)
		)
		.orderBy(mailOutbox.nextAttemptAt)
		.limit(limit)
		.for('update', { skipLocked: true });

	return db
		.update(mailOutbox)
		.set({ lockedUntil: leaseUntil, attempts: sql`${mailOutbox.attempts} + 1` })
		.where(inArray(mailOutbox.id, due))
		.returning();
}

/** Deletes a claimed row, but only while this sender's lease on it holds. */
export async function deleteClaimedMail(db: Db, row: Pick<MailRow, 'id' | 'lockedUntil'>) {
	if (!row.lockedUntil) {
		return;
	}
	await db
		.delete(mailOutbox)
		.where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.lockedUntil, row.lockedUntil)));
}

/** Gives a claimed row back for a later try. */
export async function releaseMail(
	db: Db,
	row: Pick<MailRow, 'id' | 'lockedUntil'>,
	nextAttemptAt: Date
) {
	if (!row.lockedUntil) {
		return;
	}
	await db
		.update(mailOutbox)
		.set({ lockedUntil: null, nextAttemptAt })
		.where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.lockedUntil, row.lockedUntil)));
}

/** Drops queued mail of one kind for a person (e.g. reset links once email reset is off). */
export async function deleteQueuedMailOf(db: Db, userId: string, template: string) {
	await db
		.delete(mailOutbox)
		.where(and(eq(mailOutbox.userId, userId), eq(mailOutbox.template, template)));
}
