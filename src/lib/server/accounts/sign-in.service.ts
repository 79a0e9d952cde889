import type { Ctx } from '../context';
import { AppError } from '../errors';
import { logEvent } from '../log';
import { burnPasswordCheck, verifyPassword } from '../auth/passwords';
import { assertWithinLimits, LIMITS, recordAttempts, type Bucket } from '../auth/rate-limit';
import { keyedHash, randomToken, safeEqual, sha256Hex } from '../auth/tokens';
import { recordSecurityEvent } from '../security-log/security-log.service';
import { isTwoFactorOn, verifySecondFactor } from '../two-factor/two-factor.service';
import type { SecondStepInput } from '../two-factor/two-factor.schemas';
import * as m from '$lib/paraglide/messages';
import { findUserByEmail, findUserById, type UserRow } from './accounts.queries';
import { toUserView, type UserView } from './accounts.service';
import { startSession } from '../sessions/sessions.service';
import type { LoginInput } from './accounts.schemas';
import {
	countPendingFailure,
	deletePendingSignIn,
	findPendingSignIn,
	insertPendingSignIn
} from './sign-in.queries';

/** How long a person has to enter their code after their password. */
export const SECOND_STEP_LIFETIME_MS = 5 * 60 * 1000;
/** Wrong codes one password entry allows; then the password is asked for again. */
export const SECOND_STEP_MAX_FAILURES = 5;

export type SignedIn = {
	user: UserView;
	session: { token: string; sessionId: string; expiresAt: Date };
	deviceToken: string;
};
/** The password was right and two-step sign-in is on: the code is still to come. */
export type SecondStepNeeded = { secondStep: { ticket: string; expiresAt: Date } };

export function needsSecondStep(result: SignedIn | SecondStepNeeded): result is SecondStepNeeded {
	return 'secondStep' in result;
}

/**
 * Checks an email and password. Wrong pairs count against the account and the client address; a
 * device that has signed in to this account before (it holds a device cookie) is counted on its
 * own instead, so someone hammering an account from elsewhere, a partner included, cannot lock
 * its owner out of their own phone. The answer is the same whether the email exists or not.
 * With two-step sign-in on, a right password gives a short-lived, single-use ticket for the
 * second step instead of a session, so the password is never sent twice.
 */
export async function signIn(ctx: Ctx, input: LoginInput): Promise<SignedIn | SecondStepNeeded> {
	const user = await findUserByEmail(ctx.db, input.email);
	const buckets = throttleBuckets(ctx, 'login', user?.id ?? null, input.email);
	await assertWithinLimits(ctx, buckets, user?.id);

	const valid = user
		? await verifyPassword(user.passwordHash, input.password)
		: (await burnPasswordCheck(input.password), false);
	if (!user || !valid) {
		await recordAttempts(ctx, buckets);
		logEvent('auth.login_failed', { userId: user?.id });
		throw new AppError('UNAUTHENTICATED', m.error_login_failed());
	}
	if (await isTwoFactorOn(ctx.db, user.id)) {
		return startSecondStep(ctx, user.id);
	}

	return finishSignIn(ctx, user);
}

async function startSecondStep(ctx: Ctx, userId: string): Promise<SecondStepNeeded> {
	const ticket = randomToken();
	const now = ctx.now();
	const expiresAt = new Date(now.getTime() + SECOND_STEP_LIFETIME_MS);
	await insertPendingSignIn(ctx.db, {
		ticketHash: sha256Hex(ticket),
		userId,
		createdAt: now,
		expiresAt
	});
	logEvent('auth.second_step_started', { userId });

	return { secondStep: { ticket, expiresAt } };
}

/**
 * The second step: the ticket from the password step and a code from the authenticator app (or
 * a recovery code). Wrong codes are throttled like passwords, and a ticket takes only a few.
 */
export async function completeSignIn(ctx: Ctx, input: SecondStepInput): Promise<SignedIn> {
	const pending = await findPendingSignIn(ctx.db, sha256Hex(input.ticket), ctx.now());
	if (!pending) {
		throw new AppError('UNAUTHENTICATED', m.error_second_step_expired());
	}
	const { userId } = pending;
	const buckets = throttleBuckets(ctx, 'second-step', userId, userId);
	await assertWithinLimits(ctx, buckets, userId);

	const method = await verifySecondFactor(ctx, userId, input.code);
	if (!method) {
		await recordAttempts(ctx, buckets);
		const failures = await countPendingFailure(ctx.db, pending.id);
		if (failures >= SECOND_STEP_MAX_FAILURES) {
			await deletePendingSignIn(ctx.db, pending.id);
		}
		await recordSecurityEvent(ctx, userId, 'sign_in.second_step_failed');
		logEvent('auth.second_step_failed', { userId });
		const message =
			failures >= SECOND_STEP_MAX_FAILURES ? m.error_second_step_expired() : m.error_code_wrong();
		throw new AppError('UNAUTHENTICATED', message, { fields: { code: [message] } });
	}
	const user = await findUserById(ctx.db, userId);
	if (!user || !(await deletePendingSignIn(ctx.db, pending.id))) {
		throw new AppError('UNAUTHENTICATED', m.error_second_step_expired());
	}
	if (method === 'recovery_code') {
		await recordSecurityEvent(ctx, userId, 'recovery_code.used');
	}

	return finishSignIn(ctx, user);
}

async function finishSignIn(ctx: Ctx, user: UserRow): Promise<SignedIn> {
	logEvent('auth.login_succeeded', { userId: user.id });
	await recordSecurityEvent(ctx, user.id, 'sign_in');
	const knownDevice = verifyDeviceToken(ctx, user.id);
	const deviceToken =
		knownDevice && ctx.deviceToken ? ctx.deviceToken : issueDeviceToken(ctx, user.id);

	return { user: toUserView(user), session: await startSession(ctx, user.id), deviceToken };
}

/**
 * A known device of the account gets a bucket of its own; anyone else shares the account's
 * bucket and their address's. `accountKey` names the account (the typed email before it is
 * known to exist, so unknown emails are throttled alike).
 */
export function throttleBuckets(
	ctx: Ctx,
	action: string,
	userId: string | null,
	accountKey: string,
	limits = { account: LIMITS.loginAccount, client: LIMITS.loginClient, device: LIMITS.loginDevice }
): Bucket[] {
	const knownDevice = userId ? verifyDeviceToken(ctx, userId) : null;
	if (knownDevice) {
		return [
			{ key: `${action}:device:${keyedHash(ctx.secret, knownDevice)}`, limit: limits.device }
		];
	}

	return [
		{ key: `${action}:account:${keyedHash(ctx.secret, accountKey)}`, limit: limits.account },
		{ key: `${action}:client:${ctx.clientKey}`, limit: limits.client }
	];
}

/** A device cookie: a random nonce bound to one account by an HMAC. Nothing is stored. */
export function issueDeviceToken(ctx: Pick<Ctx, 'secret'>, userId: string): string {
	const nonce = randomToken(16);

	return `${nonce}.${keyedHash(ctx.secret, `device:${userId}:${nonce}`)}`;
}

/** The nonce of a valid device cookie for this account, or null. */
function verifyDeviceToken(ctx: Ctx, userId: string): string | null {
	const [nonce, mac] = (ctx.deviceToken ?? '').split('.');
	if (!nonce || !mac) {
		return null;
	}

	return safeEqual(mac, keyedHash(ctx.secret, `device:${userId}:${nonce}`)) ? nonce : null;
}
