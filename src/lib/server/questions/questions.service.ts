import type { Ctx } from '../context';
import { requireUnlocked, requireViewer, type Viewer } from '../access';
import { AppError } from '../errors';
import { logEvent } from '../log';
import { paceFor } from '../practice/practice.service';
import { publishTodayChange } from '../today/today-events';
import { getContent } from '$lib/content';
import { pickDailyQuestion, NO_REPEAT_DAYS } from '$lib/domain/daily-question';
import { addDays, isLocalDate, localDate, type LocalDate } from '$lib/domain/dates';
import { canSeePartnerAnswer, isOwnAnswerShared } from '$lib/domain/reveal';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import {
	assignQuestion,
	findAnswerById,
	findAssignedQuestion,
	insertAnswer,
	insertFollowup,
	listAnswersBetween,
	listAnswersOn,
	listAssignments,
	listFollowups,
	listFollowupsByAuthor,
	replacePass,
	type AnswerRow
} from './questions.queries';
import type { AnswerInput, FollowupInput } from './questions.schemas';

export type AnswerView = { id: string; text: string | null; passed: boolean; createdAt: string };
export type QuestionDayView = {
	date: LocalDate;
	question: { id: string; text: string; depth: string } | null;
	answer: AnswerView | null;
	/** Present only once revealed: both linked, and the viewer answered (not passed) too. */
	partnerAnswer: AnswerView | null;
	followups: { mine: string | null; partner: string | null };
};

/** The day's question as the viewer may see it: the partner's answer only once revealed. */
export async function getQuestionDay(ctx: Ctx, date: string): Promise<QuestionDayView> {
	const viewer = await requireViewer(ctx);
	const today = localDate(ctx.now(), viewer.timeZone);
	if (!isLocalDate(date) || date > today) {
		throw new AppError('NOT_FOUND', m.error_no_question());
	}

	return questionDay(ctx, viewer, date, today);
}

/** Answers today's question, or passes ("not today"); a pass can later become an answer. */
export async function answerQuestion(
	ctx: Ctx,
	date: string,
	input: AnswerInput
): Promise<QuestionDayView> {
	// Locked, the person's own answer (or pass) may be hidden; it must not be changed unseen.
	requireUnlocked(ctx);
	const viewer = await requireViewer(ctx);
	const today = localDate(ctx.now(), viewer.timeZone);
	if (date !== today) {
		throw new AppError('INVALID', m.error_answer_today_only(), {
			fields: { date: [m.error_answer_today_only()] }
		});
	}
	const questionId = await ensureQuestion(ctx, viewer, today);
	const values =
		'text' in input ? { text: input.text, passed: false } : { text: null, passed: true };
	const now = ctx.now();
	const inserted = await insertAnswer(ctx.db, {
		authorId: viewer.userId,
		coupleId: viewer.coupleId,
		localDate: today,
		questionId,
		...values,
		createdAt: now,
		updatedAt: now
	});
	if (!inserted) {
		// A pass holds nothing, so it simply becomes today's answer in the space the person is in
		// now: a pass made alone and then answered after linking belongs to the new couple.
		const [own] = await listAnswersOn(ctx.db, [viewer.userId], today);
		const replaced =
			own &&
			(await replacePass(ctx.db, own.id, {
				...values,
				coupleId: viewer.coupleId,
				questionId,
				updatedAt: now
			}));
		if (!replaced) {
			throw new AppError('CONFLICT', m.error_already_answered());
		}
	}
	logEvent('question.answered', { userId: viewer.userId });
	const day = await questionDay(ctx, viewer, today, today);
	// Only an answer that reveals is news to the partner: before theirs, nothing they see changes.
	if (day.partnerAnswer) {
		await publishTodayChange(ctx, viewer.coupleId);
	}

	return day;
}

/** One short reply to the partner's revealed answer ("tell me more about…"). */
export async function followUpAnswer(
	ctx: Ctx,
	date: string,
	input: FollowupInput
): Promise<QuestionDayView> {
	const day = await getQuestionDay(ctx, date);
	if (!day.partnerAnswer) {
		throw new AppError('NOT_FOUND', m.error_no_partner_answer());
	}
	const viewer = await requireViewer(ctx);
	const row = await insertFollowup(ctx.db, {
		answerId: day.partnerAnswer.id,
		authorId: viewer.userId,
		coupleId: viewer.coupleId,
		text: input.text,
		createdAt: ctx.now()
	});
	if (!row) {
		throw new AppError('CONFLICT', m.error_already_followed_up());
	}
	logEvent('question.followed_up', { userId: viewer.userId });
	await publishTodayChange(ctx, viewer.coupleId);

	return getQuestionDay(ctx, date);
}

