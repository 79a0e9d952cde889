import { z } from 'zod';
import { DEPTHS, KINDS, TOPICS } from '$lib/domain/daily-question';

const id = z
	.string()
	.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes');
const text = (max: number) => z.string().trim().min(3).max(max);

export const questionSchema = z.strictObject({
	id,
	text: text(160),
	depth: z.enum(DEPTHS),
	kinds: z.array(z.enum(KINDS)).min(1).max(2),
	topics: z.array(z.enum(TOPICS))
});

export const feelingsSchema = z.strictObject({
	families: z
		.array(
			z.strictObject({
				id,
				label: text(40),
				feelings: z.array(z.strictObject({ id, label: text(40) })).min(4)
			})
		)
		.min(6)
});

export const NEED_IDS = ['listen', 'space', 'closeness', 'practical', 'distraction'] as const;
export const needSchema = z.strictObject({
	id: z.enum(NEED_IDS),
	label: text(60),
	description: text(160)
});

export const promptSchema = z.strictObject({ id, text: text(120) });

export const RESPONSE_ITEM_TYPES = ['checkin', 'answer', 'appreciation'] as const;
export const responseSchema = z.strictObject({
	id,
	text: text(80),
	for: z.array(z.enum(RESPONSE_ITEM_TYPES)).min(1)
});

/** The help page: short sections, each with links to pages of Tend only. */
export const helpSchema = z.strictObject({
	intro: text(200),
	sections: z
		.array(
			z.strictObject({
				id,
				heading: text(80),
				paragraphs: z.array(text(600)).min(1),
				links: z
					.array(
						z.strictObject({
							href: z
								.string()
								.regex(/^\/[a-z0-9/-]*$/, 'links go to pages of Tend, e.g. /settings'),
							label: text(60)
						})
					)
					.optional()
			})
		)
		.min(1)
});

export const contentSchema = z.strictObject({
	questions: z.array(questionSchema).min(365),
	feelings: feelingsSchema,
	needs: z.array(needSchema).length(NEED_IDS.length),
	checkinPrompts: z.array(promptSchema).min(40),
	appreciationPrompts: z.array(promptSchema).min(30),
	responses: z.array(responseSchema).min(4),
	help: helpSchema
});

export type Content = z.infer<typeof contentSchema>;
export type Question = z.infer<typeof questionSchema>;
