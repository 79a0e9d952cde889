import { z } from 'zod';
import { NEED_IDS } from '$lib/content/schema';
import * as m from '$lib/paraglide/messages';

export const MAX_NOTE_LENGTH = 500;

export const visibilitySchema = z.enum(['private', 'shared'], { error: () => m.v_visibility() });

/** Feeling ids are checked against the vocabulary in the service (it depends on content). */
export const checkinSchema = z.strictObject({
	mood: z
		.number({ error: () => m.v_mood() })
		.int({ error: () => m.v_mood() })
		.min(1, { error: () => m.v_mood() })
		.max(5, { error: () => m.v_mood() }),
	feelings: z
		.array(z.string().max(60), { error: () => m.v_feelings() })
		.min(1, { error: () => m.v_feelings() })
		.max(3, { error: () => m.v_feelings() })
		.refine((list) => new Set(list).size === list.length, { error: () => m.v_feelings() }),
	note: z
		.string()
		.trim()
		.max(MAX_NOTE_LENGTH, { error: () => m.v_note_long({ max: MAX_NOTE_LENGTH }) })
		.optional(),
	needs: z
		.array(z.enum(NEED_IDS, { error: () => m.v_need() }))
		.max(NEED_IDS.length)
		.refine((list) => new Set(list).size === list.length, { error: () => m.v_need() })
		.optional(),
	visibility: visibilitySchema
});
export type CheckinInput = z.infer<typeof checkinSchema>;

export const rangeSchema = z.strictObject({
	from: z.string({ error: () => m.v_date() }),
	to: z.string({ error: () => m.v_date() })
});
