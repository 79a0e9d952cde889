import fs from 'node:fs';
import { startMailCatcher } from '../tests/support/smtp';
import { MAIL_DIR, SMTP_PORT } from './mail';

/** Starts the local SMTP server the app sends its mail to during the browser tests. */
export default async function globalSetup() {
	fs.rmSync(MAIL_DIR, { recursive: true, force: true });
	const catcher = await startMailCatcher({ port: SMTP_PORT, dir: MAIL_DIR });

	return async () => {
		await catcher.stop();
	};
}
