import { z } from 'zod';

export const joinSchema = z.strictObject({
	code: z
		.string({ error: 'Enter the invite code.' })
		.trim()
		.min(1, 'Enter the invite code.')
		.max(300, 'That is longer than any invite code or link.')
});
export type JoinInput = z.infer<typeof joinSchema>;

export const blockSchema = z.strictObject({ blocked: z.boolean({ error: 'Say true or false.' }) });
export type BlockInput = z.infer<typeof blockSchema>;
