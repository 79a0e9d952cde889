import crypto from 'node:crypto';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import {
	findPartnerLink,
	relationTo,
	requirePartnerLink,
	requireUnlocked,
	requireUser
} from '../access';
import { AppError } from '../errors';
import { logEvent } from '../log';
import { coupleTopic } from '../live/bus';
import { assertWithinLimits, LIMITS, recordAttempts } from '../auth/rate-limit';
import { keyedHash, sha256Hex } from '../auth/tokens';
import { findUserById } from '../accounts/accounts.queries';
import { recordSecurityEvent } from '../security-log/security-log.service';
import {
	formatInviteCode,
	inviteCodeFromBytes,
	normalizeInviteCode
} from '$lib/domain/invite-code';
import * as m from '$lib/paraglide/messages';
import {
	claimInvite,
	closeOpenInvitesOf,
	endCouple,
	findMembership,
	findOpenInviteByHash,
	findOpenInviteOf,
	insertCouple,
	insertInvite,
	isBlockedEitherWay,
	isMemberOfAnyCouple,
	listPastPartnersOf,
	rememberPartners,
	setBlockedAt
} from './couples.queries';
import type { BlockInput, JoinInput } from './couples.schemas';

export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type InviteView = { code: string; url: string; expiresAt: string };
export type OpenInviteView = { createdAt: string; expiresAt: string } | null;
export type PartnerView = { id: string; name: string };
export type PastPartnerView = { id: string; name: string; blocked: boolean };

/**
 * A new single-use code; any open code of the person stops working. Only a hash is kept, so the
 * code is shown once: a person who needs it again makes a new one.
 */
export async function createInvite(ctx: Ctx): Promise<InviteView> {
	const userId = requireUser(ctx);
	if (await findPartnerLink(ctx.db, userId)) {
		throw new AppError('CONFLICT', m.error_already_linked());
	}
	const buckets = [
		{ key: `invite:user:${keyedHash(ctx.secret, userId)}`, limit: LIMITS.inviteCreate }
	];
	await assertWithinLimits(ctx, buckets, userId);
	await recordAttempts(ctx, buckets);

	const code = inviteCodeFromBytes(crypto.randomBytes(16));
	const now = ctx.now();
	const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS);
	await ctx.db.transaction(async (tx) => {
		await closeOpenInvitesOf(tx, [userId], now);
		await insertInvite(tx, {
			codeHash: sha256Hex(code),
			inviterId: userId,
			createdAt: now,
			expiresAt
		});
	});
	logEvent('couple.invite_created', { userId });

	return {
		code: formatInviteCode(code),
		url: `${ctx.origin}/join/${code}`,
		expiresAt: expiresAt.toISOString()
	};
}

export async function getOpenInvite(ctx: Ctx): Promise<OpenInviteView> {
	const userId = requireUser(ctx);
	const row = await findOpenInviteOf(ctx.db, userId, ctx.now());

	return row
		? { createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString() }
		: null;
}

export async function cancelInvite(ctx: Ctx): Promise<void> {
	const userId = requireUser(ctx);
	await closeOpenInvitesOf(ctx.db, [userId], ctx.now());
	logEvent('couple.invite_cancelled', { userId });
}

/**
 * Accepts a partner's invite: the joiner's own explicit consent, signed in. Unknown, used,
 * expired and blocked codes all answer the same NOT_FOUND.
 */
export async function joinCouple(ctx: Ctx, input: JoinInput): Promise<{ partner: PartnerView }> {
	const userId = requireUser(ctx);
	const buckets = [
		{ key: `join:user:${keyedHash(ctx.secret, userId)}`, limit: LIMITS.joinUser },
		{ key: `join:client:${ctx.clientKey}`, limit: LIMITS.joinClient }
	];
	await assertWithinLimits(ctx, buckets, userId);
	const failJoin = async (): Promise<never> => {
		await recordAttempts(ctx, buckets);
		logEvent('couple.join_failed', { userId });
		throw new AppError('NOT_FOUND', m.error_invite_not_found());
	};

	const code = normalizeInviteCode(input.code);
	const invite = code ? await findOpenInviteByHash(ctx.db, sha256Hex(code), ctx.now()) : undefined;
	if (!invite) {
		return failJoin();
	}
	if (invite.inviterId === userId) {
		throw new AppError('CONFLICT', m.error_own_invite());
	}
	if (await findPartnerLink(ctx.db, userId)) {
		throw new AppError('CONFLICT', m.error_already_linked());
	}
	if (await isBlockedEitherWay(ctx.db, userId, invite.inviterId)) {
		return failJoin();
	}

	const linked = await linkPair(ctx, invite.id, [invite.inviterId, userId]);
	if (!linked) {
		return failJoin();
	}
	const inviter = await findUserById(ctx.db, invite.inviterId);
	logEvent('couple.linked', { userId });

	return { partner: { id: invite.inviterId, name: inviter?.name ?? '' } };
}

