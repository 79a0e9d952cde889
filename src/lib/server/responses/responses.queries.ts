import { and, asc, eq, inArray } from 'drizzle-orm';
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
