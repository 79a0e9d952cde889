import { z } from 'zod';
import * as m from '$lib/paraglide/messages';

export const joinSchema = z.strictObject({
	code: z
		.string({ error: () => m.v_code_required() })
		.trim()
		.min(1, { error: () => m.v_code_required() })
		.max(300, { error: () => m.v_code_long() })
});
export type JoinInput = z.infer<typeof joinSchema>;

export const blockSchema = z.strictObject({ blocked: z.boolean({ error: () => m.v_boolean() }) });
export type BlockInput = z.infer<typeof blockSchema>;
