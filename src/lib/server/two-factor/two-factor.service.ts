import crypto from 'node:crypto';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { requireUnlocked } from '../access';
import { AppError } from '../errors';
import { logEvent } from '../log';
import { findUserById, updateUser } from '../accounts/accounts.queries';
import { confirmPassword } from '../auth/reauth';
import { assertWithinLimits, LIMITS, recordAttempts } from '../auth/rate-limit';
import { seal, unseal } from '../auth/sealed';
import { keyedHash, sha256Hex } from '../auth/tokens';
import { matchTotpStep, newTotpSecret, totpUri } from '../auth/totp';
import { recordSecurityEvent } from '../security-log/security-log.service';
import { deletePendingSignInsOf } from '../accounts/sign-in.queries';
import {
	formatRecoveryCode,
	isAuthenticatorCode,
	normalizeRecoveryCode,
	RECOVERY_CODE_COUNT,
	recoveryCodeFromBytes
} from '$lib/domain/recovery-code';
import * as m from '$lib/paraglide/messages';
import {
	claimTotpStep,
	countUnusedRecoveryCodes,
	deleteTwoFactor,
	findTwoFactor,
	markTwoFactorEnabled,
	replaceRecoveryCodes,
	upsertPendingTwoFactor,
	useRecoveryCode
} from './two-factor.queries';
import type {
	ConfirmPasswordInput,
	DisableTwoFactorInput,
	EnableTwoFactorInput
} from './two-factor.schemas';

export type TwoFactorStatus = { enabled: boolean; pending: boolean; recoveryCodesLeft: number };
export type SecurityOverview = {
	twoFactor: TwoFactorStatus;
	highSafety: boolean;
	/** Whether a reset link can reach this person by email: mail is set up and high-safety is off. */
	emailReset: boolean;
	/** Whether this instance can send email at all. */
	mailEnabled: boolean;
};
/** Shown while setting up: the key to type in, and the address the QR code carries. */
export type TwoFactorSetup = { setupKey: string; otpauthUri: string };
export type RecoveryCodesView = { recoveryCodes: string[] };

export async function getSecurityOverview(ctx: Ctx): Promise<SecurityOverview> {
	const userId = requireUnlocked(ctx);
	const [user, row] = [await findUserById(ctx.db, userId), await findTwoFactor(ctx.db, userId)];
	const enabled = Boolean(row?.enabledAt);
	const highSafety = user?.highSafety ?? false;

	return {
		twoFactor: {
			enabled,
			pending: Boolean(row && !row.enabledAt),
			recoveryCodesLeft: enabled ? await countUnusedRecoveryCodes(ctx.db, userId) : 0
		},
		highSafety,
		emailReset: ctx.mailEnabled && !highSafety,
		mailEnabled: ctx.mailEnabled
	};
}

/** The security settings page: the overview, and the setup in progress if there is one. */
export async function getSecuritySettings(ctx: Ctx) {
	const overview = await getSecurityOverview(ctx);
	const setup = overview.twoFactor.pending ? await findTwoFactorSetup(ctx) : null;

	return { overview, setup };
}

/** Starts (or starts again) setting up an authenticator. Nothing changes at sign-in yet. */
export async function startTwoFactorSetup(ctx: Ctx): Promise<TwoFactorSetup> {
	const userId = requireUnlocked(ctx);
	const secret = newTotpSecret();
	const sealed = seal(ctx.secret, 'totp-secret', secret);
	if (!(await upsertPendingTwoFactor(ctx.db, userId, sealed, ctx.now()))) {
		throw new AppError('CONFLICT', m.error_two_factor_already_on());
	}
	logEvent('two_factor.setup_started', { userId });

	return setupView(ctx, userId, secret);
}

/** The setup in progress, to show again (e.g. after a reload), or null. */
export async function findTwoFactorSetup(ctx: Ctx): Promise<TwoFactorSetup | null> {
	const userId = requireUnlocked(ctx);
	const row = await findTwoFactor(ctx.db, userId);
	const secret = row && !row.enabledAt ? unseal(ctx.secret, 'totp-secret', row.secretSealed) : null;

	return secret ? setupView(ctx, userId, secret) : null;
}

async function setupView(ctx: Ctx, userId: string, secret: string): Promise<TwoFactorSetup> {
	const user = await findUserById(ctx.db, userId);

	return { setupKey: secret, otpauthUri: totpUri(secret, user?.email ?? 'Tend') };
}

/**
 * Switches two-step sign-in on once the person shows a current code from their app, and gives
 * them their recovery codes: shown this once, only hashes kept.
 */
export async function enableTwoFactor(
	ctx: Ctx,
	input: EnableTwoFactorInput
): Promise<RecoveryCodesView> {
	const userId = requireUnlocked(ctx);
	const row = await findTwoFactor(ctx.db, userId);
	if (row?.enabledAt) {
		throw new AppError('CONFLICT', m.error_two_factor_already_on());
	}
	const secret = row ? unseal(ctx.secret, 'totp-secret', row.secretSealed) : null;
	if (!secret) {
		throw new AppError('CONFLICT', m.error_two_factor_no_setup());
	}
	const buckets = codeBuckets(ctx, userId);
	await assertWithinLimits(ctx, buckets, userId);
	const step = matchTotpStep(secret, input.code, ctx.now());
	if (step === null) {
		await failCode(ctx, userId, buckets);
	}
	const codes = newRecoveryCodes();
	const now = ctx.now();
	const enabled = await ctx.db.transaction(async (tx) => {
		if (!(await markTwoFactorEnabled(tx, userId, step ?? 0, now))) {
			return false;
		}
		await replaceRecoveryCodes(tx, userId, codes.map(hashRecoveryCode), now);
		await recordSecurityEvent({ ...ctx, db: tx }, userId, 'two_factor.enabled');

		return true;
	});
	if (!enabled) {
		throw new AppError('CONFLICT', m.error_two_factor_already_on());
	}
	logEvent('two_factor.enabled', { userId });

	return { recoveryCodes: codes.map(formatRecoveryCode) };
}

