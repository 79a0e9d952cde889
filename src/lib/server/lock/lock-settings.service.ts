import type { Ctx } from '../context';
import { requireUnlocked } from '../access';
import { AppError } from '../errors';
import { logEvent } from '../log';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { assertWithinLimits, clearAttempts, LIMITS, recordAttempts } from '../auth/rate-limit';
import { keyedHash } from '../auth/tokens';
import { findUserById } from '../accounts/accounts.queries';
import { pinProblem, relockMinutes } from '$lib/domain/relock';
import * as m from '$lib/paraglide/messages';
import { findLockSettings, upsertLockSettings } from './lock.queries';
import type { LockSettingsInput, SetPinInput } from './lock.schemas';
import { pinBucket } from './lock.service';

/** How a person's private areas lock: after how many idle minutes, and with which app PIN. */

export type LockSettingsView = { idleMinutes: number; pin: boolean };

export async function getLockSettings(ctx: Ctx): Promise<LockSettingsView> {
	const userId = requireUnlocked(ctx);
	const settings = await findLockSettings(ctx.db, userId);

	return { idleMinutes: relockMinutes(settings?.idleMinutes), pin: Boolean(settings?.pinHash) };
}

export async function updateLockSettings(
	ctx: Ctx,
	input: LockSettingsInput
): Promise<LockSettingsView> {
	const userId = requireUnlocked(ctx);
	await upsertLockSettings(ctx.db, userId, {
		idleMinutes: input.idleMinutes,
		updatedAt: ctx.now()
	});
	logEvent('lock.settings_changed', { userId });

	return getLockSettings(ctx);
}

/** Sets or replaces the app PIN; needs the current password, like any credential change. */
export async function setPin(ctx: Ctx, input: SetPinInput): Promise<void> {
	const userId = requireUnlocked(ctx);
	const buckets = [
		{ key: `password:user:${keyedHash(ctx.secret, userId)}`, limit: LIMITS.passwordChange }
	];
	await assertWithinLimits(ctx, buckets, userId);
	const user = await findUserById(ctx.db, userId);
	if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
		await recordAttempts(ctx, buckets);
		throw new AppError('INVALID', m.error_current_password_wrong(), {
			fields: { currentPassword: [m.error_current_password_wrong()] }
		});
	}
	const pin = input.pin.trim();
	const problem = pinProblem(pin);
	if (problem) {
		const message = problem === 'format' ? m.v_pin_format() : m.v_pin_guessable();
		throw new AppError('INVALID', message, { fields: { pin: [message] } });
	}
	await upsertLockSettings(ctx.db, userId, {
		pinHash: await hashPassword(pin),
		updatedAt: ctx.now()
	});
	await clearAttempts(ctx.db, pinBucket(ctx, userId).key);
	logEvent('lock.pin_set', { userId });
}

export async function removePin(ctx: Ctx): Promise<void> {
	const userId = requireUnlocked(ctx);
	await upsertLockSettings(ctx.db, userId, { pinHash: null, updatedAt: ctx.now() });
	logEvent('lock.pin_removed', { userId });
}
