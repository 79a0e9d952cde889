import { and, eq, gt, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { canSeeItem, canTakePart, type VisibleItem } from '$lib/domain/visibility';
import type { Position } from '$lib/domain/conversation-turns';
import type { Ctx } from './context';
import type { Db } from './db/client';
import {
	conversationParticipants,
	conversations,
	coupleMembers,
	pastPartners,
	sessions,
	users
} from './db/schema';
import type { Topic } from './live/bus';
import { AppError } from './errors';
import * as m from '$lib/paraglide/messages';

/**
 * THE access module: the one place that answers who may read or change what. Every service asks
 * here; nothing else decides. What a person may not see answers NOT_FOUND, never "forbidden",
 * so nobody learns that it exists.
 */

export type Relation = 'self' | 'partner' | 'ex' | 'stranger';

export type PartnerLink = { coupleId: string; partner: { id: string; name: string } };

/** The signed-in person's id, or UNAUTHENTICATED. */
export function requireUser(ctx: Pick<Ctx, 'userId'>): string {
	if (!ctx.userId) {
		throw new AppError('UNAUTHENTICATED', m.error_sign_in_first());
	}

	return ctx.userId;
}

/**
 * The signed-in person's id for a private area: past days, settings, sessions, anything that
 * holds private items. While the session is locked this answers LOCKED until they unlock.
 */
export function requireUnlocked(ctx: Pick<Ctx, 'userId' | 'locked'>): string {
	const userId = requireUser(ctx);
	if (ctx.locked) {
		throw new AppError('LOCKED', m.error_locked());
	}

	return userId;
}

/**
 * The person's live link, read fresh on every call: an unlink takes effect on the very next
 * request, because nothing about the partner is cached in the session.
 */
export async function findPartnerLink(db: Db, userId: string): Promise<PartnerLink | undefined> {
	const mine = db
		.select({ coupleId: coupleMembers.coupleId })
		.from(coupleMembers)
		.where(eq(coupleMembers.userId, userId));
	const [row] = await db
		.select({ coupleId: coupleMembers.coupleId, id: users.id, name: users.name })
		.from(coupleMembers)
		.innerJoin(users, eq(users.id, coupleMembers.userId))
		.where(and(eq(coupleMembers.coupleId, mine), ne(coupleMembers.userId, userId)));

	return row ? { coupleId: row.coupleId, partner: { id: row.id, name: row.name } } : undefined;
}

/** The live link, or NOT_FOUND when the person has none. */
export async function requirePartnerLink(ctx: Ctx): Promise<PartnerLink> {
	const link = await findPartnerLink(ctx.db, requireUser(ctx));
	if (!link) {
		throw new AppError('NOT_FOUND', m.error_no_partner());
	}

	return link;
}

/** How `otherId` stands to the viewer right now. */
export async function relationTo(db: Db, viewerId: string, otherId: string): Promise<Relation> {
	if (viewerId === otherId) {
		return 'self';
	}
	const link = await findPartnerLink(db, viewerId);
	if (link?.partner.id === otherId) {
		return 'partner';
	}
	const [past] = await db
		.select({ partnerId: pastPartners.partnerId })
		.from(pastPartners)
		.where(and(eq(pastPartners.userId, viewerId), eq(pastPartners.partnerId, otherId)));

	return past ? 'ex' : 'stranger';
}

export type Viewer = {
	userId: string;
	/** Private areas are locked: the viewer is served the shared space only (see visibility). */
	locked: boolean;
	timeZone: string;
	/** When the person joined Tend, for their own season rhythm. */
	joinedAt: Date;
	coupleId: string | null;
	partner: { id: string; name: string; timeZone: string } | null;
};

const me = alias(users, 'me');
const mine = alias(coupleMembers, 'mine');
const theirs = alias(coupleMembers, 'theirs');

/** The signed-in person with their live link, read fresh for this request in one query. */
export async function requireViewer(ctx: Ctx): Promise<Viewer> {
	const userId = requireUser(ctx);
	const [row] = await ctx.db
		.select({
			timeZone: me.timeZone,
			joinedAt: me.createdAt,
			coupleId: mine.coupleId,
			partnerId: users.id,
			partnerName: users.name,
			partnerTimeZone: users.timeZone
		})
		.from(me)
		.leftJoin(mine, eq(mine.userId, me.id))
		.leftJoin(theirs, and(eq(theirs.coupleId, mine.coupleId), ne(theirs.userId, me.id)))
		.leftJoin(users, eq(users.id, theirs.userId))
		.where(eq(me.id, userId));
	if (!row) {
		throw new AppError('UNAUTHENTICATED', m.error_sign_in_first());
	}
	const linked = row.coupleId !== null && row.partnerId !== null;

	return {
		userId,
		locked: ctx.locked,
		timeZone: row.timeZone,
		joinedAt: row.joinedAt,
		coupleId: linked ? row.coupleId : null,
		partner:
			linked && row.partnerId
				? { id: row.partnerId, name: row.partnerName ?? '', timeZone: row.partnerTimeZone ?? 'UTC' }
				: null
	};
}

/** Whether the viewer may see an item: its author always; a partner only if shared with them. */
export function canView(viewer: Viewer, item: VisibleItem): boolean {
	return canSeeItem(
		{ userId: viewer.userId, coupleId: viewer.coupleId, locked: viewer.locked },
		item
	);
}

export type ConversationRow = typeof conversations.$inferSelect;
export type ConversationAccess = {
	viewer: Viewer;
	conversation: ConversationRow;
	/** The viewer's position in it (0 started it). */
	position: Position;
};

/**
 * May the viewer see and act in this conversation? A couple's conversation only for the members
 * of that couple while they are linked in it; a solo one only for its owner. Anyone else, an ex
 * included, gets NOT_FOUND, exactly as for an id that does not exist.
 */
export async function requireConversation(ctx: Ctx, id: string): Promise<ConversationAccess> {
	const viewer = await requireViewer(ctx);
	const [row] = await ctx.db
		.select({ conversation: conversations, position: conversationParticipants.position })
		.from(conversations)
		.innerJoin(
			conversationParticipants,
			and(
				eq(conversationParticipants.conversationId, conversations.id),
				eq(conversationParticipants.userId, viewer.userId)
			)
		)
		.where(eq(conversations.id, id));
	if (!row || !canTakePart(viewer, row.conversation)) {
		throw new AppError('NOT_FOUND', m.error_not_found());
	}

	return { viewer, conversation: row.conversation, position: row.position === 1 ? 1 : 0 };
}

/** The live topics a person follows now: their own, and their current couple's. */
export async function liveTopicsOf(ctx: Ctx): Promise<{ userId: string; topics: Topic[] }> {
	const userId = requireUser(ctx);
	const link = await findPartnerLink(ctx.db, userId);
	const topics: Topic[] = [`user:${userId}`];
	if (link) {
		topics.push(`couple:${link.coupleId}`);
	}

	return { userId, topics };
}

/**
 * Whether a live stream may still carry an event of this topic, asked at subscribe time and again
 * for every event: the session must still be valid, and a couple's topic needs the person to be
 * linked in that couple right now. After an unlink, or a sign-out, the answer is no.
 */
export async function mayFollowTopic(
	db: Db,
	follower: { userId: string; sessionId: string | null },
	topic: Topic,
	now: Date
): Promise<boolean> {
	if (!follower.sessionId) {
		return false;
	}
	const [session] = await db
		.select({ id: sessions.id })
		.from(sessions)
		.where(
			and(
				eq(sessions.id, follower.sessionId),
				eq(sessions.userId, follower.userId),
				gt(sessions.expiresAt, now)
			)
		);
	if (!session) {
		return false;
	}
	const [scope, id] = topic.split(':');
	if (scope === 'user') {
		return id === follower.userId;
	}

	return (await findPartnerLink(db, follower.userId))?.coupleId === id;
}
