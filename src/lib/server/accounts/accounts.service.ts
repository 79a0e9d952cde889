import type { Ctx } from '../context';
import { findPartnerLink, requireUnlocked, requireUser } from '../access';
import { AppError } from '../errors';
import { logEvent } from '../log';
import { checkNewPassword, hashPassword, verifyPassword } from '../auth/passwords';
import { assertWithinLimits, LIMITS, recordAttempts } from '../auth/rate-limit';
import { keyedHash } from '../auth/tokens';
import { deleteOtherSessions } from '../sessions/sessions.queries';
import { startSession } from '../sessions/sessions.service';
import { recordSecurityEvent } from '../security-log/security-log.service';
import * as m from '$lib/paraglide/messages';
import type { PasswordProblem } from '$lib/domain/password-policy';
import { findUserById, insertUser, updateUser, type UserRow } from './accounts.queries';
import type { ChangePasswordInput, RegisterInput, UpdateProfileInput } from './accounts.schemas';

export type UserView = { id: string; email: string; name: string };
export type MeView = {
	user: UserView;
	partner: { id: string; name: string } | null;
	/** The person's own settings; never shown to anyone else. */
	profile: { timeZone: string; onboarded: boolean };
};

export function toUserView(user: UserRow): UserView {
	return { id: user.id, email: user.email, name: user.name };
}

/** Creates an account and signs the person in. They start unlinked and not yet onboarded. */
export async function registerAccount(ctx: Ctx, input: RegisterInput) {
	const buckets = [{ key: `register:client:${ctx.clientKey}`, limit: LIMITS.register }];
	await assertWithinLimits(ctx, buckets);
	await recordAttempts(ctx, buckets);
	assertPasswordAllowed(input.password, input);
	const now = ctx.now();
	const user = await insertUser(ctx.db, {
		email: input.email,
		name: input.name,
		passwordHash: await hashPassword(input.password),
		createdAt: now,
		updatedAt: now
	});
	if (!user) {
		throw new AppError('CONFLICT', m.error_register_conflict());
	}
	logEvent('account.registered', { userId: user.id });
	await recordSecurityEvent(ctx, user.id, 'account.created');

	return { user: toUserView(user), session: await startSession(ctx, user.id) };
}

export async function getMe(ctx: Ctx): Promise<MeView> {
	const userId = requireUser(ctx);
	const user = await findUserById(ctx.db, userId);
	if (!user) {
		throw new AppError('UNAUTHENTICATED', m.error_sign_in_first());
	}
	const link = await findPartnerLink(ctx.db, userId);

	return {
		user: toUserView(user),
		partner: link?.partner ?? null,
		profile: { timeZone: user.timeZone, onboarded: user.onboardedAt !== null }
	};
}

/** Name and time zone; the first save also marks onboarding as done. */
export async function updateProfile(ctx: Ctx, input: UpdateProfileInput): Promise<MeView> {
	const userId = requireUser(ctx);
	const now = ctx.now();
	const current = await findUserById(ctx.db, userId);
	await updateUser(ctx.db, userId, {
		...(input.name !== undefined ? { name: input.name } : {}),
		...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
		...(current?.onboardedAt ? {} : { onboardedAt: now }),
		updatedAt: now
	});
	logEvent('account.profile_updated', { userId });

	return getMe(ctx);
}

/** Needs the current password; ends every other session of the person. */
export async function changePassword(ctx: Ctx, input: ChangePasswordInput) {
	const userId = requireUnlocked(ctx);
	const buckets = [
		{ key: `password:user:${keyedHash(ctx.secret, userId)}`, limit: LIMITS.passwordChange }
	];
	await assertWithinLimits(ctx, buckets, userId);
	const user = await findUserById(ctx.db, userId);
	if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
		await recordAttempts(ctx, buckets);
		logEvent('account.password_change_failed', { userId });
		throw new AppError('INVALID', m.error_current_password_wrong(), {
			fields: { currentPassword: [m.error_current_password_wrong()] }
		});
	}
	assertPasswordAllowed(input.newPassword, user, 'newPassword');
	const passwordHash = await hashPassword(input.newPassword);
	await ctx.db.transaction(async (tx) => {
		await updateUser(tx, userId, { passwordHash, updatedAt: ctx.now() });
		await deleteOtherSessions(tx, userId, ctx.sessionId);
		await recordSecurityEvent({ ...ctx, db: tx }, userId, 'password.changed');
	});
	logEvent('account.password_changed', { userId });
}

export function assertPasswordAllowed(
	password: string,
	context: { email?: string; name?: string },
	field = 'password'
) {
	const problem = checkNewPassword(password, context);
	if (problem) {
		const message = passwordProblemMessage(problem);
		throw new AppError('INVALID', message, { fields: { [field]: [message] } });
	}
}

function passwordProblemMessage(problem: PasswordProblem): string {
	switch (problem) {
		case 'too_short':
			return m.password_too_short();
		case 'too_long':
			return m.password_too_long();
		case 'common':
			return m.password_common();
		case 'personal':
			return m.password_personal();
	}
}
