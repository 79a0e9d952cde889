import { z } from 'zod';
import { RESPONSE_ITEM_TYPES } from '$lib/content/schema';
import * as m from '$lib/paraglide/messages';

export const MAX_REPLY_LENGTH = 300;

/** `kind` is a response id from the response bank, or "reply" with a short text. */
export const responseSchema = z
	.strictObject({
		itemType: z.enum(RESPONSE_ITEM_TYPES, { error: () => m.v_item_type() }),
		itemId: z.string({ error: () => m.error_not_found() }).max(64),
		kind: z
			.string({ error: () => m.v_response_kind() })
			.min(1)
			.max(60),
		text: z
			.string()
			.trim()
			.max(MAX_REPLY_LENGTH, { error: () => m.v_reply_long({ max: MAX_REPLY_LENGTH }) })
			.optional()
	})
	.refine((value) => value.kind !== 'reply' || (value.text ?? '').length > 0, {
		error: () => m.v_reply_required(),
		path: ['text']
	});
export type ResponseInput = z.infer<typeof responseSchema>;