/** Needs the password and a code (or a recovery code). High-safety mode goes off with it. */
export async function disableTwoFactor(ctx: Ctx, input: DisableTwoFactorInput): Promise<void> {
	const userId = requireUnlocked(ctx);
	await requireEnabled(ctx, userId);
	const user = await confirmPassword(ctx, userId, input.password);
	const buckets = codeBuckets(ctx, userId);
	await assertWithinLimits(ctx, buckets, userId);
	if (!(await verifySecondFactor(ctx, userId, input.code))) {
		await failCode(ctx, userId, buckets);
	}
	await ctx.db.transaction(async (tx) => {
		const txCtx = { ...ctx, db: tx };
		await deleteTwoFactor(tx, userId);
		await deletePendingSignInsOf(tx, userId);
		await recordSecurityEvent(txCtx, userId, 'two_factor.disabled');
		if (user.highSafety) {
			await updateUser(tx, userId, { highSafety: false, updatedAt: ctx.now() });
			await recordSecurityEvent(txCtx, userId, 'high_safety.disabled');
		}
	});
	logEvent('two_factor.disabled', { userId });
}

/** A new set of recovery codes; every code of the old set stops working. Needs the password. */
export async function regenerateRecoveryCodes(
	ctx: Ctx,
	input: ConfirmPasswordInput
): Promise<RecoveryCodesView> {
	const userId = requireUnlocked(ctx);
	await requireEnabled(ctx, userId);
	await confirmPassword(ctx, userId, input.password);
	const codes = newRecoveryCodes();
	await ctx.db.transaction(async (tx) => {
		await replaceRecoveryCodes(tx, userId, codes.map(hashRecoveryCode), ctx.now());
		await recordSecurityEvent({ ...ctx, db: tx }, userId, 'recovery_codes.regenerated');
	});
	logEvent('two_factor.recovery_codes_regenerated', { userId });

	return { recoveryCodes: codes.map(formatRecoveryCode) };
}

/**
 * Checks a second factor of a person whose two-step sign-in is on: a current authenticator code
 * not used before (each 30-second step works once), or an unused recovery code (used up by
 * this). Which one was used, or null.
 */
export async function verifySecondFactor(
	ctx: Pick<Ctx, 'secret' | 'now'> & { db: Executor },
	userId: string,
	code: string
): Promise<'authenticator' | 'recovery_code' | null> {
	const row = await findTwoFactor(ctx.db, userId);
	if (!row?.enabledAt) {
		return null;
	}
	if (isAuthenticatorCode(code)) {
		const secret = unseal(ctx.secret, 'totp-secret', row.secretSealed);
		const step = secret ? matchTotpStep(secret, code, ctx.now()) : null;

		return step !== null && (await claimTotpStep(ctx.db, userId, step)) ? 'authenticator' : null;
	}
	return (await consumeRecoveryCode(ctx, userId, code)) ? 'recovery_code' : null;
}

/** Uses up one unused recovery code of the person; false when it is not one. */
export async function consumeRecoveryCode(
	ctx: Pick<Ctx, 'now'> & { db: Executor },
	userId: string,
	code: string
): Promise<boolean> {
	const normalized = normalizeRecoveryCode(code);

	return normalized
		? useRecoveryCode(ctx.db, userId, hashRecoveryCode(normalized), ctx.now())
		: false;
}

export async function countRecoveryCodesLeft(db: Executor, userId: string): Promise<number> {
	return (await isTwoFactorOn(db, userId)) ? countUnusedRecoveryCodes(db, userId) : 0;
}

export async function isTwoFactorOn(db: Executor, userId: string): Promise<boolean> {
	return Boolean((await findTwoFactor(db, userId))?.enabledAt);
}

export function hashRecoveryCode(normalized: string): string {
	return sha256Hex(`recovery:${normalized}`);
}

function newRecoveryCodes(): string[] {
	return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
		recoveryCodeFromBytes(crypto.randomBytes(10))
	);
}

async function requireEnabled(ctx: Ctx, userId: string) {
	if (!(await isTwoFactorOn(ctx.db, userId))) {
		throw new AppError('CONFLICT', m.error_two_factor_off());
	}
}

function codeBuckets(ctx: Ctx, userId: string) {
	return [{ key: `2fa:user:${keyedHash(ctx.secret, userId)}`, limit: LIMITS.twoFactorCode }];
}

async function failCode(
	ctx: Ctx,
	userId: string,
	buckets: ReturnType<typeof codeBuckets>
): Promise<never> {
	await recordAttempts(ctx, buckets);
	logEvent('two_factor.code_failed', { userId });
	throw new AppError('INVALID', m.error_code_wrong(), { fields: { code: [m.error_code_wrong()] } });
}
