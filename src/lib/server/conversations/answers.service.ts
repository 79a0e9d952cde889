import type { Ctx } from '../context';
import { canView, requireConversation, type ConversationAccess } from '../access';
import { AppError } from '../errors';
import { logEvent } from '../log';
import { userTopic } from '../live/bus';
import { getContent } from '$lib/content';
import { promptIdOf, speakerOf } from '$lib/domain/conversation-turns';
import * as m from '$lib/paraglide/messages';
import {
	findAnswer,
	insertResponse,
	lockConversation,
	markShared,
	upsertAnswer
} from './conversations.queries';
import type { ConversationAnswerInput, ReceiveInput } from './conversations.schemas';
import { LIVE_KIND, publishChange } from './conversations.service';
import { answerView, visibleAnswers, type ConversationAnswerView } from './conversations.view';
import { applyAndSave } from './moves.service';

/**
 * Keeps the viewer's own answer to a prompt of this conversation: private (a draft, or a note for
 * themselves) or shared with their partner. Saving privately tells nobody else anything: no live
 * event reaches the partner, and nothing they can see changes.
 */
export async function saveConversationAnswer(
	ctx: Ctx,
	id: string,
	input: ConversationAnswerInput
): Promise<ConversationAnswerView> {
	const access = await requireConversation(ctx, id);
	const { viewer, conversation } = access;
	assertPromptOf(access, input.promptId);
	if (input.visibility === 'shared' && !conversation.coupleId) {
		throw new AppError('INVALID', m.error_conversation_alone_private(), {
			fields: { visibility: [m.error_conversation_alone_private()] }
		});
	}
	const now = ctx.now();
	const before = (await visibleAnswers(ctx, viewer, [conversation])).find(
		(answer) => answer.mine && answer.promptId === input.promptId
	);
	const row = await upsertAnswer(ctx.db, {
		conversationId: conversation.id,
		authorId: viewer.userId,
		coupleId: input.visibility === 'shared' ? conversation.coupleId : null,
		promptId: input.promptId,
		text: input.text,
		visibility: input.visibility,
		createdAt: now,
		updatedAt: now,
		sharedAt: input.visibility === 'shared' ? now : null
	});
	logEvent('conversation.answer_saved', { userId: viewer.userId });
	if (input.visibility === 'shared' || before?.visibility === 'shared') {
		await publishChange(ctx, conversation);
	} else {
		await ctx.live.publish(userTopic(viewer.userId), { kind: LIVE_KIND, id: conversation.id });
	}

	return answerView(viewer, row, conversation.kind);
}

/**
 * Shares a draft when its author is ready. In a vulnerability round, sharing the draft of the
 * stem on the table also moves the round on, so the partner's screen turns to receiving it.
 */
export async function shareConversationAnswer(
	ctx: Ctx,
	id: string,
	answerId: string
): Promise<ConversationAnswerView> {
	const access = await requireConversation(ctx, id);
	const { viewer, conversation, position } = access;
	const answer = await findAnswer(ctx.db, conversation.id, answerId);
	if (!answer || answer.authorId !== viewer.userId) {
		throw new AppError('NOT_FOUND', m.error_not_found());
	}
	if (!conversation.coupleId) {
		throw new AppError('INVALID', m.error_conversation_alone_private());
	}
	const coupleId = conversation.coupleId;
	const now = ctx.now();
	const shared = await ctx.db.transaction(async (tx) => {
		const row = await markShared(tx, answer.id, { coupleId, at: now });
		const locked = await lockConversation(tx, conversation.id);
		const state = locked?.state;
		const onTable =
			locked &&
			state &&
			state.kind === 'vulnerability' &&
			state.status === 'active' &&
			state.step === 'draft' &&
			speakerOf(state) === position &&
			promptIdOf(state, locked.script) === answer.promptId;
		if (onTable) {
			await applyAndSave(tx, locked, { type: 'next', by: position }, now);
		}

		return row;
	});
	logEvent('conversation.answer_shared', { userId: viewer.userId });
	await publishChange(ctx, conversation);

	return answerView(viewer, shared, conversation.kind);
}

/** The partner's shared answer, met with one of the receiving responses (and nothing else). */
export async function receiveConversationAnswer(
	ctx: Ctx,
	id: string,
	answerId: string,
	input: ReceiveInput
): Promise<ConversationAnswerView> {
	const { viewer, conversation } = await requireConversation(ctx, id);
	const answer = await findAnswer(ctx.db, conversation.id, answerId);
	const receivable =
		answer &&
		viewer.coupleId &&
		answer.authorId !== viewer.userId &&
		canView(viewer, { ...answer, coupleId: answer.coupleId });
	if (!answer || !receivable || !viewer.coupleId) {
		throw new AppError('NOT_FOUND', m.error_not_found());
	}
	const bank = getContent().listening.receivingResponses;
	if (!bank.some((line) => line.id === input.responseId)) {
		throw new AppError('INVALID', m.v_receiving_response(), {
			fields: { responseId: [m.v_receiving_response()] }
		});
	}
	await insertResponse(ctx.db, {
		answerId: answer.id,
		authorId: viewer.userId,
		coupleId: viewer.coupleId,
		responseId: input.responseId,
		createdAt: ctx.now()
	});
	logEvent('conversation.answer_received', { userId: viewer.userId });
	await publishChange(ctx, conversation);
	const seen = await visibleAnswers(ctx, viewer, [conversation]);
	const view = seen.find((item) => item.id === answer.id);
	if (!view) {
		throw new AppError('NOT_FOUND', m.error_not_found());
	}

	return view;
}

/** Answers belong to a prompt of this very conversation; phones down keeps no words at all. */
function assertPromptOf(access: ConversationAccess, promptId: string) {
	const { script } = access.conversation;
	const known =
		script.kind === 'closer'
			? script.sets.some((set) => set.prompts.some((prompt) => prompt.id === promptId))
			: script.kind !== 'phones-down' && script.deck.includes(promptId);
	if (!known) {
		const message =
			script.kind === 'phones-down' ? m.error_phones_down_no_notes() : m.v_conversation_prompt();
		throw new AppError('INVALID', message, { fields: { promptId: [message] } });
	}
}
