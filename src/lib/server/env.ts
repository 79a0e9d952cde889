import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** Where quick exit goes unless the operator chooses: a plain, everyday page. */
export const DEFAULT_QUICK_EXIT_URL = 'https://www.wikipedia.org/';

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
	MIGRATIONS_DIR: z.string().min(1).default('./drizzle'),
	QUICK_EXIT_URL: z
		.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
		.default(DEFAULT_QUICK_EXIT_URL),
	OPERATOR_NAME: z.string().trim().max(120).optional(),
	OPERATOR_CONTACT: z.string().trim().max(200).optional(),
	HELP_RESOURCES_FILE: z.string().min(1).optional()
});

/**
 * Support services the operator lists on the help page, per locale (e.g. `en:`), each with a
 * name and any of a description, a phone number and a web address.
 */
const resourceSchema = z.strictObject({
	name: z.string().trim().min(1).max(120),
	description: z.string().trim().max(400).optional(),
	phone: z.string().trim().max(40).optional(),
	url: z.url({ protocol: /^https?$/ }).optional()
});
const resourcesFileSchema = z.record(
	z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'keys are locales such as en or pt-BR'),
	z.array(resourceSchema).max(30)
);
export type HelpResource = z.infer<typeof resourceSchema>;

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
	/** The neutral page quick exit goes to. */
	quickExitUrl: string;
	/** Who runs this instance, for the operator notice; null when not said. */
	operator: { name: string | null; contact: string | null };
	/** Support services for the help page, by locale; empty when the operator lists none. */
	helpResources: Record<string, HelpResource[]>;
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
	if (new URL(raw.QUICK_EXIT_URL).origin === new URL(origin).origin) {
		// Back from a page of Tend itself would show Tend again.
		throw new Error('Configuration: QUICK_EXIT_URL must be a site other than Tend itself');
	}
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
		mail: raw.SMTP_URL && raw.MAIL_FROM ? { url: raw.SMTP_URL, from: raw.MAIL_FROM } : null,
		quickExitUrl: raw.QUICK_EXIT_URL,
		operator: { name: raw.OPERATOR_NAME || null, contact: raw.OPERATOR_CONTACT || null },
		helpResources: raw.HELP_RESOURCES_FILE ? readHelpResources(raw.HELP_RESOURCES_FILE) : {}
	};
}

function readHelpResources(file: string): Record<string, HelpResource[]> {
	let data: unknown;
	try {
		data = parseYaml(fs.readFileSync(path.resolve(file), 'utf8'));
	} catch (error) {
		const reason = error instanceof Error ? error.message.split('\n')[0] : 'unreadable';
		throw new Error(`Configuration: HELP_RESOURCES_FILE cannot be read (${reason})`, {
			cause: error
		});
	}
	const parsed = resourcesFileSchema.safeParse(data);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`Configuration: HELP_RESOURCES_FILE ${issue.path.join('.')} ${issue.message}`);
	}

	return parsed.data;
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
