import type { Ctx } from '../context';
import { requireUser } from '../access';
import { AppError } from '../errors';
import { logEvent } from '../log';
import { verifyPassword } from '../auth/passwords';
import {
	assertWithinLimits,
	clearAttempts,
	LIMITS,
	recordAttempts,
	secondsUntilAllowed
} from '../auth/rate-limit';
import { keyedHash } from '../auth/tokens';
import { findUserById } from '../accounts/accounts.queries';
import { isLocked, msUntilLock, relockMinutes, type LockView } from '$lib/domain/relock';
import * as m from '$lib/paraglide/messages';
import { findLockSettings, findSessionLock, updateSessionLock } from './lock.queries';
import type { UnlockInput } from './lock.schemas';

/**
 * Private areas re-lock (SAFE-09): after the person's idle minutes, or at once by quick exit, a
 * session serves the shared space only until its owner unlocks with their password or app PIN.
 * The lock lives on the session in the database, so it holds whatever the browser does.
 */

/** The lock of this session, as the browser's timer and lock screen need it. */
export async function getLockState(ctx: Ctx): Promise<LockView> {
	const { userId, sessionId } = requireSession(ctx);
	const [session, settings] = await Promise.all([
		findSessionLock(ctx.db, userId, sessionId),
		findLockSettings(ctx.db, userId)
	]);
	if (!session) {
		throw new AppError('UNAUTHENTICATED', m.error_sign_in_first());
	}
	const minutes = relockMinutes(settings?.idleMinutes);
	const now = ctx.now();
	const locked = ctx.locked || isLocked(session, minutes, now);

	return {
		locked,
		idleMinutes: minutes,
		secondsLeft: locked ? 0 : Math.floor(msUntilLock(session, minutes, now) / 1000),
		pin: await pinStatus(ctx, userId, settings?.pinHash ?? null)
	};
}

/** Locks the private areas of this session now: quick exit, or the browser saw the person go. */
export async function lockSession(ctx: Ctx): Promise<void> {
	const { userId, sessionId } = requireSession(ctx);
	if (!ctx.locked) {
		await updateSessionLock(ctx.db, userId, sessionId, { lockedAt: ctx.now() });
	}
}

/** The person is here (typing, tapping) though no page was loaded: the idle clock starts again. */
export async function recordActivity(ctx: Ctx): Promise<LockView> {
	const { userId, sessionId } = requireSession(ctx);
	if (!ctx.locked) {
		await updateSessionLock(ctx.db, userId, sessionId, { lastUsedAt: ctx.now() });
	}

	return getLockState(ctx);
}

/**
 * Reopens the private areas with the PIN or the password. Wrong PINs are limited (five a day);
 * past that only the password works, and a password unlock gives the PIN its tries back.
 */
export async function unlockSession(ctx: Ctx, input: UnlockInput): Promise<void> {
	const { userId, sessionId } = requireSession(ctx);
	if ('pin' in input) {
		await checkPin(ctx, userId, input.pin);
	} else {
		await checkPassword(ctx, userId, input.password);
		await clearAttempts(ctx.db, pinBucket(ctx, userId).key);
	}
	await updateSessionLock(ctx.db, userId, sessionId, { lockedAt: null, lastUsedAt: ctx.now() });
}

async function checkPin(ctx: Ctx, userId: string, pin: string) {
	const settings = await findLockSettings(ctx.db, userId);
	if (!settings?.pinHash) {
		throw new AppError('INVALID', m.error_no_pin(), { fields: { pin: [m.error_no_pin()] } });
	}
	const bucket = pinBucket(ctx, userId);
	const wait = await secondsUntilAllowed(ctx.db, bucket.key, bucket.limit, ctx.now());
	if (wait > 0) {
		logEvent('auth.rate_limited', { userId });
		throw new AppError('RATE_LIMITED', m.error_pin_blocked(), {
			fields: { pin: [m.error_pin_blocked()] },
			retryAfterSeconds: wait
		});
	}
	if (!(await verifyPassword(settings.pinHash, pin.trim()))) {
		await recordAttempts(ctx, [bucket]);
		logEvent('lock.unlock_failed', { userId });
		throw new AppError('INVALID', m.error_pin_wrong(), { fields: { pin: [m.error_pin_wrong()] } });
	}
}

async function checkPassword(ctx: Ctx, userId: string, password: string) {
	const buckets = [
		{ key: `unlock:password:${keyedHash(ctx.secret, userId)}`, limit: LIMITS.unlockPassword }
	];
	await assertWithinLimits(ctx, buckets, userId);
	const user = await findUserById(ctx.db, userId);
	if (!user || !(await verifyPassword(user.passwordHash, password))) {
		await recordAttempts(ctx, buckets);
		logEvent('lock.unlock_failed', { userId });
		throw new AppError('INVALID', m.error_unlock_password_wrong(), {
			fields: { password: [m.error_unlock_password_wrong()] }
		});
	}
}

async function pinStatus(ctx: Ctx, userId: string, pinHash: string | null) {
	if (!pinHash) {
		return 'none';
	}
	const bucket = pinBucket(ctx, userId);
	const wait = await secondsUntilAllowed(ctx.db, bucket.key, bucket.limit, ctx.now());

	return wait > 0 ? 'blocked' : 'ready';
}

/** Wrong PINs of one person, counted in the shared rate-limit table. */
export function pinBucket(ctx: Pick<Ctx, 'secret'>, userId: string) {
	return { key: `unlock:pin:${keyedHash(ctx.secret, userId)}`, limit: LIMITS.unlockPin };
}

/** The lock belongs to a session: these work while locked, for the person signed in. */
function requireSession(ctx: Ctx): { userId: string; sessionId: string } {
	const userId = requireUser(ctx);
	if (!ctx.sessionId) {
		throw new AppError('UNAUTHENTICATED', m.error_sign_in_first());
	}

	return { userId, sessionId: ctx.sessionId };
}
