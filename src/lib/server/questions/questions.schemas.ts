import { z } from 'zod';
import * as m from '$lib/paraglide/messages';

export const MAX_ANSWER_LENGTH = 2000;
export const MAX_FOLLOWUP_LENGTH = 300;

export const answerSchema = z.union(
	[
		z.strictObject({
			text: z
				.string({ error: () => m.v_answer_required() })
				.trim()
				.min(1, { error: () => m.v_answer_required() })
				.max(MAX_ANSWER_LENGTH, { error: () => m.v_answer_long({ max: MAX_ANSWER_LENGTH }) })
		}),
		z.strictObject({ pass: z.literal(true, { error: () => m.v_answer_required() }) })
	],
	{ error: () => m.v_answer_required() }
);
export type AnswerInput = z.infer<typeof answerSchema>;

export const followupSchema = z.strictObject({
	text: z
		.string({ error: () => m.v_followup_required() })
		.trim()
		.min(1, { error: () => m.v_followup_required() })
		.max(MAX_FOLLOWUP_LENGTH, { error: () => m.v_followup_long({ max: MAX_FOLLOWUP_LENGTH }) })
});
export type FollowupInput = z.infer<typeof followupSchema>;
