import type { Ctx } from '../context';
import { requireUnlocked } from '../access';
import { AppError } from '../errors';
import { logEvent } from '../log';
import { findUserByEmail, findUserById, updateUser } from '../accounts/accounts.queries';
import { assertPasswordAllowed } from '../accounts/accounts.service';
import { deletePendingSignInsOf } from '../accounts/sign-in.queries';
import { throttleBuckets } from '../accounts/sign-in.service';
import { hashPassword } from '../auth/passwords';
import { assertWithinLimits, LIMITS, recordAttempts } from '../auth/rate-limit';
import { confirmPassword } from '../auth/reauth';
import { randomToken, sha256Hex } from '../auth/tokens';
import { dropQueuedMail, mailQueued, queueMail } from '../mail/mail.service';
import { recordSecurityEvent } from '../security-log/security-log.service';
import { deleteOtherSessions } from '../sessions/sessions.queries';
import { consumeRecoveryCode, countRecoveryCodesLeft } from '../two-factor/two-factor.service';
import type { Executor } from '../db/client';
import * as m from '$lib/paraglide/messages';
import {
	claimPasswordReset,
	deletePasswordResetsOf,
	findLivePasswordReset,
	insertPasswordReset
} from './recovery.queries';
import type {
	HighSafetyInput,
	RecoveryResetInput,
	ResetConfirmInput,
	ResetRequestInput
} from './recovery.schemas';

/** A reset link works once, for this long. */
export const RESET_LINK_LIFETIME_MS = 30 * 60 * 1000;

/**
 * Sends a reset link to the account's address, through the outbox. The answer is the same, and
 * takes about as long, whether the account exists, whether high-safety mode is on (then no
 * mail goes out) or not. Every request counts against the account (or the known device) and
 * the client address.
 */
export async function requestPasswordReset(ctx: Ctx, input: ResetRequestInput): Promise<void> {
	if (!ctx.mailEnabled) {
		throw new AppError('CONFLICT', m.error_mail_unavailable());
	}
	const user = await findUserByEmail(ctx.db, input.email);
	const buckets = throttleBuckets(ctx, 'reset', user?.id ?? null, input.email, {
		account: LIMITS.resetRequestAccount,
		client: LIMITS.resetRequestClient,
		device: LIMITS.resetRequestAccount
	});
	await assertWithinLimits(ctx, buckets, user?.id);
	await recordAttempts(ctx, buckets);
	const token = randomToken();
	const tokenHash = sha256Hex(token);
	logEvent('auth.password_reset_requested', { userId: user?.id });
	if (!user) {
		return;
	}
	const now = ctx.now();
	const expiresAt = new Date(now.getTime() + RESET_LINK_LIFETIME_MS);
	await ctx.db.transaction(async (tx) => {
		await recordSecurityEvent({ ...ctx, db: tx }, user.id, 'password.reset_requested');
		if (user.highSafety) {
			return;
		}
		await insertPasswordReset(tx, { tokenHash, userId: user.id, createdAt: now, expiresAt });
		await queueMail(
			{ ...ctx, db: tx },
			{
				userId: user.id,
				template: 'password_reset',
				payload: {
					to: user.email,
					vars: {
						link: `${ctx.origin}/reset/${token}`,
						minutes: RESET_LINK_LIFETIME_MS / 60_000,
						origin: ctx.origin
					}
				},
				expiresAt
			}
		);
	});
	mailQueued();
}

/** Whether a reset link still works (for showing the form); changes nothing. */
export async function checkPasswordResetLink(ctx: Ctx, token: string): Promise<boolean> {
	const row = await findLivePasswordReset(ctx.db, sha256Hex(token), ctx.now());
	const user = row ? await findUserById(ctx.db, row.userId) : undefined;

	return Boolean(user && !user.highSafety);
}

