import { eq, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
	answerFollowups,
	answers,
	appreciations,
	checkins,
	conversationAnswers,
	conversationParticipants,
	conversationResponses,
	conversations,
	coupleMembers,
	dailyQuestions,
	invites,
	lockSettings,
	mailOutbox,
	passwordResets,
	pastPartners,
	pendingSignIns,
	practiceSettings,
	rateLimits,
	recoveryCodes,
	responses,
	securityEvents,
	sessions,
	twoFactor,
	users
} from '../db/schema';

/**
 * The deletion inventory: every table that holds rows of a person, with the column(s) that tie a
 * row to them. Deleting an account deletes, in this order, every row these entries name, in one
 * transaction. A test reads the live schema and fails, naming the table, when a table with a
 * person column is missing here: a new table is covered by adding one line.
 */

/** The person being deleted: their id, their email, and the keyed hashes rate-limit keys end with. */
export type DeletedPerson = { id: string; email: string; hashes: string[] };

export type InventoryEntry = {
	table: PgTable;
	/** Every column that holds a person's id; a row goes when any of them is the person. */
	columns: PgColumn[];
	/** Rows that go with the person's own besides those (e.g. replies to their items). */
	alsoRows?: (person: DeletedPerson) => SQL;
};

/** Ids of everything the person wrote that others can answer: replies to these go with them. */
const itemsOf = (id: string) =>
	sql`(select ${checkins.id} from ${checkins} where ${checkins.authorId} = ${id}
		union all select ${answers.id} from ${answers} where ${answers.authorId} = ${id}
		union all select ${appreciations.id} from ${appreciations} where ${appreciations.authorId} = ${id})`;

/** Rate-limit keys end with a keyed hash of the person's id or email (`invite:user:<hash>`). */
const keyEndsWithOneOf = (hashes: string[]) =>
	or(...hashes.map((hash) => sql`right(${rateLimits.key}, ${hash.length + 1}) = ${`:${hash}`}`)) ??
	sql`false`;

// Replies first, then what they reply to, then the person's settings and sign-in traces, and
// the account itself last.
export const DELETION_INVENTORY: InventoryEntry[] = [
	{
		table: responses,
		columns: [responses.authorId],
		alsoRows: ({ id }) => sql`${responses.itemId} in ${itemsOf(id)}`
	},
	{
		table: answerFollowups,
		columns: [answerFollowups.authorId],
		alsoRows: ({ id }) =>
			sql`${answerFollowups.answerId} in (select ${answers.id} from ${answers} where ${answers.authorId} = ${id})`
	},
	{
		table: conversationResponses,
		columns: [conversationResponses.authorId],
		alsoRows: ({ id }) =>
			sql`${conversationResponses.answerId} in (select ${conversationAnswers.id} from ${conversationAnswers} where ${conversationAnswers.authorId} = ${id})`
	},
	{ table: conversationAnswers, columns: [conversationAnswers.authorId] },
	{ table: conversationParticipants, columns: [conversationParticipants.userId] },
	// Conversations of the person alone; a couple's stays with the couple, holding no words.
	{ table: conversations, columns: [conversations.userId] },
	{ table: checkins, columns: [checkins.authorId] },
	{ table: answers, columns: [answers.authorId] },
	{ table: appreciations, columns: [appreciations.authorId] },
	// A person alone has a question space of their own, keyed by their id.
	{ table: dailyQuestions, columns: [dailyQuestions.spaceId] },
	{ table: practiceSettings, columns: [practiceSettings.userId] },
	{ table: invites, columns: [invites.inviterId] },
	{ table: pastPartners, columns: [pastPartners.userId, pastPartners.partnerId] },
	{ table: coupleMembers, columns: [coupleMembers.userId] },
	{ table: sessions, columns: [sessions.userId] },
	{ table: twoFactor, columns: [twoFactor.userId] },
	{ table: recoveryCodes, columns: [recoveryCodes.userId] },
	{ table: pendingSignIns, columns: [pendingSignIns.userId] },
	{ table: passwordResets, columns: [passwordResets.userId] },
	{ table: mailOutbox, columns: [mailOutbox.userId] },
	{ table: securityEvents, columns: [securityEvents.userId] },
	{ table: lockSettings, columns: [lockSettings.userId] },
	{ table: rateLimits, columns: [], alsoRows: ({ hashes }) => keyEndsWithOneOf(hashes) },
	{ table: users, columns: [users.id] }
];

/**
 * Tables with no column that names a person: nothing in them is anyone's to delete. The
 * inventory test accepts a table without a person column only when it is listed here.
 */
export const NOT_PERSONAL: Record<string, string> = {
	couples:
		"A link's id and its start and end times; who was in it lives in couple_members and past_partners.",
	conversation_events:
		'Moves of a conversation by position (first or second person), never by who; they go with the conversation.'
};

/** The condition that picks a person's rows in one inventory entry. */
export function rowsOf(entry: InventoryEntry, person: DeletedPerson): SQL {
	const conditions = [
		...entry.columns.map((column) => eq(column, person.id)),
		...(entry.alsoRows ? [entry.alsoRows(person)] : [])
	];

	return or(...conditions) ?? sql`false`;
}