/** The question days between two dates on which the viewer answered or passed, newest first. */
export async function listQuestionDays(ctx: Ctx, viewer: Viewer, from: LocalDate, to: LocalDate) {
	const rows = await listAnswersBetween(ctx.db, authorsOf(viewer), from, to);
	const days: QuestionDayView[] = [];
	for (const own of rows.filter((row) => row.authorId === viewer.userId).reverse()) {
		const theirs = rows.find(
			(row) => row.authorId !== viewer.userId && row.localDate === own.localDate
		);
		if (!canSeeOwnAnswer(viewer, own, theirs)) {
			continue;
		}
		const revealed = theirs && isRevealed(viewer, own, theirs) ? theirs : undefined;
		days.push({
			date: own.localDate,
			question: questionView(own.questionId),
			answer: answerView(own),
			partnerAnswer: revealed ? answerView(revealed) : null,
			followups: { mine: null, partner: null }
		});
	}

	return days;
}

/**
 * Question days with their follow-ups: the viewer's own follow-ups always (their own words),
 * the partner's only on days whose answers are revealed to the viewer right now.
 */
export async function listQuestionDaysWithFollowups(
	ctx: Ctx,
	viewer: Viewer,
	from: LocalDate,
	to: LocalDate
): Promise<QuestionDayView[]> {
	const days = await listQuestionDays(ctx, viewer, from, to);
	const mine = await listFollowupsByAuthor(ctx.db, viewer.userId);
	const revealedOwn = days.flatMap((day) =>
		day.partnerAnswer && day.answer ? [day.answer.id] : []
	);
	const theirs = (await listFollowups(ctx.db, revealedOwn)).filter(
		(followup) => followup.authorId !== viewer.userId
	);

	return days.map((day) => ({
		...day,
		followups: {
			mine: mine.find((followup) => followup.localDate === day.date)?.text ?? null,
			partner: theirs.find((followup) => followup.answerId === day.answer?.id)?.text ?? null
		}
	}));
}

/** A partner's answer the viewer may respond to: revealed to them right now. */
export async function findAnswerForResponse(
	ctx: Ctx,
	viewer: Viewer,
	id: string
): Promise<AnswerRow | undefined> {
	const row = await findAnswerById(ctx.db, id);
	if (!row || row.authorId === viewer.userId) {
		return undefined;
	}
	const [own] = await listAnswersOn(ctx.db, [viewer.userId], row.localDate);

	return isRevealed(viewer, own, row) ? row : undefined;
}

/**
 * Today's question, and yesterday's once more when the partner's answer came after the viewer's
 * own: partners hours apart answer the same date at different times, so that reveal often lands
 * after the viewer's day has moved on. One read of the two days' answers serves both.
 */
export async function getTodaysQuestions(
	ctx: Ctx,
	viewer: Viewer,
	today: LocalDate
): Promise<{ question: QuestionDayView; lateReveal: QuestionDayView | null }> {
	const yesterday = addDays(today, -1);
	const rows = await listAnswersBetween(ctx.db, authorsOf(viewer), yesterday, today);
	const on = (date: LocalDate) => rows.filter((row) => row.localDate === date);
	const [question, lateReveal] = await Promise.all([
		questionDay(ctx, viewer, today, today, on(today)),
		isLateReveal(viewer, on(yesterday))
			? questionDay(ctx, viewer, yesterday, today, on(yesterday))
			: null
	]);

	return { question, lateReveal };
}

function isLateReveal(viewer: Viewer, rows: AnswerRow[]): boolean {
	const own = rows.find((row) => row.authorId === viewer.userId);
	const theirs = rows.find((row) => row.authorId !== viewer.userId);

	return Boolean(
		own && theirs && isRevealed(viewer, own, theirs) && theirs.updatedAt > own.updatedAt
	);
}

