import type { Ctx } from '../context';
import { canView, requireUnlocked, requireUser, requireViewer, type Viewer } from '../access';
import { AppError } from '../errors';
import { logEvent } from '../log';
import { getContent } from '$lib/content';
import { daysBetween, isLocalDate, localDate, type LocalDate } from '$lib/domain/dates';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { rememberCheckinVisibility } from '../practice/practice.service';
import { publishTodayChange } from '../today/today-events';
import {
	findCheckinById,
	findCheckinOn,
	listCheckinsVisibleTo,
	upsertCheckin,
	type CheckinRow
} from './checkins.queries';
import type { CheckinInput } from './checkins.schemas';

export const MAX_RANGE_DAYS = 366;

export type CheckinView = {
	id: string;
	date: LocalDate;
	mine: boolean;
	mood: number;
	feelings: string[];
	note: string | null;
	needs: string[];
	visibility: 'private' | 'shared';
	updatedAt: string;
};

/**
 * One check-in per local day, editable that day only. Shared means shared with the couple the
 * person is in right now; alone, a check-in is a private journal entry whatever the choice.
 */
export async function saveCheckin(
	ctx: Ctx,
	date: string,
	input: CheckinInput
): Promise<CheckinView> {
	// Locked, today's check-in may be a hidden private one: it must not be overwritten unseen.
	requireUnlocked(ctx);
	const viewer = await requireViewer(ctx);
	const today = localDate(ctx.now(), viewer.timeZone);
	if (date !== today) {
		throw new AppError('INVALID', m.error_checkin_today_only(), {
			fields: { date: [m.error_checkin_today_only()] }
		});
	}
	assertKnownFeelings(input.feelings);
	const now = ctx.now();
	const before = await findCheckinOn(ctx.db, viewer.userId, today);
	const row = await upsertCheckin(ctx.db, {
		authorId: viewer.userId,
		coupleId: input.visibility === 'shared' ? viewer.coupleId : null,
		localDate: today,
		mood: input.mood,
		feelings: input.feelings,
		note: input.note ? input.note : null,
		needs: input.needs ?? [],
		visibility: input.visibility,
		createdAt: now,
		updatedAt: now
	});
	await rememberCheckinVisibility(ctx, viewer.userId, input.visibility);
	logEvent('checkin.saved', { userId: viewer.userId });
	// The partner hears of it only if they could see it, now or before this change.
	await publishTodayChange(ctx, row.coupleId ?? before?.coupleId ?? null);

	return toCheckinView(viewer, row);
}

/** The viewer's own check-ins and the partner's shared ones, oldest first. */
export async function listCheckins(ctx: Ctx, from: string, to: string): Promise<CheckinView[]> {
	if (!isLocalDate(from) || !isLocalDate(to) || daysBetween(from, to) < 0) {
		throw new AppError('INVALID', m.v_date_range());
	}
	if (daysBetween(from, to) > MAX_RANGE_DAYS) {
		throw new AppError('INVALID', m.v_date_range_long({ max: MAX_RANGE_DAYS }));
	}
	// Past days are a private area, like the history page they make up.
	requireUnlocked(ctx);
	const viewer = await requireViewer(ctx);

	return visibleCheckins(ctx, viewer, from, to);
}

export async function visibleCheckins(ctx: Ctx, viewer: Viewer, from: LocalDate, to: LocalDate) {
	const rows = await listCheckinsVisibleTo(ctx.db, viewer, from, to);

	return rows
		.filter((row) => canView(viewer, checkinAsItem(row)))
		.map((row) => toCheckinView(viewer, row));
}

/**
 * The viewer's own check-in of today and the partner's shared one of the partner's own today
 * (their day may be a day behind or ahead), from one read.
 */
export async function findTodaysCheckins(
	ctx: Ctx,
	viewer: Viewer,
	today: LocalDate
): Promise<{ own: CheckinView | null; partner: CheckinView | null }> {
	const theirDay = viewer.partner ? localDate(ctx.now(), viewer.partner.timeZone) : today;
	const [from, to] = theirDay < today ? [theirDay, today] : [today, theirDay];
	const rows = await visibleCheckins(ctx, viewer, from, to);

	return {
		own: rows.find((row) => row.mine && row.date === today) ?? null,
		partner: rows.find((row) => !row.mine && row.date === theirDay) ?? null
	};
}

/** A check-in the viewer may respond to: the partner's, shared with the viewer now. */
export async function findCheckinForResponse(ctx: Ctx, viewer: Viewer, id: string) {
	const row = await findCheckinById(ctx.db, id);
	if (!row || row.authorId === viewer.userId || !canView(viewer, checkinAsItem(row))) {
		return undefined;
	}

	return row;
}

export function checkinAsItem(row: CheckinRow) {
	return { authorId: row.authorId, coupleId: row.coupleId, visibility: row.visibility };
}

function toCheckinView(viewer: Viewer, row: CheckinRow): CheckinView {
	return {
		id: row.id,
		date: row.localDate,
		mine: row.authorId === viewer.userId,
		mood: row.mood,
		feelings: row.feelings,
		note: row.note,
		needs: row.needs,
		visibility: row.visibility,
		updatedAt: row.updatedAt.toISOString()
	};
}

function assertKnownFeelings(feelings: string[]) {
	const known = new Set(
		getContent().feelings.families.flatMap((family) => family.feelings.map((f) => f.id))
	);
	const unknown = feelings.filter((id) => !known.has(id));
	if (unknown.length > 0) {
		throw new AppError('INVALID', m.v_feelings(), { fields: { feelings: [m.v_feelings()] } });
	}
}

/** The feelings vocabulary (in families) and the "what would help" options, in the person's language. */
export function getVocabulary(ctx: Ctx) {
	requireUser(ctx);
	const content = getContent(getLocale());

	return { families: content.feelings.families, needs: content.needs };
}
