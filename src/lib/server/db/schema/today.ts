import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	index,
	jsonb,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import type { Kind, Topic } from '$lib/domain/daily-question';
import { couples } from './couples';
import { users } from './users';

/**
 * Every shared row carries the couple it was shared in (couple_id). A partner sees it only while
 * linked in that same couple, so leaving, or a re-link of the same two people, starts empty.
 */

/** A person's pace and boundaries for the daily practice. */
export const practiceSettings = pgTable('practice_settings', {
	userId: uuid('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	depth: text('depth', { enum: ['light', 'medium', 'deep'] }).notNull(),
	kinds: jsonb('kinds').$type<Kind[]>().notNull(),
	avoidTopics: jsonb('avoid_topics').$type<Topic[]>().notNull(),
	/** The choice of the person's last check-in; null until the first check-in asks. */
	checkinVisibility: text('checkin_visibility', { enum: ['private', 'shared'] }),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull()
});

export const checkins = pgTable(
	'checkins',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		authorId: uuid('author_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** Set only while shared, to the couple it is shared with. */
		coupleId: uuid('couple_id').references(() => couples.id, { onDelete: 'set null' }),
		localDate: date('local_date', { mode: 'string' }).notNull(),
		mood: smallint('mood').notNull(),
		feelings: jsonb('feelings').$type<string[]>().notNull(),
		note: text('note'),
		needs: jsonb('needs').$type<string[]>().notNull(),
		visibility: text('visibility', { enum: ['private', 'shared'] }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull()
	},
	(t) => [
		unique('checkins_author_date_unique').on(t.authorId, t.localDate),
		index('checkins_couple_date_idx').on(t.coupleId, t.localDate),
		check('checkins_mood_range', sql`${t.mood} between 1 and 5`)
	]
);

/**
 * The question chosen for one date of one space (a couple's id, or a person's own id when alone).
 * Written once; both partners read the same row, whatever their time zones.
 */
export const dailyQuestions = pgTable(
	'daily_questions',
	{
		spaceId: uuid('space_id').notNull(),
		localDate: date('local_date', { mode: 'string' }).notNull(),
		questionId: text('question_id').notNull()
	},
	(t) => [primaryKey({ columns: [t.spaceId, t.localDate] })]
);

export const answers = pgTable(
	'answers',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		authorId: uuid('author_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The couple the person was in when answering; null when alone. */
		coupleId: uuid('couple_id').references(() => couples.id, { onDelete: 'set null' }),
		localDate: date('local_date', { mode: 'string' }).notNull(),
		questionId: text('question_id').notNull(),
		text: text('text'),
		passed: boolean('passed').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull()
	},
	(t) => [
		unique('answers_author_date_unique').on(t.authorId, t.localDate),
		index('answers_couple_date_idx').on(t.coupleId, t.localDate)
	]
);

/** One short "tell me more about…" reply per person to the partner's revealed answer. */
export const answerFollowups = pgTable(
	'answer_followups',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		answerId: uuid('answer_id')
			.notNull()
			.references(() => answers.id, { onDelete: 'cascade' }),
		authorId: uuid('author_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		coupleId: uuid('couple_id').references(() => couples.id, { onDelete: 'set null' }),
		text: text('text').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull()
	},
	(t) => [unique('answer_followups_answer_author_unique').on(t.answerId, t.authorId)]
);

export const appreciations = pgTable(
	'appreciations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		authorId: uuid('author_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The couple it was given in; null while kept to share later. */
		coupleId: uuid('couple_id').references(() => couples.id, { onDelete: 'set null' }),
		localDate: date('local_date', { mode: 'string' }).notNull(),
		text: text('text').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull()
	},
	(t) => [
		index('appreciations_couple_idx').on(t.coupleId, t.createdAt),
		index('appreciations_author_idx').on(t.authorId, t.createdAt)
	]
);

/** A turning-toward response to something the partner shared. */
export const responses = pgTable(
	'responses',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		authorId: uuid('author_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		coupleId: uuid('couple_id')
			.notNull()
			.references(() => couples.id, { onDelete: 'cascade' }),
		itemType: text('item_type', { enum: ['checkin', 'answer', 'appreciation'] }).notNull(),
		itemId: uuid('item_id').notNull(),
		/** A response id from the response bank, or "reply" with a short text. */
		kind: text('kind').notNull(),
		text: text('text'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull()
	},
	(t) => [index('responses_item_idx').on(t.itemType, t.itemId)]
);
