import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import type { ProtocolState } from '$lib/domain/conversation-protocol';
import {
	CONVERSATION_KINDS,
	MODES,
	type Script,
	type Status
} from '$lib/domain/conversation-turns';
import { couples } from './couples';
import { users } from './users';

const STATUSES = [
	'waiting',
	'active',
	'paused',
	'between-sets',
	'completed',
	'ended'
] as const satisfies readonly Status[];

/**
 * A guided conversation: a couple's (couple_id) or one person's alone (user_id), never both. The
 * state is the fold of its events (conversation_events); it is kept here too so reading it is
 * one row. At most one open conversation of each kind per couple, or per person alone.
 */
export const conversations = pgTable(
	'conversations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		coupleId: uuid('couple_id').references(() => couples.id, { onDelete: 'cascade' }),
		/** Set only for a conversation alone. */
		userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: CONVERSATION_KINDS }).notNull(),
		/** The mode chosen at the start; the state holds the current one. */
		mode: text('mode', { enum: MODES }).notNull(),
		script: jsonb('script').$type<Script>().notNull(),
		state: jsonb('state').$type<ProtocolState>().notNull(),
		/** How many events have been applied; a move names the seq it was made on. */
		seq: integer('seq').notNull().default(0),
		status: text('status', { enum: STATUSES }).notNull(),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
		/** Set when it is completed or ended. */
		closedAt: timestamp('closed_at', { withTimezone: true })
	},
	(t) => [
		check('conversations_one_space', sql`(${t.coupleId} is null) <> (${t.userId} is null)`),
		uniqueIndex('conversations_open_couple_kind')
			.on(t.coupleId, t.kind)
			.where(sql`${t.closedAt} is null and ${t.coupleId} is not null`),
		uniqueIndex('conversations_open_user_kind')
			.on(t.userId, t.kind)
			.where(sql`${t.closedAt} is null and ${t.userId} is not null`),
		index('conversations_couple_idx').on(t.coupleId, t.startedAt),
		index('conversations_user_idx').on(t.userId, t.startedAt)
	]
);

/** Who is in a conversation, at which position (0 started it; 1 is the partner). */
export const conversationParticipants = pgTable(
	'conversation_participants',
	{
		conversationId: uuid('conversation_id')
			.notNull()
			.references(() => conversations.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		position: smallint('position').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.conversationId, t.position] }),
		unique('conversation_participants_user_unique').on(t.conversationId, t.userId),
		index('conversation_participants_user_idx').on(t.userId),
		check('conversation_participants_position', sql`${t.position} in (0, 1)`)
	]
);

/**
 * Every accepted change, in order. Actors are positions, not people: the log holds no personal
 * data, and replaying it from the start gives the stored state.
 */
export const conversationEvents = pgTable(
	'conversation_events',
	{
		conversationId: uuid('conversation_id')
			.notNull()
			.references(() => conversations.id, { onDelete: 'cascade' }),
		seq: integer('seq').notNull(),
		type: text('type').notNull(),
		by: smallint('by').notNull(),
		forPosition: smallint('for_position'),
		at: timestamp('at', { withTimezone: true }).notNull()
	},
	(t) => [primaryKey({ columns: [t.conversationId, t.seq] })]
);

/**
 * An answer a person chose to keep: private (a vulnerability draft is private until shared) or
 * shared with the partner of the couple it was shared in (couple_id, set only while shared).
 */
export const conversationAnswers = pgTable(
	'conversation_answers',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		conversationId: uuid('conversation_id')
			.notNull()
			.references(() => conversations.id, { onDelete: 'cascade' }),
		authorId: uuid('author_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		coupleId: uuid('couple_id').references(() => couples.id, { onDelete: 'set null' }),
		promptId: text('prompt_id').notNull(),
		text: text('text').notNull(),
		visibility: text('visibility', { enum: ['private', 'shared'] }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
		sharedAt: timestamp('shared_at', { withTimezone: true })
	},
	(t) => [
		unique('conversation_answers_author_prompt_unique').on(
			t.conversationId,
			t.authorId,
			t.promptId
		),
		index('conversation_answers_author_idx').on(t.authorId)
	]
);

/** A receiving response (from the listening bank only) to an answer the partner shared. */
export const conversationResponses = pgTable(
	'conversation_responses',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		answerId: uuid('answer_id')
			.notNull()
			.references(() => conversationAnswers.id, { onDelete: 'cascade' }),
		authorId: uuid('author_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		coupleId: uuid('couple_id')
			.notNull()
			.references(() => couples.id, { onDelete: 'cascade' }),
		responseId: text('response_id').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull()
	},
	(t) => [
		unique('conversation_responses_once').on(t.answerId, t.authorId, t.responseId),
		index('conversation_responses_author_idx').on(t.authorId)
	]
);
