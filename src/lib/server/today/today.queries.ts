import { and, eq, gte, lte } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { answers, appreciations, checkins } from '../db/schema';

/** Dates on which the person did something of their own (answers given, not passes). */
export async function listPractisedDates(db: Executor, userId: string, from: string, to: string) {
	const rows = await db
		.select({ date: checkins.localDate })
		.from(checkins)
		.where(
			and(eq(checkins.authorId, userId), gte(checkins.localDate, from), lte(checkins.localDate, to))
		)
		.unionAll(
			db
				.select({ date: answers.localDate })
				.from(answers)
				.where(
					and(
						eq(answers.authorId, userId),
						eq(answers.passed, false),
						gte(answers.localDate, from),
						lte(answers.localDate, to)
					)
				)
		)
		.unionAll(
			db
				.select({ date: appreciations.localDate })
				.from(appreciations)
				.where(
					and(
						eq(appreciations.authorId, userId),
						gte(appreciations.localDate, from),
						lte(appreciations.localDate, to)
					)
				)
		);

	return rows.map((row) => row.date);
}