/** One transaction: the code is used once, both become members, open codes of both close. */
async function linkPair(ctx: Ctx, inviteId: string, pair: [string, string]): Promise<boolean> {
	const now = ctx.now();
	try {
		return await ctx.db.transaction(async (tx) => {
			if (await isMemberOfAnyCouple(tx, pair)) {
				tx.rollback();
			}
			if (!(await claimInvite(tx, inviteId, now))) {
				tx.rollback();
			}
			const couple = await insertCouple(tx, pair, now);
			await closeOpenInvitesOf(tx, pair, now);
			await rememberPartners(tx, couple.id);
			// In each one's own log; the inviter's entry shows no device, as the joiner acted.
			const [inviterId, joinerId] = pair;
			await recordSecurityEvent({ ...ctx, db: tx }, inviterId, 'partner.linked', { device: null });
			await recordSecurityEvent({ ...ctx, db: tx }, joinerId, 'partner.linked');

			return true;
		});
	} catch (error) {
		// A rollback above, or a concurrent link winning the couple_members primary key.
		if (isRollbackOrUniqueViolation(error)) {
			return false;
		}
		throw error;
	}
}

/**
 * Leaves the link at once, alone and silently: nothing is sent to the other person, and the next
 * request of either sees no partner. Each keeps what they wrote; nothing shared stays reachable.
 */
export async function leaveCouple(ctx: Ctx): Promise<void> {
	const userId = requireUser(ctx);
	const left = await ctx.db.transaction(async (tx) => {
		const ended = await endLinkWithin(tx, userId, ctx.now());
		if (ended !== null) {
			// Only in the log of the one who left: the other is told nothing, not even here.
			await recordSecurityEvent({ ...ctx, db: tx }, userId, 'partner.left');
		}

		return ended;
	});
	if (!left) {
		throw new AppError('NOT_FOUND', m.error_no_partner());
	}
	logEvent('couple.left', { userId });
	// Open live streams of the couple re-check membership on this event and close: it reaches
	// nobody, since neither person belongs to that couple any more.
	await ctx.live.publish(coupleTopic(left), { kind: 'couple', id: left });
}

/**
 * Ends the person's live link inside the caller's transaction, exactly as leaving does, and
 * answers the couple it ended (null when there was none). Account deletion ends the link through
 * here too, so the other person sees the same silent "no partner linked" either way.
 */
export async function endLinkWithin(
	tx: Executor,
	userId: string,
	now: Date
): Promise<string | null> {
	const membership = await findMembership(tx, userId);
	if (!membership) {
		return null;
	}
	await rememberPartners(tx, membership.coupleId);
	await endCouple(tx, membership.coupleId, now);

	return membership.coupleId;
}

/** People the person was linked with before (not the current partner), to block or unblock. */
export async function listPastPartners(ctx: Ctx): Promise<PastPartnerView[]> {
	const userId = requireUnlocked(ctx);
	const link = await findPartnerLink(ctx.db, userId);
	const rows = await listPastPartnersOf(ctx.db, userId, link?.partner.id ?? null);

	return rows.map((row) => ({ id: row.id, name: row.name, blocked: row.blockedAt !== null }));
}

/** Blocking stops any future link with that person, in either direction; it tells them nothing. */
export async function setPastPartnerBlock(ctx: Ctx, partnerId: string, input: BlockInput) {
	const userId = requireUnlocked(ctx);
	if ((await relationTo(ctx.db, userId, partnerId)) !== 'ex') {
		throw new AppError('NOT_FOUND', m.error_not_found());
	}
	await setBlockedAt(ctx.db, userId, partnerId, input.blocked ? ctx.now() : null);
	logEvent('couple.block_changed', { userId });

	return { id: partnerId, blocked: input.blocked };
}

function isRollbackOrUniqueViolation(error: unknown): boolean {
	if (!(error instanceof Error)) {
		return false;
	}
	if (error.name === 'TransactionRollbackError') {
		return true;
	}
	const code =
		(error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;

	return code === '23505';
}

export type CoupleView = { couple: { id: string; partner: PartnerView } };

/** The live link as the person sees it; NOT_FOUND when there is none. */
export async function getCouple(ctx: Ctx): Promise<CoupleView> {
	const link = await requirePartnerLink(ctx);

	return { couple: { id: link.coupleId, partner: link.partner } };
}
