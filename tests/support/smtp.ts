/**
 * A local SMTP server for tests: the app is pointed at it (SMTP_URL=smtp://127.0.0.1:<port>)
 * and the test reads what arrives. Loopback only, no TLS, no login. Mail is kept in memory,
 * and also written to `dir` when given (for browser tests, whose workers are other processes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export type CaughtMail = {
	to: string[];
	subject: string;
	from: string;
	/** The decoded plain-text body. */
	text: string;
	raw: string;
};

export type MailCatcher = {
	port: number;
	url: string;
	mails: CaughtMail[];
	/** The first mail to `address` that arrives within `timeoutMs`, or an error. */
	waitFor: (address: string, timeoutMs?: number) => Promise<CaughtMail>;
	stop: () => Promise<void>;
};

export async function startMailCatcher(
	options: { port?: number; dir?: string } = {}
): Promise<MailCatcher> {
	const mails: CaughtMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		size: 1024 * 1024,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				const to = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
				const mail = parseMail(raw, to);
				mails.push(mail);
				if (options.dir) {
					fs.mkdirSync(options.dir, { recursive: true });
					const name = `${Date.now()}-${Math.random().toString(36).slice(2)}.json`;
					fs.writeFileSync(path.join(options.dir, name), JSON.stringify(mail));
				}
				callback();
			});
		}
	});
	const port = await new Promise<number>((resolve, reject) => {
		server.server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			const address = server.server.address();
			resolve(typeof address === 'object' && address ? address.port : 0);
		});
	});

	return {
		port,
		url: `smtp://127.0.0.1:${port}`,
		mails,
		waitFor: (address, timeoutMs = 15_000) =>
			waitForMail(() => mails, address.toLowerCase(), timeoutMs),
		stop: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

/** Reads mail that a catcher in another process wrote to `dir`. */
export function waitForMailInDir(dir: string, address: string, timeoutMs = 15_000) {
	const read = () =>
		fs.existsSync(dir)
			? fs
					.readdirSync(dir)
					.sort()
					.map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as CaughtMail)
			: [];

	return waitForMail(read, address.toLowerCase(), timeoutMs);
}

async function waitForMail(
	list: () => CaughtMail[],
	address: string,
	timeoutMs: number
): Promise<CaughtMail> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const found = list().find((mail) => mail.to.includes(address));
		if (found) {
			return found;
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`No mail to ${address} arrived within ${timeoutMs} ms.`);
}

/** Headers and a plain-text body, decoding quoted-printable and base64 as nodemailer writes them. */
function parseMail(raw: string, to: string[]): CaughtMail {
	const split = raw.indexOf('\r\n\r\n');
	const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
	const body = raw.slice(split + 4);
	const header = (name: string) =>
		new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
	const encoding = header('Content-Transfer-Encoding').toLowerCase();
	let text = body;
	if (encoding === 'quoted-printable') {
		text = Buffer.from(
			body
				.replace(/=\r?\n/g, '')
				.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
			'latin1'
		).toString('utf8');
	} else if (encoding === 'base64') {
		text = Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
	}

	return {
		to,
		subject: decodeWords(header('Subject')),
		from: decodeWords(header('From')),
		text: text.replace(/\r\n/g, '\n'),
		raw
	};
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= or =?UTF-8?B?…?=) in headers. */
function decodeWords(value: string): string {
	return value.replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, kind: string, data: string) =>
		kind.toLowerCase() === 'b'
			? Buffer.from(data, 'base64').toString('utf8')
			: Buffer.from(
					data
						.replace(/_/g, ' ')
						.replace(/=([0-9A-F]{2})/gi, (__, hex: string) =>
							String.fromCharCode(parseInt(hex, 16))
						),
					'latin1'
				).toString('utf8')
	);
}