/** Sets a new password with a reset link. The link works once; every session of the account ends. */
export async function confirmPasswordReset(ctx: Ctx, input: ResetConfirmInput): Promise<void> {
	const buckets = [
		{ key: `reset-confirm:client:${ctx.clientKey}`, limit: LIMITS.resetConfirmClient }
	];
	await assertWithinLimits(ctx, buckets);
	const row = await findLivePasswordReset(ctx.db, sha256Hex(input.token), ctx.now());
	const user = row ? await findUserById(ctx.db, row.userId) : undefined;
	if (!row || !user || user.highSafety) {
		await recordAttempts(ctx, buckets);
		logEvent('auth.password_reset_failed');
		throw new AppError('NOT_FOUND', m.error_reset_link());
	}
	assertPasswordAllowed(input.newPassword, user, 'newPassword');
	const passwordHash = await hashPassword(input.newPassword);
	const done = await ctx.db.transaction(async (tx) => {
		if (!(await claimPasswordReset(tx, row.id, ctx.now()))) {
			return false;
		}
		await setNewPassword({ ...ctx, db: tx }, user.id, passwordHash);

		return true;
	});
	if (!done) {
		throw new AppError('NOT_FOUND', m.error_reset_link());
	}
	logEvent('auth.password_reset', { userId: user.id });
}

/**
 * Sets a new password with the email and one recovery code, the only way back in with
 * high-safety mode on. The answer is the same whether the account exists or not.
 */
export async function resetWithRecoveryCode(ctx: Ctx, input: RecoveryResetInput): Promise<void> {
	// Only the typed email: the answer must not depend on whether an account has it.
	assertPasswordAllowed(input.newPassword, { email: input.email }, 'newPassword');
	const user = await findUserByEmail(ctx.db, input.email);
	const buckets = throttleBuckets(ctx, 'recovery-reset', user?.id ?? null, input.email, {
		account: LIMITS.recoveryResetAccount,
		client: LIMITS.recoveryResetClient,
		device: LIMITS.recoveryResetAccount
	});
	await assertWithinLimits(ctx, buckets, user?.id);
	// Hashed whether or not the account exists, so both answers take as long.
	const passwordHash = await hashPassword(input.newPassword);
	if (!user || !(await resetWithCode(ctx, user.id, input.recoveryCode, passwordHash))) {
		await recordAttempts(ctx, buckets);
		logEvent('auth.password_reset_failed', { userId: user?.id });
		throw new AppError('UNAUTHENTICATED', m.error_recovery_reset_failed());
	}
	logEvent('auth.password_reset', { userId: user.id });
}

async function resetWithCode(ctx: Ctx, userId: string, code: string, passwordHash: string) {
	return ctx.db.transaction(async (tx) => {
		const txCtx = { ...ctx, db: tx };
		if (!(await consumeRecoveryCode(txCtx, userId, code))) {
			return false;
		}
		await recordSecurityEvent(txCtx, userId, 'recovery_code.used');
		await setNewPassword(txCtx, userId, passwordHash);

		return true;
	});
}

/** Inside the reset's transaction: the new password, and every way in that the old one opened ends. */
async function setNewPassword(
	ctx: Omit<Ctx, 'db'> & { db: Executor },
	userId: string,
	passwordHash: string
) {
	await updateUser(ctx.db, userId, { passwordHash, updatedAt: ctx.now() });
	await deleteOtherSessions(ctx.db, userId, null);
	await deletePendingSignInsOf(ctx.db, userId);
	await deletePasswordResetsOf(ctx.db, userId);
	await dropQueuedMail(ctx.db, userId, 'password_reset');
	await recordSecurityEvent(ctx, userId, 'password.reset');
}

/**
 * High-safety mode: no reset by email at all, only with a recovery code. Needs the password, and
 * recovery codes to turn on; turning it on voids reset links already sent.
 */
export async function setHighSafety(ctx: Ctx, input: HighSafetyInput) {
	const userId = requireUnlocked(ctx);
	const user = await confirmPassword(ctx, userId, input.password);
	if (input.enabled && (await countRecoveryCodesLeft(ctx.db, userId)) === 0) {
		throw new AppError('CONFLICT', m.error_high_safety_needs_codes());
	}
	if (user.highSafety !== input.enabled) {
		await ctx.db.transaction(async (tx) => {
			await updateUser(tx, userId, { highSafety: input.enabled, updatedAt: ctx.now() });
			if (input.enabled) {
				await deletePasswordResetsOf(tx, userId);
				await dropQueuedMail(tx, userId, 'password_reset');
			}
			const kind = input.enabled ? 'high_safety.enabled' : 'high_safety.disabled';
			await recordSecurityEvent({ ...ctx, db: tx }, userId, kind);
		});
		logEvent('account.high_safety_changed', { userId });
	}

	return { highSafety: input.enabled };
}
