import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { appreciations } from '../db/schema';

export type AppreciationRow = typeof appreciations.$inferSelect;

export async function insertAppreciation(db: Executor, values: typeof appreciations.$inferInsert) {
	const [row] = await db.insert(appreciations).values(values).returning();

	return row;
}

/** The viewer's own and those given in the viewer's current couple, newest first. */
export function listAppreciationsVisibleTo(
	db: Executor,
	viewer: { userId: string; coupleId: string | null },
	limit: number | null = 500
) {
	const inCouple = viewer.coupleId ? eq(appreciations.coupleId, viewer.coupleId) : sql`false`;
	const query = db
		.select()
		.from(appreciations)
		.where(or(eq(appreciations.authorId, viewer.userId), inCouple))
		.orderBy(desc(appreciations.createdAt));

	return limit === null ? query : query.limit(limit);
}

export async function findAppreciationById(db: Executor, id: string) {
	const [row] = await db.select().from(appreciations).where(eq(appreciations.id, id));

	return row;
}

/** Gives every kept (never shared) appreciation of the author to the current couple. */
export async function shareKeptAppreciations(db: Executor, authorId: string, coupleId: string) {
	const rows = await db
		.update(appreciations)
		.set({ coupleId })
		.where(and(eq(appreciations.authorId, authorId), isNull(appreciations.coupleId)))
		.returning({ id: appreciations.id });

	return rows.length;
}
