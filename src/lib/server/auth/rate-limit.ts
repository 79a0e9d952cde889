import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rateLimits } from '../db/schema';
import { AppError } from '../errors';
import { logEvent } from '../log';
import * as m from '$lib/paraglide/messages';

export type Limit = { max: number; windowSeconds: number };
export type Bucket = { key: string; limit: Limit };

/** The limits of every throttled action, in one place. Failures are what count, except where noted. */
export const LIMITS = {
	/** Per account: well under 100 failures an hour, and a soft lock that ends by itself. */
	loginAccount: { max: 10, windowSeconds: 15 * 60 },
	/** Per client address, across accounts. */
	loginClient: { max: 50, windowSeconds: 15 * 60 },
	/** Per known device of the account (see device cookies in auth.service). */
	loginDevice: { max: 10, windowSeconds: 15 * 60 },
	/** Every attempt counts. */
	register: { max: 10, windowSeconds: 60 * 60 },
	joinUser: { max: 10, windowSeconds: 60 * 60 },
	joinClient: { max: 30, windowSeconds: 60 * 60 },
	/** Every new code counts. */
	inviteCreate: { max: 20, windowSeconds: 60 * 60 },
	/** Wrong passwords when deleting the account. */
	accountDelete: { max: 10, windowSeconds: 15 * 60 },
	/** Wrong passwords when confirming a change (password, email, two-step, recovery settings). */
	passwordChange: { max: 10, windowSeconds: 15 * 60 },
	/** Wrong authenticator or recovery codes while signed in (setting up, turning off). */
	twoFactorCode: { max: 10, windowSeconds: 15 * 60 },
	/** Every reset request counts: per account (or known device), and per client address. */
	resetRequestAccount: { max: 3, windowSeconds: 60 * 60 },
	resetRequestClient: { max: 10, windowSeconds: 60 * 60 },
	/** Reset links that do not work, per client address. */
	resetConfirmClient: { max: 20, windowSeconds: 15 * 60 },
	/** Wrong recovery codes when resetting with one, per account and per client address. */
	recoveryResetAccount: { max: 5, windowSeconds: 15 * 60 },
	recoveryResetClient: { max: 20, windowSeconds: 15 * 60 },
	/** Unlocking private areas with the password, per account. */
	unlockPassword: { max: 10, windowSeconds: 15 * 60 },
	/**
	 * Wrong app PINs, per account: after five the PIN stops working for a day, or until the
	 * password unlocks, so someone holding the phone gets five guesses, not thousands.
	 */
	unlockPin: { max: 5, windowSeconds: 24 * 60 * 60 }
} satisfies Record<string, Limit>;

/** Seconds until the bucket has room again, or 0 when it has room now. */
export async function secondsUntilAllowed(db: Db, key: string, limit: Limit, now: Date) {
	const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
	if (!row || row.count < limit.max) {
		return 0;
	}
	const endsAt = row.windowStart.getTime() + limit.windowSeconds * 1000;

	return Math.max(0, Math.ceil((endsAt - now.getTime()) / 1000));
}

/** RATE_LIMITED, with the longest wait, when any of the buckets is full. */
export async function assertWithinLimits(
	ctx: { db: Db; now: () => Date },
	buckets: Bucket[],
	userId?: string | null
) {
	let wait = 0;
	for (const bucket of buckets) {
		wait = Math.max(wait, await secondsUntilAllowed(ctx.db, bucket.key, bucket.limit, ctx.now()));
	}
	if (wait > 0) {
		logEvent('auth.rate_limited', { userId });
		throw new AppError('RATE_LIMITED', m.error_rate_limited(), { retryAfterSeconds: wait });
	}
}

/** Counts one attempt in every bucket. */
export async function recordAttempts(ctx: { db: Db; now: () => Date }, buckets: Bucket[]) {
	for (const bucket of buckets) {
		await recordAttempt(ctx.db, bucket.key, bucket.limit, ctx.now());
	}
}

/** Counts one attempt in a fixed window; a window that has passed starts again at 1. */
export async function recordAttempt(db: Db, key: string, limit: Limit, now: Date) {
	const windowStartedBefore = new Date(now.getTime() - limit.windowSeconds * 1000);
	const expired = sql`${rateLimits.windowStart} <= ${windowStartedBefore.toISOString()}::timestamptz`;
	await db
		.insert(rateLimits)
		.values({ key, count: 1, windowStart: now })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
				windowStart: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`
			}
		});
}

/** Forgets the attempts of a bucket, e.g. wrong PINs once the password has proved the owner. */
export async function clearAttempts(db: Db, key: string) {
	await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Old windows are useless; dropped now and then so the table stays small. */
export async function deleteStaleLimits(db: Db, now: Date) {
	const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
	await db.delete(rateLimits).where(lt(rateLimits.windowStart, dayAgo));
}
