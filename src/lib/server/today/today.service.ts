import type { Ctx } from '../context';
import { requireViewer } from '../access';
import { findUserById } from '../accounts/accounts.queries';
import {
	visibleAppreciations,
	type AppreciationView
} from '../appreciations/appreciations.service';
import {
	findPartnerCheckinToday,
	visibleCheckins,
	type CheckinView
} from '../checkins/checkins.service';
import { practiceSettingsOf } from '../practice/practice.service';
import { getQuestionDay, type QuestionDayView } from '../questions/questions.service';
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
	const [own, partnerCheckin, question, jar, settings] = await Promise.all([
		visibleCheckins(ctx, viewer, today, today),
		findPartnerCheckinToday(ctx, viewer),
		getQuestionDay(ctx, today),
		visibleAppreciations(ctx, viewer),
		practiceSettingsOf(ctx, viewer.userId)
	]);
	const checkin = own.find((row) => row.mine) ?? null;
	const recent = (a: AppreciationView) => ctx.now().getTime() - Date.parse(a.createdAt) < DAY_MS;
	const given = jar.filter((a) => a.mine && a.date === today);
	const received = jar.filter((a) => !a.mine && recent(a));
	const itemIds = [
		checkin,
		partnerCheckin,
		question.answer,
		question.partnerAnswer,
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
		checkin,
		defaultVisibility: viewer.locked ? null : settings.checkinVisibility,
		partner: viewer.partner ? { name: viewer.partner.name } : null,
		partnerCheckin,
		question,
		appreciations: { given, received, kept: jar.filter((a) => a.kept).length },
		responses: await responsesTo(ctx, viewer, itemIds),
		// Which days the person practised counts their private entries too.
		rhythm: viewer.locked ? null : await rhythmOf(ctx, viewer.userId, viewer.timeZone, today),
		locked: viewer.locked
	};
}

async function rhythmOf(
	ctx: Ctx,
	userId: string,
	timeZone: string,
	today: LocalDate
): Promise<Rhythm> {
	const user = await findUserById(ctx.db, userId);
	const firstDay = user ? localDate(user.createdAt, timeZone) : today;
	const dates = await listPractisedDates(ctx.db, userId, addDays(today, -SEASON_DAYS), today);

	return seasonRhythm(firstDay, today, dates);
}
