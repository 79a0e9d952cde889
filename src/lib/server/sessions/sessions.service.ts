import type { Ctx } from '../context';
import { requireUnlocked } from '../access';
import { AppError } from '../errors';
import { logEvent } from '../log';
import { randomToken, sha256Hex } from '../auth/tokens';
import { isLocked, RELOCK_MINUTES } from '$lib/domain/relock';
import * as m from '$lib/paraglide/messages';
import { recordSecurityEvent } from '../security-log/security-log.service';
import {
	deleteOtherSessions,
	deleteSessionById,
	deleteSessionOfUser,
	findSessionWithUser,
	insertSession,
	listSessionsOfUser,
	touchSession
} from './sessions.queries';

const DAY = 24 * 60 * 60 * 1000;
/** A session lasts 30 days from its last use, and never more than 180 days in all. */
export const SESSION_IDLE_MS = 30 * DAY;
export const SESSION_MAX_MS = 180 * DAY;
/** last_used_at is written at most once a minute, so reads stay reads. */
const TOUCH_EVERY_MS = 60 * 1000;

export type SessionView = {
	id: string;
	device: string;
	createdAt: string;
	lastUsedAt: string;
	current: boolean;
};

/** Starts a session for a person who just proved who they are; returns the cookie token. */
export async function startSession(ctx: Ctx, userId: string) {
	const token = randomToken();
	const now = ctx.now();
	const session = await insertSession(ctx.db, {
		tokenHash: sha256Hex(token),
		userId,
		device: ctx.device,
		createdAt: now,
		lastUsedAt: now,
		expiresAt: new Date(now.getTime() + SESSION_IDLE_MS)
	});

	return { token, sessionId: session.id, expiresAt: session.expiresAt };
}

/**
 * The person behind a cookie token, or null; expired sessions are removed on sight. Also says
 * whether the private areas are locked: a session idle for longer than the person's limit is
 * locked here, before this request counts as activity, and stays locked until they unlock.
 */
export async function resolveSession(ctx: Pick<Ctx, 'db' | 'now'>, token: string) {
	const row = await findSessionWithUser(ctx.db, sha256Hex(token));
	if (!row) {
		return null;
	}
	const now = ctx.now();
	if (row.session.expiresAt <= now) {
		await deleteSessionById(ctx.db, row.session.id);

		return null;
	}
	const state = { lockedAt: row.session.lockedAt, lastActiveAt: row.session.lastUsedAt };
	const locked = isLocked(state, row.idleMinutes ?? RELOCK_MINUTES.default, now);
	const lockNow = locked && row.session.lockedAt === null;
	if (lockNow || now.getTime() - row.session.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
		const cap = row.session.createdAt.getTime() + SESSION_MAX_MS;
		const expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, cap));
		await touchSession(ctx.db, row.session.id, {
			lastUsedAt: now,
			expiresAt,
			...(lockNow ? { lockedAt: now } : {})
		});
	}

	return { session: row.session, user: row.user, locked };
}

export async function listSessions(ctx: Ctx): Promise<SessionView[]> {
	const userId = requireUnlocked(ctx);
	const rows = await listSessionsOfUser(ctx.db, userId);

	return rows.map((row) => ({
		id: row.id,
		device: row.device,
		createdAt: row.createdAt.toISOString(),
		lastUsedAt: row.lastUsedAt.toISOString(),
		current: row.id === ctx.sessionId
	}));
}

/** Ends one of the person's own sessions; someone else's session id answers NOT_FOUND. */
export async function endSession(ctx: Ctx, sessionId: string) {
	const userId = requireUnlocked(ctx);
	const deleted = await deleteSessionOfUser(ctx.db, userId, sessionId);
	if (!deleted) {
		throw new AppError('NOT_FOUND', m.error_session_not_found());
	}
	await recordSecurityEvent(ctx, userId, 'session.ended');
	logEvent('session.ended', { userId });
}

/** Ends every session of the person except the one making the request. */
export async function endOtherSessions(ctx: Ctx) {
	const userId = requireUnlocked(ctx);
	await deleteOtherSessions(ctx.db, userId, ctx.sessionId);
	await recordSecurityEvent(ctx, userId, 'sessions.others_ended');
	logEvent('session.others_ended', { userId });
}

export async function endCurrentSession(ctx: Ctx) {
	if (ctx.sessionId) {
		await deleteSessionById(ctx.db, ctx.sessionId);
		logEvent('auth.logout', { userId: ctx.userId });
	}
}
