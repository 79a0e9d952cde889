import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { seal } from '../auth/sealed';
import { deleteQueuedMailOf, insertMail } from './mail.queries';
import type { MailTemplate, MailVars } from './templates';

/** What is sealed into an outbox row: the recipient and the template's variables. */
export type MailPayload<T extends MailTemplate = MailTemplate> = { to: string; vars: MailVars[T] };

const listeners = new Set<() => void>();

/**
 * Queues a mail in the outbox; the sender loop sends it. Pass a transaction as `db` to queue
 * it together with the change it is about. Call `mailQueued()` after the transaction commits so
 * the sender does not wait for its next round.
 */
export async function queueMail<T extends MailTemplate>(
	ctx: Pick<Ctx, 'now' | 'secret'> & { db: Executor },
	mail: { userId: string; template: T; payload: MailPayload<T>; expiresAt?: Date }
): Promise<void> {
	const now = ctx.now();
	await insertMail(ctx.db, {
		userId: mail.userId,
		template: mail.template,
		payloadSealed: seal(ctx.secret, 'mail-payload', JSON.stringify(mail.payload)),
		nextAttemptAt: now,
		expiresAt: mail.expiresAt ?? null,
		createdAt: now
	});
}

export async function dropQueuedMail(db: Executor, userId: string, template: MailTemplate) {
	await deleteQueuedMailOf(db, userId, template);
}

/** Tells a running sender that there is mail to send now. */
export function mailQueued(): void {
	for (const listener of listeners) {
		listener();
	}
}

export function onMailQueued(listener: () => void): () => void {
	listeners.add(listener);

	return () => listeners.delete(listener);
}
