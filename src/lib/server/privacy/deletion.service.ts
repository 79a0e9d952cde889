import { eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { users } from '../db/schema';
import { requireUnlocked } from '../access';
import { AppError } from '../errors';
import { logEvent } from '../log';
import { verifyPassword } from '../auth/passwords';
import { assertWithinLimits, LIMITS, recordAttempts } from '../auth/rate-limit';
import { keyedHash } from '../auth/tokens';
import { findUserById } from '../accounts/accounts.queries';
import { endLinkWithin } from '../couples/couples.service';
import { coupleTopic } from '../live/bus';
import * as m from '$lib/paraglide/messages';
import { DELETION_INVENTORY, rowsOf, type DeletedPerson } from './deletion-inventory';
import type { DeleteAccountInput } from './privacy.schemas';

/**
 * Deletes the account for real, in one transaction: the link ends exactly as leaving ends it
 * (silently; the other person just sees no partner), then every row the deletion inventory
 * names goes: what the person wrote, the replies to it, their settings, sessions, invites,
 * rate-limit counters and the account itself. The partner keeps what the partner wrote.
 */
export async function deleteAccount(ctx: Ctx, input: DeleteAccountInput): Promise<void> {
	const userId = requireUnlocked(ctx);
	const buckets = [
		{ key: `delete:user:${keyedHash(ctx.secret, userId)}`, limit: LIMITS.accountDelete }
	];
	await assertWithinLimits(ctx, buckets, userId);
	const user = await findUserById(ctx.db, userId);
	if (!user || !(await verifyPassword(user.passwordHash, input.password))) {
		await recordAttempts(ctx, buckets);
		logEvent('account.delete_failed', { userId });
		throw new AppError('INVALID', m.error_delete_password_wrong(), {
			fields: { password: [m.error_delete_password_wrong()] }
		});
	}
	const person: DeletedPerson = {
		id: userId,
		email: user.email,
		hashes: [keyedHash(ctx.secret, userId), keyedHash(ctx.secret, user.email)]
	};
	const ended = await ctx.db.transaction(async (tx) => {
		await lockAccount(tx, userId);
		const couple = await endLinkWithin(tx, userId, ctx.now());
		for (const entry of DELETION_INVENTORY) {
			await tx.delete(entry.table).where(rowsOf(entry, person));
		}

		return couple;
	});
	logEvent('account.deleted', { userId });
	if (ended !== null) {
		// As after leaving: the couple's open streams re-check and close; it reaches nobody.
		await ctx.live.publish(coupleTopic(ended), { kind: 'couple', id: ended });
	}
}

/** Holds the account row, so a write of this person racing the deletion waits, then fails. */
async function lockAccount(tx: Executor, userId: string) {
	await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
}
