import { z } from 'zod';
import { CONVERSATION_KINDS, MODES } from '$lib/domain/conversation-turns';
import * as m from '$lib/paraglide/messages';

export const MAX_CONVERSATION_ANSWER_LENGTH = 2000;

/** Without a mode: two people on one phone when linked, alone otherwise. */
export const startSchema = z.strictObject({
	kind: z.enum(CONVERSATION_KINDS, { error: () => m.v_conversation_kind() }),
	mode: z.enum(MODES, { error: () => m.v_conversation_mode() }).optional()
});
export type StartInput = z.infer<typeof startSchema>;

/**
 * `at` is the step count the screen showed (`seq`): a tap on a screen that is behind (the other
 * phone moved first) changes nothing and gets a CONFLICT, so one tap never counts twice.
 */
export const advanceSchema = z.strictObject({
	at: z
		.number({ error: () => m.v_conversation_at() })
		.int({ error: () => m.v_conversation_at() })
		.min(0, { error: () => m.v_conversation_at() })
		.max(1_000_000, { error: () => m.v_conversation_at() }),
	action: z
		.enum(['next', 'correct', 'pass'], { error: () => m.v_conversation_action() })
		.default('next')
});
export type AdvanceInput = z.infer<typeof advanceSchema>;

/** On one shared phone each person says yes on the same screen; on two, each on their own. */
export const optInSchema = z.strictObject({
	for: z.enum(['me', 'partner'], { error: () => m.v_conversation_opt_in() }).default('me')
});
export type OptInInput = z.infer<typeof optInSchema>;

export const conversationAnswerSchema = z.strictObject({
	promptId: z
		.string({ error: () => m.v_conversation_prompt() })
		.min(1, { error: () => m.v_conversation_prompt() })
		.max(20, { error: () => m.v_conversation_prompt() }),
	text: z
		.string({ error: () => m.v_conversation_answer_required() })
		.trim()
		.min(1, { error: () => m.v_conversation_answer_required() })
		.max(MAX_CONVERSATION_ANSWER_LENGTH, {
			error: () => m.v_conversation_answer_long({ max: MAX_CONVERSATION_ANSWER_LENGTH })
		}),
	visibility: z.enum(['private', 'shared'], { error: () => m.v_visibility() })
});
export type ConversationAnswerInput = z.infer<typeof conversationAnswerSchema>;

export const receiveSchema = z.strictObject({
	responseId: z
		.string({ error: () => m.v_receiving_response() })
		.min(1, { error: () => m.v_receiving_response() })
		.max(60, { error: () => m.v_receiving_response() })
});
export type ReceiveInput = z.infer<typeof receiveSchema>;
