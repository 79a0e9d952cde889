import type { Ctx } from '../context';
import { requireViewer, type Viewer } from '../access';
import { AppError } from '../errors';
import { logEvent } from '../log';
import { findAppreciationForResponse } from '../appreciations/appreciations.service';
import { findCheckinForResponse } from '../checkins/checkins.service';
import { findAnswerForResponse } from '../questions/questions.service';
import { getContent } from '$lib/content';
import { publishTodayChange } from '../today/today-events';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import {
	insertResponse,
	listResponsesTo,
	listResponsesVisibleTo,
	type ResponseRow
} from './responses.queries';
import type { ResponseInput } from './responses.schemas';

export type ResponseView = {
	id: string;
	itemType: ResponseRow['itemType'];
	itemId: string;
	kind: string;
	/** The bank phrase in the viewer's language, or the short reply as written. */
	text: string;
	mine: boolean;
	createdAt: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Turns toward something the partner shared. Only the partner's items that the viewer can see
 * right now can be answered; anything else is NOT_FOUND. There is no "seen" marker anywhere.
 */
export async function respond(ctx: Ctx, input: ResponseInput): Promise<ResponseView> {
	const viewer = await requireViewer(ctx);
	if (!viewer.coupleId || !UUID.test(input.itemId) || !(await canRespondTo(ctx, viewer, input))) {
		throw new AppError('NOT_FOUND', m.error_not_found());
	}
	const bank = getContent().responses;
	if (
		input.kind !== 'reply' &&
		!bank.some((r) => r.id === input.kind && r.for.includes(input.itemType))
	) {
		throw new AppError('INVALID', m.v_response_kind(), { fields: { kind: [m.v_response_kind()] } });
	}
	const row = await insertResponse(ctx.db, {
		authorId: viewer.userId,
		coupleId: viewer.coupleId,
		itemType: input.itemType,
		itemId: input.itemId.toLowerCase(),
		kind: input.kind,
		text: input.kind === 'reply' ? (input.text ?? '') : null,
		createdAt: ctx.now()
	});
	logEvent('response.created', { userId: viewer.userId });
	await publishTodayChange(ctx, viewer.coupleId);

	return toView(viewer, row);
}

/** Responses in the viewer's current couple to these items (none when not linked). */
export async function responsesTo(
	ctx: Ctx,
	viewer: Viewer,
	itemIds: string[]
): Promise<ResponseView[]> {
	if (!viewer.coupleId) {
		return [];
	}
	const rows = await listResponsesTo(ctx.db, viewer.coupleId, itemIds);

	return rows.map((row) => toView(viewer, row));
}

/**
 * Every response the viewer may see: the ones they wrote themselves, whatever link they were
 * written in (their own words), and the ones in their current couple. Nothing of an earlier link
 * written by someone else.
 */
export async function visibleResponses(ctx: Ctx, viewer: Viewer): Promise<ResponseView[]> {
	const rows = await listResponsesVisibleTo(ctx.db, viewer);

	return rows.map((row) => toView(viewer, row));
}

async function canRespondTo(ctx: Ctx, viewer: Viewer, input: ResponseInput): Promise<boolean> {
	switch (input.itemType) {
		case 'checkin':
			return Boolean(await findCheckinForResponse(ctx, viewer, input.itemId));
		case 'answer':
			return Boolean(await findAnswerForResponse(ctx, viewer, input.itemId));
		case 'appreciation':
			return Boolean(await findAppreciationForResponse(ctx, viewer, input.itemId));
	}
}

function toView(viewer: Viewer, row: ResponseRow): ResponseView {
	const phrase = getContent(getLocale()).responses.find((r) => r.id === row.kind)?.text;

	return {
		id: row.id,
		itemType: row.itemType,
		itemId: row.itemId,
		kind: row.kind,
		text: row.kind === 'reply' ? (row.text ?? '') : (phrase ?? ''),
		mine: row.authorId === viewer.userId,
		createdAt: row.createdAt.toISOString()
	};
}
