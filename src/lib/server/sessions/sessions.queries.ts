import { and, desc, eq, ne } from 'drizzle-orm';
import type { Executor as Db } from '../db/client';
import { lockSettings, sessions, users } from '../db/schema';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Db, values: typeof sessions.$inferInsert) {
	const [row] = await db.insert(sessions).values(values).returning();

	return row;
}

/** The session, its person, and the person's idle limit (null: the default). */
export async function findSessionWithUser(db: Db, tokenHash: string) {
	const [row] = await db
		.select({ session: sessions, user: users, idleMinutes: lockSettings.idleMinutes })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.leftJoin(lockSettings, eq(lockSettings.userId, sessions.userId))
		.where(eq(sessions.tokenHash, tokenHash));

	return row;
}

export async function touchSession(
	db: Db,
	id: string,
	values: { lastUsedAt: Date; expiresAt: Date; lockedAt?: Date }
) {
	await db.update(sessions).set(values).where(eq(sessions.id, id));
}

export function listSessionsOfUser(db: Db, userId: string) {
	return db
		.select()
		.from(sessions)
		.where(eq(sessions.userId, userId))
		.orderBy(desc(sessions.lastUsedAt));
}

/** Deletes one session of this user; returns whether it existed. */
export async function deleteSessionOfUser(db: Db, userId: string, sessionId: string) {
	const rows = await db
		.delete(sessions)
		.where(and(eq(sessions.userId, userId), eq(sessions.id, sessionId)))
		.returning({ id: sessions.id });

	return rows.length > 0;
}

export async function deleteOtherSessions(db: Db, userId: string, keepSessionId: string | null) {
	const condition = keepSessionId
		? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
		: eq(sessions.userId, userId);
	await db.delete(sessions).where(condition);
}

export async function deleteSessionById(db: Db, sessionId: string) {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}
