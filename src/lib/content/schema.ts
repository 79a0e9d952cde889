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

const evidence = z.string().trim().min(80).max(900);
const DEPTH = z.enum(DEPTHS);
const numbered = (prefix: string) =>
	z.string().regex(new RegExp(`^${prefix}\\d{3}$`), `ids are "${prefix}" and three digits`);
/** Ends with a space and an ellipsis, so the person finishes the sentence aloud. */
const unfinished = (max: number) =>
	text(max).regex(/\S …$/, 'ends with a space and "…", for the person to finish');

export const CLOSER_SET_IDS = ['closer-1', 'closer-2', 'closer-3'] as const;
export const CLOSER_PROMPT_KINDS = ['question', 'task'] as const;
export const CLOSER_PROMPTS_PER_SET = 12;

/** The id of the nth prompt (1-based) of the nth set (1-based): `c1-01` … `c3-12`. */
export function closerPromptId(set: number, prompt: number): string {
	return `c${set}-${String(prompt).padStart(2, '0')}`;
}

export const closerPromptSchema = z.strictObject({
	id: z.string().regex(/^c[1-3]-(0[1-9]|1[0-2])$/, 'ids are c1-01 … c3-12'),
	kind: z.enum(CLOSER_PROMPT_KINDS),
	text: text(200)
});

export const closerSetSchema = z.strictObject({
	id: z.enum(CLOSER_SET_IDS),
	title: text(60),
	intro: text(240),
	minutes: z.literal(15),
	prompts: z.array(closerPromptSchema).length(CLOSER_PROMPTS_PER_SET)
});

// The protocol (set order, resuming at a prompt id) relies on every locale keeping this exact
// order, so a translation cannot reorder or renumber the sets.
export const closerSchema = z
	.strictObject({ evidence, sets: z.array(closerSetSchema).length(CLOSER_SET_IDS.length) })
	.superRefine((closer, ctx) => {
		closer.sets.forEach((set, s) => {
			if (set.id !== CLOSER_SET_IDS[s]) {
				ctx.addIssue({
					code: 'custom',
					path: ['sets', s, 'id'],
					message: `expected ${CLOSER_SET_IDS[s]}`
				});
			}
			set.prompts.forEach((prompt, p) => {
				const expected = closerPromptId(s + 1, p + 1);
				if (prompt.id !== expected) {
					ctx.addIssue({
						code: 'custom',
						path: ['sets', s, 'prompts', p, 'id'],
						message: `expected ${expected}`
					});
				}
			});
		});
	});

export const stemsSchema = z.strictObject({
	evidence,
	items: z.array(z.strictObject({ id: numbered('v'), text: unfinished(120), depth: DEPTH })).min(44)
});

export const tenMinutesSchema = z.strictObject({
	evidence,
	questions: z
		.array(
			z.strictObject({
				id: numbered('t'),
				text: text(200).regex(/\?$/, 'ends with a question mark'),
				depth: DEPTH
			})
		)
		.min(60)
});

export const phonesDownSchema = z.strictObject({
	evidence,
	prompts: z.array(z.strictObject({ id: numbered('p'), text: text(200) })).min(30)
});

const line = z.strictObject({ id, text: text(120) });
export const listeningSchema = z.strictObject({
	evidence,
	listenerGuidance: z.array(line).min(6).max(10),
	reflectStarters: z
		.array(z.strictObject({ id, text: unfinished(120) }))
		.min(6)
		.max(10),
	speakerConfirm: z.array(line).min(3).max(6),
	receivingResponses: z.array(line).min(6).max(10)
});

export const contentSchema = z.strictObject({
	questions: z.array(questionSchema).min(365),
	feelings: feelingsSchema,
	needs: z.array(needSchema).length(NEED_IDS.length),
	checkinPrompts: z.array(promptSchema).min(40),
	appreciationPrompts: z.array(promptSchema).min(30),
	responses: z.array(responseSchema).min(4),
	closer: closerSchema,
	stems: stemsSchema,
	tenMinutes: tenMinutesSchema,
	phonesDown: phonesDownSchema,
	listening: listeningSchema
});

export type Content = z.infer<typeof contentSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Closer = z.infer<typeof closerSchema>;
export type CloserSet = z.infer<typeof closerSetSchema>;
export type CloserPrompt = z.infer<typeof closerPromptSchema>;
export type Stem = z.infer<typeof stemsSchema>['items'][number];
export type TenMinutesQuestion = z.infer<typeof tenMinutesSchema>['questions'][number];
export type PhonesDownPrompt = z.infer<typeof phonesDownSchema>['prompts'][number];
export type Listening = z.infer<typeof listeningSchema>;
