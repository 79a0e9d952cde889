import { and, between, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { answerFollowups, answers, dailyQuestions } from '../db/schema';

export type AnswerRow = typeof answers.$inferSelect;
export type FollowupRow = typeof answerFollowups.$inferSelect;

export async function findAssignedQuestion(db: Executor, spaceId: string, localDate: string) {
	const [row] = await db
		.select()
		.from(dailyQuestions)
		.where(and(eq(dailyQuestions.spaceId, spaceId), eq(dailyQuestions.localDate, localDate)));

	return row?.questionId;
}

/** Keeps the first choice made for a date: both partners always read the same question. */
export async function assignQuestion(
	db: Executor,
	spaceId: string,
	localDate: string,
	questionId: string
) {
	await db.insert(dailyQuestions).values({ spaceId, localDate, questionId }).onConflictDoNothing();

	return (await findAssignedQuestion(db, spaceId, localDate)) ?? questionId;
}

export function listAssignments(db: Executor, spaceId: string, from: string, to: string) {
	return db
		.select()
		.from(dailyQuestions)
		.where(and(eq(dailyQuestions.spaceId, spaceId), between(dailyQuestions.localDate, from, to)));
}

/** Answers for one date by these authors (the viewer and, when linked, the partner). */
export function listAnswersOn(db: Executor, authorIds: string[], localDate: string) {
	return db
		.select()
		.from(answers)
		.where(and(inArray(answers.authorId, authorIds), eq(answers.localDate, localDate)));
}

export async function findAnswerById(db: Executor, id: string) {
	const [row] = await db.select().from(answers).where(eq(answers.id, id));

	return row;
}

export async function insertAnswer(db: Executor, values: typeof answers.$inferInsert) {
	const [row] = await db.insert(answers).values(values).onConflictDoNothing().returning();

	return row;
}

/** Turns a pass into an answer, or a pass into a pass; an answer given stays as it is. */
export async function replacePass(
	db: Executor,
	id: string,
	values: {
		text: string | null;
		passed: boolean;
		coupleId: string | null;
		questionId: string;
		updatedAt: Date;
	}
) {
	const [row] = await db
		.update(answers)
		.set(values)
		.where(and(eq(answers.id, id), eq(answers.passed, true)))
		.returning();

	return row;
}

export function listFollowups(db: Executor, answerIds: string[]) {
	if (answerIds.length === 0) {
		return Promise.resolve([] as FollowupRow[]);
	}

	return db.select().from(answerFollowups).where(inArray(answerFollowups.answerId, answerIds));
}

export async function insertFollowup(db: Executor, values: typeof answerFollowups.$inferInsert) {
	const [row] = await db.insert(answerFollowups).values(values).onConflictDoNothing().returning();

	return row;
}

/** Answers between two dates by these authors, oldest first. */
export function listAnswersBetween(db: Executor, authorIds: string[], from: string, to: string) {
	return db
		.select()
		.from(answers)
		.where(and(inArray(answers.authorId, authorIds), between(answers.localDate, from, to)))
		.orderBy(answers.localDate);
}

/** The follow-ups a person wrote, with the date of the answer each replies to. */
export function listFollowupsByAuthor(db: Executor, authorId: string) {
	return db
		.select({ localDate: answers.localDate, text: answerFollowups.text })
		.from(answerFollowups)
		.innerJoin(answers, eq(answers.id, answerFollowups.answerId))
		.where(eq(answerFollowups.authorId, authorId));
}
