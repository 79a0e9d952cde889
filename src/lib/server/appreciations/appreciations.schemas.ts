import { z } from 'zod';
import * as m from '$lib/paraglide/messages';

export const MAX_APPRECIATION_LENGTH = 1000;

export const appreciationSchema = z.strictObject({
	text: z
		.string({ error: () => m.v_appreciation_required() })
		.trim()
		.min(1, { error: () => m.v_appreciation_required() })
		.max(MAX_APPRECIATION_LENGTH, {
			error: () => m.v_appreciation_long({ max: MAX_APPRECIATION_LENGTH })
		})
});
export type AppreciationInput = z.infer<typeof appreciationSchema>;

/** The coach reads any text (even an empty draft); it only advises. */
export const coachSchema = z.strictObject({
	text: z.string({ error: () => m.v_appreciation_required() }).max(MAX_APPRECIATION_LENGTH * 2)
});
