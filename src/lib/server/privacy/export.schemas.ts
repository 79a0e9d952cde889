import { z } from 'zod';
import { SECURITY_EVENT_KINDS } from '$lib/domain/security-events';
import { DEPTHS, KINDS, TOPICS } from '$lib/domain/daily-question';
import { CONVERSATION_KINDS, MODES } from '$lib/domain/conversation-turns';

/**
 * The shape of each part of an export. Together (see export.registry.ts) they make the export's
 * JSON Schema, kept in docs/export.schema.json and in the OpenAPI document. Objects are strict so
 * a field added to a view cannot reach an export without being documented here first.
 */

const id = z.uuid();
const instant = z.iso.datetime().meta({ description: 'A moment, in UTC (ISO 8601).' });
const day = z.iso.date().meta({ description: "A date in the writer's own time zone." });
const mine = z
	.boolean()
	.meta({ description: 'True when you wrote it; false when your partner did.' });
const visibility = z.enum(['private', 'shared']);

export const profileSchema = z
	.strictObject({
		id,
		email: z.string(),
		name: z.string(),
		timeZone: z.string(),
		onboarded: z.boolean()
	})
	.meta({ description: 'Your account.' });

export const sessionsSchema = z
	.array(
		z.strictObject({
			id,
			device: z.string().meta({ description: 'A short description, never the raw user agent.' }),
			createdAt: instant,
			lastUsedAt: instant,
			current: z.boolean().meta({ description: 'The session that made this export.' })
		})
	)
	.meta({ description: 'Where you are signed in now.' });

const person = z.strictObject({ id, name: z.string() });

export const partnerSchema = z
	.strictObject({
		current: person.nullable().meta({ description: 'Your partner now, or null.' }),
		past: z
			.array(person.extend({ blocked: z.boolean() }))
			.meta({ description: 'People you were linked with before, with the name they had then.' }),
		openInvite: z
			.strictObject({ createdAt: instant, expiresAt: instant })
			.nullable()
			.meta({ description: 'An open invite of yours (the code itself is never kept).' })
	})
	.meta({ description: 'Your partner link.' });

export const practiceSchema = z
	.strictObject({
		depth: z.enum(DEPTHS),
		kinds: z.array(z.enum(KINDS)),
		avoidTopics: z.array(z.enum(TOPICS)),
		checkinVisibility: visibility.nullable()
	})
	.meta({ description: 'Your pace and boundaries for the daily question.' });

export const checkinsSchema = z
	.array(
		z.strictObject({
			id,
			date: day,
			mine,
			mood: z.int().min(1).max(5).meta({ description: '1 very low … 5 very good.' }),
			feelings: z.array(z.string()).meta({ description: 'Feeling ids from the vocabulary.' }),
			note: z.string().nullable(),
			needs: z.array(z.string()).meta({ description: 'What would help, by id.' }),
			visibility,
			updatedAt: instant
		})
	)
	.meta({ description: 'Your check-ins, and the ones your partner shares with you now.' });

const answer = z.strictObject({
	id,
	text: z.string().nullable(),
	passed: z.boolean().meta({ description: 'True for "not today".' }),
	createdAt: instant
});

export const questionsSchema = z
	.array(
		z.strictObject({
			date: day,
			question: z.strictObject({ id: z.string(), text: z.string(), depth: z.string() }).nullable(),
			answer: answer.nullable(),
			partnerAnswer: answer
				.nullable()
				.meta({ description: "Your partner's answer, only where it is revealed to you now." }),
			followups: z.strictObject({
				mine: z.string().nullable(),
				partner: z.string().nullable()
			})
		})
	)
	.meta({ description: 'The days you answered (or passed) the question of the day.' });

export const appreciationsSchema = z
	.array(
		z.strictObject({
			id,
			text: z.string(),
			date: day,
			mine,
			shared: z.boolean().meta({ description: 'Given to your partner now.' }),
			kept: z.boolean().meta({ description: 'Written while alone and not shared yet.' }),
			createdAt: instant
		})
	)
	.meta({ description: 'Your appreciation jar: what you wrote, and what your partner gave you.' });

export const responsesSchema = z
	.array(
		z.strictObject({
			id,
			itemType: z.enum(['checkin', 'answer', 'appreciation']),
			itemId: id,
			kind: z.string().meta({ description: 'A phrase id from the response bank, or "reply".' }),
			text: z.string(),
			mine,
			createdAt: instant
		})
	)
	.meta({ description: 'Responses you wrote, and the ones your partner wrote to you now.' });

export const securityLogSchema = z
	.array(
		z.strictObject({
			kind: z.enum(SECURITY_EVENT_KINDS),
			at: instant,
			device: z.string().nullable().meta({ description: 'The device it came from, if known.' })
		})
	)
	.meta({ description: 'Your own security log: sign-ins and account changes, newest first.' });

export const lockSchema = z
	.strictObject({
		idleMinutes: z.number().int().meta({ description: 'Minutes without use before it locks.' }),
		pin: z.boolean().meta({ description: 'Whether an app PIN is set (the PIN is never exported).' })
	})
	.meta({ description: 'How your private pages lock.' });

const conversationAnswer = z.strictObject({
	id,
	conversationId: id,
	promptId: z.string(),
	prompt: z.string().nullable().meta({ description: 'The prompt or stem, in your language.' }),
	text: z.string(),
	visibility,
	mine,
	updatedAt: instant,
	responses: z.array(z.strictObject({ id, responseId: z.string(), text: z.string(), mine }))
});

export const conversationsSchema = z
	.strictObject({
		conversations: z.array(
			z.strictObject({
				id,
				kind: z.enum(CONVERSATION_KINDS),
				mode: z.enum(MODES),
				status: z.enum(['waiting', 'active', 'paused', 'between-sets', 'completed', 'ended']),
				open: z.boolean(),
				startedAt: instant,
				finishedAt: instant.nullable(),
				partner: z.strictObject({ name: z.string() }).nullable(),
				progress: z.strictObject({ set: z.number().int(), index: z.number().int() }),
				answers: z.array(conversationAnswer)
			})
		),
		earlier: z
			.array(
				z.strictObject({
					kind: z.enum(CONVERSATION_KINDS),
					startedAt: instant,
					answers: z.array(conversationAnswer)
				})
			)
			.meta({ description: 'Your own words from conversations of an earlier link.' })
	})
	.meta({
		description:
			'Guided conversations: what you did and when, your kept answers, and the ones your partner shared with you.'
	});
