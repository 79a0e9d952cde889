import { and, count, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Executor as Db } from '../db/client';
import { recoveryCodes, twoFactor } from '../db/schema';

export type TwoFactorRow = typeof twoFactor.$inferSelect;

export async function findTwoFactor(db: Db, userId: string): Promise<TwoFactorRow | undefined> {
	const [row] = await db.select().from(twoFactor).where(eq(twoFactor.userId, userId));

	return row;
}

/** A new secret being set up; replaces an earlier unfinished one, never one already on. */
export async function upsertPendingTwoFactor(
	db: Db,
	userId: string,
	secretSealed: string,
	now: Date
): Promise<boolean> {
	const rows = await db
		.insert(twoFactor)
		.values({ userId, secretSealed, createdAt: now })
		.onConflictDoUpdate({
			target: twoFactor.userId,
			set: { secretSealed, createdAt: now, lastUsedStep: null },
			setWhere: isNull(twoFactor.enabledAt)
		})
		.returning({ userId: twoFactor.userId });

	return rows.length > 0;
}

/** Switches a pending secret on; false when there was none (or it is already on). */
export async function markTwoFactorEnabled(db: Db, userId: string, step: number, now: Date) {
	const rows = await db
		.update(twoFactor)
		.set({ enabledAt: now, lastUsedStep: step })
		.where(and(eq(twoFactor.userId, userId), isNull(twoFactor.enabledAt)))
		.returning({ userId: twoFactor.userId });

	return rows.length > 0;
}

/**
 * Records `step` as used, only if it is later than every step used before: a code is accepted
 * once, even by two requests at the same moment.
 */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
	const rows = await db
		.update(twoFactor)
		.set({ lastUsedStep: step })
		.where(
			and(
				eq(twoFactor.userId, userId),
				isNotNull(twoFactor.enabledAt),
				or(isNull(twoFactor.lastUsedStep), lt(twoFactor.lastUsedStep, step))
			)
		)
		.returning({ userId: twoFactor.userId });

	return rows.length > 0;
}

export async function deleteTwoFactor(db: Db, userId: string) {
	await db.delete(twoFactor).where(eq(twoFactor.userId, userId));
	await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/** The old set goes; the new one takes its place. */
export async function replaceRecoveryCodes(db: Db, userId: string, hashes: string[], now: Date) {
	await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
	await db
		.insert(recoveryCodes)
		.values(hashes.map((codeHash) => ({ userId, codeHash, createdAt: now })));
}

/** Marks an unused code as used; false when there is no such unused code. */
export async function useRecoveryCode(db: Db, userId: string, codeHash: string, now: Date) {
	const rows = await db
		.update(recoveryCodes)
		.set({ usedAt: now })
		.where(
			and(
				eq(recoveryCodes.userId, userId),
				eq(recoveryCodes.codeHash, codeHash),
				isNull(recoveryCodes.usedAt)
			)
		)
		.returning({ id: recoveryCodes.id });

	return rows.length > 0;
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(recoveryCodes)
		.where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));

	return row?.n ?? 0;
}
