import { and, eq, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { canSeeItem, type VisibleItem } from '$lib/domain/visibility';
import type { Ctx } from './context';
import type { Db } from './db/client';
import { coupleMembers, pastPartners, users } from './db/schema';
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
