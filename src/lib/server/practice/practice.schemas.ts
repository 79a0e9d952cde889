import { z } from 'zod';
import { DEPTHS, KINDS, TOPICS } from '$lib/domain/daily-question';
import * as m from '$lib/paraglide/messages';

export const practiceSettingsSchema = z.strictObject({
	depth: z.enum(DEPTHS, { error: () => m.v_depth() }),
	kinds: z
		.array(z.enum(KINDS, { error: () => m.v_kind() }))
		.min(1, { error: () => m.v_kinds_empty() })
		.max(KINDS.length),
	avoidTopics: z.array(z.enum(TOPICS, { error: () => m.v_topic() })).max(TOPICS.length)
});
export type PracticeSettingsInput = z.infer<typeof practiceSettingsSchema>;
