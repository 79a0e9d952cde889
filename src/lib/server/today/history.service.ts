import type { Ctx } from '../context';
import { requireUnlocked, requireViewer } from '../access';
import {
	visibleAppreciations,
	type AppreciationView
} from '../appreciations/appreciations.service';
import { visibleCheckins, type CheckinView } from '../checkins/checkins.service';
import { listQuestionDays, type QuestionDayView } from '../questions/questions.service';
import { addDays, localDate, type LocalDate } from '$lib/domain/dates';

export type HistoryDay = {
	date: LocalDate;
	checkins: CheckinView[];
	question: QuestionDayView | null;
	appreciations: AppreciationView[];
};

export const HISTORY_DAYS = 60;

/**
 * Past days as the viewer may see them: their own items, and what the partner shared with them
 * in the current link. Newest first; days with nothing visible are left out.
 */
export async function listHistory(ctx: Ctx): Promise<HistoryDay[]> {
	requireUnlocked(ctx);
	const viewer = await requireViewer(ctx);
	const to = localDate(ctx.now(), viewer.timeZone);
	const from = addDays(to, -HISTORY_DAYS);
	const [checkins, questions, jar] = await Promise.all([
		visibleCheckins(ctx, viewer, from, to),
		listQuestionDays(ctx, viewer, from, to),
		visibleAppreciations(ctx, viewer)
	]);
	const dates = new Set([
		...checkins.map((c) => c.date),
		...questions.map((q) => q.date),
		...jar.filter((a) => a.date >= from).map((a) => a.date)
	]);

	return [...dates]
		.sort()
		.reverse()
		.map((date) => ({
			date,
			checkins: checkins.filter((c) => c.date === date),
			question: questions.find((q) => q.date === date) ?? null,
			appreciations: jar.filter((a) => a.date === date)
		}));
}
