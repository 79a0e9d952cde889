import { and, eq } from 'drizzle-orm';
import type { Executor as Db } from '../db/client';
import { lockSettings, sessions } from '../db/schema';

export type LockSettingsRow = typeof lockSettings.$inferSelect;

export async function findLockSettings(db: Db, userId: string) {
	const [row] = await db.select().from(lockSettings).where(eq(lockSettings.userId, userId));

	return row;
}

export async function upsertLockSettings(
	db: Db,
	userId: string,
	set: { idleMinutes?: number; pinHash?: string | null; updatedAt: Date }
) {
	await db
		.insert(lockSettings)
		.values({ userId, ...set })
		.onConflictDoUpdate({ target: lockSettings.userId, set });
}

/** The lock state of one session of this person. */
export async function findSessionLock(db: Db, userId: string, sessionId: string) {
	const [row] = await db
		.select({ lockedAt: sessions.lockedAt, lastActiveAt: sessions.lastUsedAt })
		.from(sessions)
		.where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)));

	return row;
}

export async function updateSessionLock(
	db: Db,
	userId: string,
	sessionId: string,
	set: { lockedAt?: Date | null; lastUsedAt?: Date }
) {
	await db
		.update(sessions)
		.set(set)
		.where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)));
}
