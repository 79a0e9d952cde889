import type { Ctx } from '../context';
import { AppError } from '../errors';
import { findUserById, type UserRow } from '../accounts/accounts.queries';
import { verifyPassword } from './passwords';
import { assertWithinLimits, LIMITS, recordAttempts } from './rate-limit';
import { keyedHash } from './tokens';
import * as m from '$lib/paraglide/messages';

/**
 * Re-authentication for changes to how a person signs in or recovers their account: their
 * current password, throttled per account. Returns their row; a wrong password answers INVALID
 * on `field`.
 */
export async function confirmPassword(
	ctx: Ctx,
	userId: string,
	password: string,
	field = 'password'
): Promise<UserRow> {
	const buckets = [
		{ key: `password:user:${keyedHash(ctx.secret, userId)}`, limit: LIMITS.passwordChange }
	];
	await assertWithinLimits(ctx, buckets, userId);
	const user = await findUserById(ctx.db, userId);
	if (!user || !(await verifyPassword(user.passwordHash, password))) {
		await recordAttempts(ctx, buckets);
		throw new AppError('INVALID', m.error_current_password_wrong(), {
			fields: { [field]: [m.error_current_password_wrong()] }
		});
	}

	return user;
}
