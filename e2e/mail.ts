import path from 'node:path';
import { waitForMailInDir } from '../tests/support/smtp';

/**
 * The browser tests' local SMTP server (started in global-setup.ts) listens on a port derived
 * from E2E_PORT, so two checkouts running side by side each have their own. It writes every
 * mail it receives into MAIL_DIR, where the tests (other processes) read them.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);
export const SMTP_PORT = E2E_PORT + 20_000;
export const MAIL_DIR = path.resolve(import.meta.dirname, '.mail');

/** The first mail to `address`, decoded. */
export function waitForMail(address: string, timeoutMs = 15_000) {
	return waitForMailInDir(MAIL_DIR, address, timeoutMs);
}

/** The reset link in a mail's text. */
export function resetLinkIn(text: string): string {
	const link = /https?:\/\/\S+\/reset\/[\w-]+/.exec(text)?.[0];
	if (!link) {
		throw new Error(`No reset link in: ${text}`);
	}

	return link;
}
