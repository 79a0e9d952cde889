import { and, between, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { checkins } from '../db/schema';

export type CheckinRow = typeof checkins.$inferSelect;

export async function upsertCheckin(db: Executor, values: typeof checkins.$inferInsert) {
	const { authorId: _a, localDate: _d, createdAt: _c, ...changes } = values;
	const [row] = await db
		.insert(checkins)
		.values(values)
		.onConflictDoUpdate({ target: [checkins.authorId, checkins.localDate], set: changes })
		.returning();

	return row;
}

/**
 * The viewer's own check-ins and those shared into the viewer's current couple, between two
 * dates. The access module still checks every row; this only narrows the read.
 */
export function listCheckinsVisibleTo(
	db: Executor,
	viewer: { userId: string; coupleId: string | null },
	from: string,
	to: string
) {
	const sharedWithViewer = viewer.coupleId
		? and(
				eq(checkins.coupleId, viewer.coupleId),
				eq(checkins.visibility, 'shared'),
				isNotNull(checkins.coupleId)
			)
		: sql`false`;

	return db
		.select()
		.from(checkins)
		.where(
			and(
				between(checkins.localDate, from, to),
				or(eq(checkins.authorId, viewer.userId), sharedWithViewer)
			)
		)
		.orderBy(checkins.localDate);
}

export async function findCheckinById(db: Executor, id: string) {
	const [row] = await db.select().from(checkins).where(eq(checkins.id, id));

	return row;
}

export async function findCheckinOn(db: Executor, authorId: string, localDate: string) {
	const [row] = await db
		.select()
		.from(checkins)
		.where(and(eq(checkins.authorId, authorId), eq(checkins.localDate, localDate)));

	return row;
}
