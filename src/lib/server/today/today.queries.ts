import { and, eq, gte, lte } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { answers, appreciations, checkins } from '../db/schema';

/** Dates on which the person did something of their own (answers given, not passes). */
export async function listPractisedDates(db: Executor, userId: string, from: string, to: string) {
	const [fromCheckins, fromAnswers, fromAppreciations] = await Promise.all([
		db
			.select({ date: checkins.localDate })
			.from(checkins)
			.where(
				and(
					eq(checkins.authorId, userId),
					gte(checkins.localDate, from),
					lte(checkins.localDate, to)
				)
			),
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
			),
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
	]);

	return [...fromCheckins, ...fromAnswers, ...fromAppreciations].map((row) => row.date);
}
