import nodemailer from 'nodemailer';
import type { Db } from '../db/client';
import { log, logEvent } from '../log';
import { unseal } from '../auth/sealed';
import { claimDueMail, deleteClaimedMail, releaseMail, type MailRow } from './mail.queries';
import { onMailQueued, type MailPayload } from './mail.service';
import { isMailTemplate, renderMail, type MailTemplate, type MailVars } from './templates';

export type OutgoingMail = { from: string; to: string; subject: string; text: string };
export type SendFn = (mail: OutgoingMail) => Promise<void>;

export type SenderDeps = {
	db: Db;
	secret: string;
	from: string;
	send: SendFn;
	now: () => Date;
};

/** A row is kept from other senders this long while one sends it. */
export const MAIL_LEASE_MS = 2 * 60 * 1000;
/** After this many failed tries a mail is dropped. */
export const MAIL_MAX_ATTEMPTS = 8;
const BATCH = 10;
const POLL_MS = 5_000;

/** 30 s, 1 min, 2 min, … at most an hour between tries. */
export function retryDelayMs(attempts: number): number {
	return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

export type SendRound = { sent: number; retried: number; dropped: number };

/** One round: claim due mail, send each, delete what was sent, give back what failed. */
export async function sendDueMail(deps: SenderDeps): Promise<SendRound> {
	const now = deps.now();
	const rows = await claimDueMail(deps.db, now, new Date(now.getTime() + MAIL_LEASE_MS), BATCH);
	const round: SendRound = { sent: 0, retried: 0, dropped: 0 };
	for (const row of rows) {
		round[await sendOne(deps, row, now)] += 1;
	}

	return round;
}

async function sendOne(deps: SenderDeps, row: MailRow, now: Date): Promise<keyof SendRound> {
	const mail = row.expiresAt && row.expiresAt <= now ? null : openRow(deps, row);
	if (!mail) {
		await deleteClaimedMail(deps.db, row);
		logEvent('mail.dropped', { userId: row.userId });

		return 'dropped';
	}
	try {
		await deps.send(mail);
	} catch (caught) {
		log.warn({
			event: 'mail.failed',
			userId: row.userId,
			attempt: row.attempts,
			...reason(caught)
		});
		if (row.attempts >= MAIL_MAX_ATTEMPTS) {
			await deleteClaimedMail(deps.db, row);
			logEvent('mail.dropped', { userId: row.userId });

			return 'dropped';
		}
		await releaseMail(deps.db, row, new Date(now.getTime() + retryDelayMs(row.attempts)));

		return 'retried';
	}
	await deleteClaimedMail(deps.db, row);
	logEvent('mail.sent', { userId: row.userId });

	return 'sent';
}

/** The mail a row stands for, or null when it cannot be read (the server secret changed). */
function openRow(deps: SenderDeps, row: MailRow): OutgoingMail | null {
	const json = unseal(deps.secret, 'mail-payload', row.payloadSealed);
	if (!json || !isMailTemplate(row.template)) {
		return null;
	}
	const payload = JSON.parse(json) as MailPayload;
	const rendered = renderMail(row.template, payload.vars as MailVars[MailTemplate]);

	return { from: deps.from, to: payload.to, ...rendered };
}

/** An SMTP error's code (ECONNECTION, EAUTH …) and reply code: never its text, which can quote addresses. */
function reason(caught: unknown): { reason?: string; smtpStatus?: number } {
	const error = caught as { code?: unknown; responseCode?: unknown };
	const code =
		typeof error?.code === 'string' && /^E[A-Z]+$/.test(error.code) ? error.code : undefined;
	const status = typeof error?.responseCode === 'number' ? error.responseCode : undefined;

	return { reason: code, smtpStatus: status };
}

/** An SMTP sender for an `smtp://` or `smtps://` address. */
export function smtpSend(url: string): { send: SendFn; close: () => void } {
	const transport = nodemailer.createTransport({
		url,
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 30_000
	});

	return {
		send: async (mail) => {
			await transport.sendMail({ ...mail, headers: { 'Auto-Submitted': 'auto-generated' } });
		},
		close: () => transport.close()
	};
}

/**
 * The sender loop of this server: a round every few seconds, and one at once when a request
 * queues mail. Rounds never overlap. Returns a stop function that waits (a little) for the
 * current round.
 */
export function startMailSender(deps: Omit<SenderDeps, 'send'> & { url: string }) {
	const smtp = smtpSend(deps.url);
	let running: Promise<void> | null = null;
	let again = false;
	let stopped = false;

	const round = () => {
		if (stopped) {
			return;
		}
		if (running) {
			again = true;

			return;
		}
		running = sendDueMail({ ...deps, send: smtp.send })
			.then(() => undefined)
			.catch((caught: unknown) => {
				log.warn({ event: 'mail.round_failed', ...reason(caught) });
			})
			.finally(() => {
				running = null;
				if (again) {
					again = false;
					round();
				}
			});
	};

	const timer = setInterval(round, POLL_MS);
	timer.unref();
	const unsubscribe = onMailQueued(round);
	round();

	return async () => {
		stopped = true;
		clearInterval(timer);
		unsubscribe();
		// A slow SMTP server must not hold up shutdown: an unfinished send is retried later.
		await Promise.race([running, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
		smtp.close();
	};
}
