import type { Ctx } from '../context';
import { requireViewer, type Viewer } from '../access';
import {
	visibleAppreciations,
	type AppreciationView
} from '../appreciations/appreciations.service';
import { findTodaysCheckins, type CheckinView } from '../checkins/checkins.service';
import { practiceSettingsOf } from '../practice/practice.service';
import { getTodaysQuestions, type QuestionDayView } from '../questions/questions.service';
import { responsesTo, type ResponseView } from '../responses/responses.service';
import { getContent } from '$lib/content';
import { addDays, localDate, type LocalDate } from '$lib/domain/dates';
import { rotate, seasonRhythm, SEASON_DAYS, type Rhythm } from '$lib/domain/rhythm';
import { getLocale } from '$lib/paraglide/runtime';
import { listPractisedDates } from './today.queries';

export type TodayView = {
	date: LocalDate;
	prompt: { id: string; text: string };
	appreciationPrompt: { id: string; text: string };
	checkin: CheckinView | null;
	/** The visibility the next check-in starts with; null means "ask" (the first check-in). */
	defaultVisibility: 'private' | 'shared' | null;
	partner: { name: string } | null;
	partnerCheckin: CheckinView | null;
	question: QuestionDayView;
	/** Yesterday's question, when the partner's answer arrived after the viewer's own. */
	lateReveal: QuestionDayView | null;
	appreciations: {
		given: AppreciationView[];
		received: AppreciationView[];
		/** Written while alone and not shared yet; offered for sharing once linked. */
		kept: number;
	};
	responses: ResponseView[];
	/** The person's own rhythm; never shown to the partner, nor while locked. */
	rhythm: Rhythm | null;
	/**
	 * Private areas are locked: the day shows the shared space only. The person's own check-in,
	 * and their answer until the partner can read it, wait for them to unlock.
	 */
	locked: boolean;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Everything on the person's Today, as they may see it. */
export async function getToday(ctx: Ctx): Promise<TodayView> {
	const viewer = await requireViewer(ctx);
	const today = localDate(ctx.now(), viewer.timeZone);
	const content = getContent(getLocale());
	const [checkins, { question, lateReveal }, jar, settings, rhythm] = await Promise.all([
		findTodaysCheckins(ctx, viewer, today),
		getTodaysQuestions(ctx, viewer, today),
		visibleAppreciations(ctx, viewer),
		practiceSettingsOf(ctx, viewer.userId),
		// Which days the person practised counts their private entries too.
		viewer.locked ? null : rhythmOf(ctx, viewer, today)
	]);
	const recent = (a: AppreciationView) => ctx.now().getTime() - Date.parse(a.createdAt) < DAY_MS;
	const given = jar.filter((a) => a.mine && a.date === today);
	const received = jar.filter((a) => !a.mine && recent(a));
	const itemIds = [
		checkins.own,
		checkins.partner,
		question.answer,
		question.partnerAnswer,
		lateReveal?.answer ?? null,
		lateReveal?.partnerAnswer ?? null,
		...given,
		...received
	]
		.filter((item) => item !== null)
		.map((item) => item.id);

	return {
		date: today,
		prompt: rotate(content.checkinPrompts, `${viewer.userId}|${today}|checkin`),
		appreciationPrompt: rotate(
			content.appreciationPrompts,
			`${viewer.userId}|${today}|appreciation`
		),
		checkin: checkins.own,
		defaultVisibility: viewer.locked ? null : settings.checkinVisibility,
		partner: viewer.partner ? { name: viewer.partner.name } : null,
		partnerCheckin: checkins.partner,
		question,
		lateReveal,
		appreciations: { given, received, kept: jar.filter((a) => a.kept).length },
		responses: await responsesTo(ctx, viewer, itemIds),
		rhythm,
		locked: viewer.locked
	};
}

async function rhythmOf(ctx: Ctx, viewer: Viewer, today: LocalDate): Promise<Rhythm> {
	const firstDay = localDate(viewer.joinedAt, viewer.timeZone);
	const dates = await listPractisedDates(
		ctx.db,
		viewer.userId,
		addDays(today, -SEASON_DAYS),
		today
	);

	return seasonRhythm(firstDay, today, dates);
}
