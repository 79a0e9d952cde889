import type { Ctx } from '../context';
import { requireUnlocked } from '../access';
import { AppError } from '../errors';
import { logEvent } from '../log';
import { confirmPassword } from '../auth/reauth';
import { dropQueuedMail, mailQueued, queueMail } from '../mail/mail.service';
import { deletePasswordResetsOf } from '../recovery/recovery.queries';
import { recordSecurityEvent } from '../security-log/security-log.service';
import * as m from '$lib/paraglide/messages';
import { updateUser } from './accounts.queries';
import { getMe, type MeView } from './accounts.service';
import type { ChangeEmailInput } from './accounts.schemas';

/**
 * A new sign-in address; needs the password. A neutral notice goes to the old address (unless
 * high-safety mode is on: then Tend sends no mail about the account at all), and reset links
 * sent to the old address stop working.
 */
export async function changeEmail(ctx: Ctx, input: ChangeEmailInput): Promise<MeView> {
	const userId = requireUnlocked(ctx);
	const user = await confirmPassword(ctx, userId, input.password);
	if (input.newEmail === user.email) {
		throw new AppError('INVALID', m.error_email_same(), {
			fields: { newEmail: [m.error_email_same()] }
		});
	}
	const notify = ctx.mailEnabled && !user.highSafety;
	try {
		await ctx.db.transaction(async (tx) => {
			await updateUser(tx, userId, { email: input.newEmail, updatedAt: ctx.now() });
			await deletePasswordResetsOf(tx, userId);
			await dropQueuedMail(tx, userId, 'password_reset');
			if (notify) {
				await queueMail(
					{ ...ctx, db: tx },
					{
						userId,
						template: 'email_changed',
						payload: { to: user.email, vars: { origin: ctx.origin } }
					}
				);
			}
			await recordSecurityEvent({ ...ctx, db: tx }, userId, 'email.changed');
		});
	} catch (caught) {
		if (isUniqueViolation(caught)) {
			throw new AppError('CONFLICT', m.error_email_taken(), {
				fields: { newEmail: [m.error_email_taken()] }
			});
		}
		throw caught;
	}
	if (notify) {
		mailQueued();
	}
	logEvent('account.email_changed', { userId });

	return getMe(ctx);
}

function isUniqueViolation(error: unknown): boolean {
	const found = error as { code?: unknown; cause?: { code?: unknown } } | null;

	return found?.code === '23505' || found?.cause?.code === '23505';
}
