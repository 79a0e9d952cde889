import type { Ctx } from '../context';
import { AppError } from '../errors';
import { logEvent } from '../log';
import { burnPasswordCheck, verifyPassword } from '../auth/passwords';
import { assertWithinLimits, LIMITS, recordAttempts } from '../auth/rate-limit';
import { keyedHash, randomToken, safeEqual } from '../auth/tokens';
import * as m from '$lib/paraglide/messages';
import { findUserByEmail } from './accounts.queries';
import { toUserView } from './accounts.service';
import { startSession } from '../sessions/sessions.service';
import type { LoginInput } from './accounts.schemas';

/**
 * Checks an email and password. Wrong pairs count against the account and the client address; a
 * device that has signed in to this account before (it holds a device cookie) is counted on its
 * own instead, so someone hammering an account from elsewhere, a partner included, cannot lock
 * its owner out of their own phone. The answer is the same whether the email exists or not.
 */
export async function signIn(ctx: Ctx, input: LoginInput) {
	const user = await findUserByEmail(ctx.db, input.email);
	const knownDevice = user ? verifyDeviceToken(ctx, user.id) : null;
	const buckets = knownDevice
		? [{ key: `login:device:${keyedHash(ctx.secret, knownDevice)}`, limit: LIMITS.loginDevice }]
		: [
				{ key: `login:account:${keyedHash(ctx.secret, input.email)}`, limit: LIMITS.loginAccount },
				{ key: `login:client:${ctx.clientKey}`, limit: LIMITS.loginClient }
			];
	await assertWithinLimits(ctx, buckets, user?.id);

	const valid = user
		? await verifyPassword(user.passwordHash, input.password)
		: (await burnPasswordCheck(input.password), false);
	if (!user || !valid) {
		await recordAttempts(ctx, buckets);
		logEvent('auth.login_failed', { userId: user?.id });
		throw new AppError('UNAUTHENTICATED', m.error_login_failed());
	}
	logEvent('auth.login_succeeded', { userId: user.id });

	const deviceToken =
		knownDevice && ctx.deviceToken ? ctx.deviceToken : issueDeviceToken(ctx, user.id);

	return { user: toUserView(user), session: await startSession(ctx, user.id), deviceToken };
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
