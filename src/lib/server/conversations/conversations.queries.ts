import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import {
	conversationAnswers,
	conversationEvents,
	conversationParticipants,
	conversationResponses,
	conversations,
	users
} from '../db/schema';
import type { ConversationKind } from '$lib/domain/conversation-turns';

export type ConversationRow = typeof conversations.$inferSelect;
export type AnswerRow = typeof conversationAnswers.$inferSelect;
export type ResponseRow = typeof conversationResponses.$inferSelect;
export type EventRow = typeof conversationEvents.$inferSelect;

export type Space = { coupleId: string } | { userId: string };

function inSpace(space: Space) {
	return 'coupleId' in space
		? eq(conversations.coupleId, space.coupleId)
		: eq(conversations.userId, space.userId);
}

/** The open conversation of a kind in a space, if any (at most one, by a unique index). */
export async function findOpenConversation(db: Executor, space: Space, kind: ConversationKind) {
	const [row] = await db
		.select()
		.from(conversations)
		.where(and(inSpace(space), eq(conversations.kind, kind), isNull(conversations.closedAt)));

	return row;
}

/** Inserts unless an open one of the kind exists already (then undefined). */
export async function insertConversation(db: Executor, values: typeof conversations.$inferInsert) {
	const [row] = await db.insert(conversations).values(values).onConflictDoNothing().returning();

	return row;
}

export async function insertParticipants(db: Executor, conversationId: string, userIds: string[]) {
	await db
		.insert(conversationParticipants)
		.values(userIds.map((userId, position) => ({ conversationId, userId, position })));
}

export async function lockConversation(db: Executor, id: string) {
	const [row] = await db.select().from(conversations).where(eq(conversations.id, id)).for('update');

	return row;
}

export async function saveMove(
	db: Executor,
	row: ConversationRow,
	change: Pick<ConversationRow, 'state' | 'status' | 'updatedAt' | 'closedAt'>,
	event: Omit<typeof conversationEvents.$inferInsert, 'conversationId' | 'seq'>
) {
	const seq = row.seq + 1;
	await db.insert(conversationEvents).values({ ...event, conversationId: row.id, seq });
	const [updated] = await db
		.update(conversations)
		.set({ ...change, seq })
		.where(eq(conversations.id, row.id))
		.returning();

	return updated;
}

export function listEvents(db: Executor, conversationId: string) {
	return db
		.select()
		.from(conversationEvents)
		.where(eq(conversationEvents.conversationId, conversationId))
		.orderBy(asc(conversationEvents.seq));
}

/** Names of the people in a conversation, by position (a deleted account has no row). */
export function listParticipants(db: Executor, conversationIds: string[]) {
	if (conversationIds.length === 0) {
		return Promise.resolve([]);
	}

	return db
		.select({
			conversationId: conversationParticipants.conversationId,
			userId: conversationParticipants.userId,
			position: conversationParticipants.position,
			name: users.name
		})
		.from(conversationParticipants)
		.innerJoin(users, eq(users.id, conversationParticipants.userId))
		.where(inArray(conversationParticipants.conversationId, conversationIds));
}

/** Conversations of these spaces, newest first. */
export function listConversationsIn(db: Executor, spaces: Space[], limit: number) {
	return db
		.select()
		.from(conversations)
		.where(or(...spaces.map(inSpace)))
		.orderBy(desc(conversations.startedAt))
		.limit(limit);
}

/**
 * Answers in these conversations that the viewer may read: their own, and those shared in the
 * viewer's current couple. The rule itself is checked again by the service (canSeeItem).
 */
