import type { Db } from './db/client';
import type { Env } from './env';
import { log } from './log';
import { deleteStaleLimits } from './auth/rate-limit';
import { deleteExpiredPendingSignIns } from './accounts/sign-in.queries';
import { deleteExpiredPasswordResets } from './recovery/recovery.queries';
import { pruneSecurityLog } from './security-log/security-log.service';
import { startMailSender } from './mail/sender';

const HOUR = 60 * 60 * 1000;

/** Drops what has expired: rate-limit windows, unfinished sign-ins, reset links, old log entries. */
export async function housekeeping(db: Db, now: Date): Promise<void> {
	await deleteStaleLimits(db, now);
	await deleteExpiredPendingSignIns(db, now);
	await deleteExpiredPasswordResets(db, now);
	await pruneSecurityLog(db, now);
}

/**
 * The server's background work: the mail sender (when SMTP is configured) and hourly
 * housekeeping. Every instance runs both; rows are claimed so nothing is done twice.
 */
export function startBackgroundJobs(db: Db, env: Env): { stop: () => Promise<void> } {
	const now = () => new Date();
	const stopSender = env.mail
		? startMailSender({ db, secret: env.secret, from: env.mail.from, url: env.mail.url, now })
		: null;
	const tidy = () => {
		housekeeping(db, now()).catch(() => log.warn({ event: 'server.housekeeping_failed' }));
	};
	const timer = setInterval(tidy, HOUR);
	timer.unref();

	return {
		stop: async () => {
			clearInterval(timer);
			await stopSender?.();
		}
	};
}
