import type { Ctx } from '../context';
import { requireConversation } from '../access';
import type { Executor } from '../db/client';
import { AppError } from '../errors';
import { logEvent } from '../log';
import {
	applyEvent,
	isFinished,
	type ProtocolEvent,
	type Refusal
} from '$lib/domain/conversation-protocol';
import { other, type Position } from '$lib/domain/conversation-turns';
import * as m from '$lib/paraglide/messages';
import { lockConversation, saveMove, type ConversationRow } from './conversations.queries';
import type { AdvanceInput, OptInInput } from './conversations.schemas';
import { publishChange } from './conversations.service';
import { toConversationView, type ConversationView } from './conversations.view';

/** The partner's phone joins (on one shared phone, this turns it into two phones in sync). */
export function joinConversation(ctx: Ctx, id: string) {
	return move(ctx, id, (by) => ({ type: 'join', by }));
}

/** Moves on one step, or corrects ("not quite"), or passes; `at` is the move the screen showed. */
export function advanceConversation(ctx: Ctx, id: string, input: AdvanceInput) {
	return move(ctx, id, (by) => ({ type: input.action, by }), input.at);
}

export function pauseConversation(ctx: Ctx, id: string) {
	return move(ctx, id, (by) => ({ type: 'pause', by }));
}

export function resumeConversation(ctx: Ctx, id: string) {
	return move(ctx, id, (by) => ({ type: 'resume', by }));
}

/** Chooses to go on to the next, deeper Closer set; it starts once both have. */
export function optInToNextSet(ctx: Ctx, id: string, input: OptInInput) {
	return move(ctx, id, (by) => ({
		type: 'opt-in',
		by,
		for: input.for === 'me' ? by : other(by)
	}));
}

/** Either person can stop at any moment, without a reason; nobody is told who stopped. */
export function endConversation(ctx: Ctx, id: string) {
	return move(ctx, id, (by) => ({ type: 'end', by }));
}

async function move(
	ctx: Ctx,
	id: string,
	makeEvent: (by: Position) => ProtocolEvent,
	at?: number
): Promise<ConversationView> {
	const { viewer, position } = await requireConversation(ctx, id);
	const now = ctx.now();
	const event = makeEvent(position);
	const { row, changed } = await ctx.db.transaction(async (tx) => {
		const locked = await lockConversation(tx, id);
		if (!locked) {
			throw new AppError('NOT_FOUND', m.error_not_found());
		}
		if (at !== undefined && at !== locked.seq) {
			throw new AppError('CONFLICT', m.error_conversation_moved_on());
		}

		return applyAndSave(tx, locked, event, now);
	});
	if (changed) {
		logEvent('conversation.moved', { userId: viewer.userId });
		await publishChange(ctx, row);
	}

	return toConversationView(ctx, viewer, position, row);
}

/** Applies one event to a locked conversation and stores it; an unchanged state stores nothing. */
export async function applyAndSave(
	tx: Executor,
	locked: ConversationRow,
	event: ProtocolEvent,
	now: Date
): Promise<{ row: ConversationRow; changed: boolean }> {
	const outcome = applyEvent(locked.state, locked.script, event, now.getTime());
	if (!outcome.ok) {
		throw new AppError('CONFLICT', refusalMessage(outcome.reason));
	}
	if (!outcome.changed) {
		return { row: locked, changed: false };
	}
	const { state } = outcome;
	const row = await saveMove(
		tx,
		locked,
		{
			state,
			status: state.status,
			updatedAt: now,
			closedAt: isFinished(state) ? now : null
		},
		{
			type: event.type,
			by: event.by,
			forPosition: event.type === 'opt-in' ? event.for : null,
			at: now
		}
	);

	return { row, changed: true };
}

function refusalMessage(reason: Refusal): string {
	switch (reason) {
		case 'not-active':
			return m.error_conversation_not_active();
		case 'not-now':
			return m.error_conversation_not_now();
		case 'not-yours':
			return m.error_conversation_not_yours();
		case 'finished':
			return m.error_conversation_finished();
	}
}
