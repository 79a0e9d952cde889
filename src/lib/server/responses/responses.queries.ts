import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { responses } from '../db/schema';

export type ResponseRow = typeof responses.$inferSelect;

export async function insertResponse(db: Executor, values: typeof responses.$inferInsert) {
	const [row] = await db.insert(responses).values(values).returning();

	return row;
}

/** Responses within one couple to the given items. */
export function listResponsesTo(db: Executor, coupleId: string, itemIds: string[]) {
	if (itemIds.length === 0) {
		return Promise.resolve([] as ResponseRow[]);
	}

	return db
		.select()
		.from(responses)
		.where(and(eq(responses.coupleId, coupleId), inArray(responses.itemId, itemIds)))
		.orderBy(asc(responses.createdAt));
}

/** Responses the viewer wrote (in any link), and every response in the viewer's current couple. */
export function listResponsesVisibleTo(
	db: Executor,
	viewer: { userId: string; coupleId: string | null }
) {
	const inCouple = viewer.coupleId ? eq(responses.coupleId, viewer.coupleId) : undefined;

	return db
		.select()
		.from(responses)
		.where(or(eq(responses.authorId, viewer.userId), inCouple))
		.orderBy(asc(responses.createdAt));
}