async function questionDay(
	ctx: Ctx,
	viewer: Viewer,
	date: LocalDate,
	today: LocalDate,
	loaded?: AnswerRow[]
): Promise<QuestionDayView> {
	const rows = loaded ?? (await listAnswersOn(ctx.db, authorsOf(viewer), date));
	const theirs = rows.find((row) => row.authorId !== viewer.userId);
	const ownRow = rows.find((row) => row.authorId === viewer.userId);
	const own = ownRow && canSeeOwnAnswer(viewer, ownRow, theirs) ? ownRow : undefined;
	const questionId = await questionOf(ctx, viewer, date, today, own);
	const revealed = theirs && isRevealed(viewer, own, theirs) ? theirs : undefined;
	const followups = revealed && own ? await listFollowups(ctx.db, [own.id, revealed.id]) : [];

	return {
		date,
		question: questionId ? questionView(questionId) : null,
		answer: own ? answerView(own) : null,
		partnerAnswer: revealed ? answerView(revealed) : null,
		followups: {
			mine: followups.find((f) => f.authorId === viewer.userId)?.text ?? null,
			partner: followups.find((f) => f.authorId !== viewer.userId)?.text ?? null
		}
	};
}

/**
 * The question a day shows: the one answered, or else the one of the viewer's space. Today, a
 * pass shows the space's question, since answering after a pass answers that one.
 */
async function questionOf(
	ctx: Ctx,
	viewer: Viewer,
	date: LocalDate,
	today: LocalDate,
	own: AnswerRow | undefined
): Promise<string | undefined> {
	if (date === today) {
		return own && !own.passed ? own.questionId : ensureQuestion(ctx, viewer, date);
	}

	return own?.questionId ?? findAssignedQuestion(ctx.db, spaceOf(viewer), date);
}

/** Locked, the viewer is shown their own answer only once their partner can read it too. */
function canSeeOwnAnswer(viewer: Viewer, own: AnswerRow, theirs: AnswerRow | undefined): boolean {
	return (
		!viewer.locked ||
		isOwnAnswerShared({ viewerCoupleId: viewer.coupleId, own, partnerAnswer: theirs ?? null })
	);
}

function isRevealed(viewer: Viewer, own: AnswerRow | undefined, theirs: AnswerRow): boolean {
	const ownInThisCouple = own && own.coupleId === viewer.coupleId ? own : null;

	return (
		!theirs.passed &&
		canSeePartnerAnswer({
			viewerCoupleId: viewer.coupleId,
			answerCoupleId: theirs.coupleId,
			viewerAnswer: ownInThisCouple
		})
	);
}

/** The question of a date for the viewer's space, chosen once and kept. */
async function ensureQuestion(ctx: Ctx, viewer: Viewer, date: LocalDate): Promise<string> {
	const spaceId = spaceOf(viewer);
	const existing = await findAssignedQuestion(ctx.db, spaceId, date);
	if (existing) {
		return existing;
	}
	const window = await listAssignments(
		ctx.db,
		spaceId,
		addDays(date, -NO_REPEAT_DAYS),
		addDays(date, NO_REPEAT_DAYS)
	);
	const used = new Map<string, LocalDate[]>();
	for (const row of window) {
		used.set(row.questionId, [...(used.get(row.questionId) ?? []), row.localDate]);
	}
	const questionId = pickDailyQuestion({
		questions: getContent().questions,
		pace: await paceFor(ctx, viewer),
		seed: spaceId,
		date,
		used
	});

	return assignQuestion(ctx.db, spaceId, date, questionId);
}

/** The viewer and, when linked, the partner: whose answers a day of the viewer's can hold. */
function authorsOf(viewer: Viewer): string[] {
	return viewer.partner ? [viewer.userId, viewer.partner.id] : [viewer.userId];
}

/** A couple shares one question a day; a person alone has their own. */
function spaceOf(viewer: Viewer): string {
	return viewer.coupleId ?? viewer.userId;
}

function questionView(id: string) {
	const question = getContent(getLocale()).questions.find((q) => q.id === id);

	return question ? { id, text: question.text, depth: question.depth } : null;
}

function answerView(row: AnswerRow): AnswerView {
	return { id: row.id, text: row.text, passed: row.passed, createdAt: row.createdAt.toISOString() };
}
