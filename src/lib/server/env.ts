import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	HOST: z.string().min(1).default('127.0.0.1'),
	ORIGIN: z.url().optional(),
	DATA_DIR: z.string().min(1).default('./data'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
		.optional(),
	APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\/[^/]/, 'must look like smtp://host:587 or smtps://user:password@host:465')
		.optional(),
	MAIL_FROM: z.string().min(3).max(200).optional(),
	MIGRATIONS_DIR: z.string().min(1).default('./drizzle')
});

export type Env = {
	port: number;
	host: string;
	origin: string;
	/** True when served over https: cookies get Secure and the __Host- prefix, HSTS is sent. */
	secure: boolean;
	dataDir: string;
	databaseUrl: string | undefined;
	secret: string;
	logLevel: z.infer<typeof schema>['LOG_LEVEL'];
	migrationsDir: string;
	/** The SMTP server for password reset links and account notices; null when there is none. */
	mail: { url: string; from: string } | null;
};

/**
 * Reads and validates the configuration once. Every variable is explained in .env.example.
 * Throws with the name of the first bad variable so the server never starts half-configured.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
	const parsed = schema.safeParse(emptyToUndefined(source));
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`Configuration: ${issue.path.join('.')} ${issue.message}`);
	}
	const raw = parsed.data;
	if (raw.SMTP_URL && !raw.MAIL_FROM) {
		throw new Error(
			'Configuration: MAIL_FROM is needed when SMTP_URL is set, e.g. Tend <tend@example.org>'
		);
	}
	const origin = (raw.ORIGIN ?? `http://localhost:${raw.PORT}`).replace(/\/$/, '');
	const dataDir = path.resolve(raw.DATA_DIR);

	return {
		port: raw.PORT,
		host: raw.HOST,
		origin,
		secure: origin.startsWith('https://'),
		dataDir,
		databaseUrl: raw.DATABASE_URL,
		secret: raw.APP_SECRET ?? readOrCreateSecret(dataDir),
		logLevel: raw.LOG_LEVEL,
		migrationsDir: path.resolve(raw.MIGRATIONS_DIR),
		mail: raw.SMTP_URL && raw.MAIL_FROM ? { url: raw.SMTP_URL, from: raw.MAIL_FROM } : null
	};
}

/** The embedded default keeps its own secret so `npm start` needs no configuration. */
function readOrCreateSecret(dataDir: string): string {
	const file = path.join(dataDir, 'secret');
	fs.mkdirSync(dataDir, { recursive: true });
	try {
		fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), {
			flag: 'wx',
			mode: 0o600
		});
	} catch (error) {
		if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) {
			throw error;
		}
	}

	return fs.readFileSync(file, 'utf8').trim();
}

function emptyToUndefined(source: Record<string, string | undefined>) {
	return Object.fromEntries(
		Object.entries(source).map(([key, value]) => [key, value === '' ? undefined : value])
	);
}
