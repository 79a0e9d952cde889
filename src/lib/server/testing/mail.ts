import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { mailOutbox } from '../db/schema';
import { unseal } from '../auth/sealed';
import type { MailPayload } from '../mail/mail.service';
import { TEST_SECRET } from './factories';

/** The queued mail about one person, opened with the test secret. */
export async function queuedMailOf(db: Db, userId: string) {
	const rows = await db.select().from(mailOutbox).where(eq(mailOutbox.userId, userId));

	return rows.map((row) => ({
		template: row.template,
		expiresAt: row.expiresAt,
		payload: JSON.parse(
			unseal(TEST_SECRET, 'mail-payload', row.payloadSealed) ?? 'null'
		) as MailPayload
	}));
}

/** The token at the end of a reset link. */
export function tokenOf(link: string): string {
	return link.split('/reset/')[1] ?? '';
}