export function listAnswersVisibleTo(
	db: Executor,
	viewer: { userId: string; coupleId: string | null },
	conversationIds: string[]
) {
	if (conversationIds.length === 0) {
		return Promise.resolve([] as AnswerRow[]);
	}
	const shared = viewer.coupleId
		? and(
				eq(conversationAnswers.visibility, 'shared'),
				eq(conversationAnswers.coupleId, viewer.coupleId)
			)
		: undefined;

	return db
		.select()
		.from(conversationAnswers)
		.where(
			and(
				inArray(conversationAnswers.conversationId, conversationIds),
				shared
					? or(eq(conversationAnswers.authorId, viewer.userId), shared)
					: eq(conversationAnswers.authorId, viewer.userId)
			)
		)
		.orderBy(asc(conversationAnswers.createdAt));
}

/** A person's own answers with the space and kind of their conversation, newest first. */
export function listOwnAnswers(db: Executor, authorId: string, limit: number) {
	return db
		.select({
			answer: conversationAnswers,
			kind: conversations.kind,
			startedAt: conversations.startedAt,
			coupleId: conversations.coupleId,
			userId: conversations.userId
		})
		.from(conversationAnswers)
		.innerJoin(conversations, eq(conversations.id, conversationAnswers.conversationId))
		.where(eq(conversationAnswers.authorId, authorId))
		.orderBy(desc(conversations.startedAt), asc(conversationAnswers.createdAt))
		.limit(limit);
}

export async function findAnswer(db: Executor, conversationId: string, answerId: string) {
	const [row] = await db
		.select()
		.from(conversationAnswers)
		.where(
			and(
				eq(conversationAnswers.id, answerId),
				eq(conversationAnswers.conversationId, conversationId)
			)
		);

	return row;
}

export async function upsertAnswer(db: Executor, values: typeof conversationAnswers.$inferInsert) {
	const [row] = await db
		.insert(conversationAnswers)
		.values(values)
		.onConflictDoUpdate({
			target: [
				conversationAnswers.conversationId,
				conversationAnswers.authorId,
				conversationAnswers.promptId
			],
			set: {
				text: values.text,
				visibility: values.visibility,
				coupleId: values.coupleId,
				updatedAt: values.updatedAt,
				sharedAt: sql`case when excluded.visibility = 'shared' then coalesce(${conversationAnswers.sharedAt}, excluded.shared_at) else null end`
			}
		})
		.returning();

	return row;
}

export async function markShared(
	db: Executor,
	answerId: string,
	values: { coupleId: string; at: Date }
) {
	const [row] = await db
		.update(conversationAnswers)
		.set({
			visibility: 'shared',
			coupleId: values.coupleId,
			updatedAt: values.at,
			sharedAt: sql`coalesce(${conversationAnswers.sharedAt}, ${values.at})`
		})
		.where(eq(conversationAnswers.id, answerId))
		.returning();

	return row;
}

export async function insertResponse(
	db: Executor,
	values: typeof conversationResponses.$inferInsert
) {
	const [row] = await db
		.insert(conversationResponses)
		.values(values)
		.onConflictDoNothing()
		.returning();

	return row;
}

/** Responses within one couple to these answers. */
export function listResponsesTo(db: Executor, coupleId: string, answerIds: string[]) {
	if (answerIds.length === 0) {
		return Promise.resolve([] as ResponseRow[]);
	}

	return db
		.select()
		.from(conversationResponses)
		.where(
			and(
				eq(conversationResponses.coupleId, coupleId),
				inArray(conversationResponses.answerId, answerIds)
			)
		)
		.orderBy(asc(conversationResponses.createdAt));
}

/** The cards a space already talked about in earlier conversations of a kind (for fresh ones). */
export async function listUsedCards(db: Executor, space: Space, kind: ConversationKind) {
	const rows = await db
		.select({ script: conversations.script, state: conversations.state })
		.from(conversations)
		.where(and(inSpace(space), eq(conversations.kind, kind)))
		.orderBy(desc(conversations.startedAt))
		.limit(500);

	return rows.flatMap(({ script, state }) =>
		script.kind === 'closer' ? [] : script.deck.slice(0, state.card + 1)
	);
}
