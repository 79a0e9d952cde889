import type { Ctx } from '../context';
import { canView, requireUnlocked, requireUser, requireViewer, type Viewer } from '../access';
import { coachAppreciation, type CoachResult } from '$lib/domain/appreciation-coach';
import { AppError } from '../errors';
import { logEvent } from '../log';
import { localDate } from '$lib/domain/dates';
import { publishTodayChange } from '../today/today-events';
import * as m from '$lib/paraglide/messages';
import {
	findAppreciationById,
	insertAppreciation,
	listAppreciationsVisibleTo,
	shareKeptAppreciations,
	type AppreciationRow
} from './appreciations.queries';
import type { AppreciationInput } from './appreciations.schemas';

export type AppreciationView = {
	id: string;
	text: string;
	date: string;
	mine: boolean;
	/** Given to the current partner (false: kept to share later, or from an earlier link). */
	shared: boolean;
	/** The viewer's own, written while alone and never shared yet. */
	kept: boolean;
	createdAt: string;
};

/**
 * Adds an appreciation to the jar. Linked, it goes to the partner at once; alone, it is kept
 * until the person chooses to share it.
 */
export async function createAppreciation(
	ctx: Ctx,
	input: AppreciationInput
): Promise<AppreciationView> {
	const viewer = await requireViewer(ctx);
	if (!viewer.coupleId) {
		// Alone it would be kept, a private item: locked, it waits for the person to unlock.
		requireUnlocked(ctx);
	}
	const row = await insertAppreciation(ctx.db, {
		authorId: viewer.userId,
		coupleId: viewer.coupleId,
		localDate: localDate(ctx.now(), viewer.timeZone),
		text: input.text,
		createdAt: ctx.now()
	});
	logEvent('appreciation.created', { userId: viewer.userId });
	await publishTodayChange(ctx, viewer.coupleId);

	return toView(viewer, row);
}

/** The jar: what the viewer wrote, and what the partner gave them in this link. */
export async function listAppreciations(ctx: Ctx): Promise<AppreciationView[]> {
	const viewer = await requireViewer(ctx);

	return visibleAppreciations(ctx, viewer);
}

/** The jar as the viewer may see it; `all` lifts the cap the pages use (for the export). */
export async function visibleAppreciations(ctx: Ctx, viewer: Viewer, { all = false } = {}) {
	const rows = await listAppreciationsVisibleTo(ctx.db, viewer, all ? null : 500);

	return rows.filter((row) => canView(viewer, asItem(row))).map((row) => toView(viewer, row));
}

/** Shares every appreciation kept while alone with the partner the person is linked with now. */
export async function shareKeptAppreciationsWithPartner(ctx: Ctx): Promise<{ shared: number }> {
	requireUnlocked(ctx);
	const viewer = await requireViewer(ctx);
	if (!viewer.coupleId) {
		throw new AppError('NOT_FOUND', m.error_no_partner());
	}
	const shared = await shareKeptAppreciations(ctx.db, viewer.userId, viewer.coupleId);
	logEvent('appreciation.shared', { userId: viewer.userId });
	if (shared > 0) {
		await publishTodayChange(ctx, viewer.coupleId);
	}

	return { shared };
}

export async function findAppreciationForResponse(ctx: Ctx, viewer: Viewer, id: string) {
	const row = await findAppreciationById(ctx.db, id);
	if (!row || row.authorId === viewer.userId || !canView(viewer, asItem(row))) {
		return undefined;
	}

	return row;
}

function asItem(row: AppreciationRow) {
	return { authorId: row.authorId, coupleId: row.coupleId, visibility: 'shared' as const };
}

function toView(viewer: Viewer, row: AppreciationRow): AppreciationView {
	return {
		id: row.id,
		text: row.text,
		date: row.localDate,
		mine: row.authorId === viewer.userId,
		shared: row.coupleId !== null && row.coupleId === viewer.coupleId,
		kept: row.authorId === viewer.userId && row.coupleId === null,
		createdAt: row.createdAt.toISOString()
	};
}

/** Advice on a draft from the same pure coach the page runs; nothing is stored or logged. */
export function coachDraft(ctx: Ctx, text: string): CoachResult {
	requireUser(ctx);

	return coachAppreciation(text);
}
