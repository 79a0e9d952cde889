import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tend-env-'));

describe('loadEnv', () => {
	it('needs nothing: localhost defaults and a generated secret kept in the data dir', () => {
		const dir = tempDir();
		const env = loadEnv({ DATA_DIR: dir });
		expect(env).toMatchObject({
			port: 3000,
			host: '127.0.0.1',
			origin: 'http://localhost:3000',
			secure: false
		});
		expect(env.secret.length).toBeGreaterThanOrEqual(32);
		expect(loadEnv({ DATA_DIR: dir }).secret).toBe(env.secret);
		expect(fs.statSync(path.join(dir, 'secret')).mode & 0o077).toBe(0);
	});

	it('derives the origin from PORT and marks https origins secure', () => {
		const dir = tempDir();
		expect(loadEnv({ DATA_DIR: dir, PORT: '8080' }).origin).toBe('http://localhost:8080');
		expect(loadEnv({ DATA_DIR: dir, ORIGIN: 'https://tend.example/' })).toMatchObject({
			origin: 'https://tend.example',
			secure: true
		});
	});

	it.each([
		[{ PORT: 'abc' }, /PORT/],
		[{ ORIGIN: 'not a url' }, /ORIGIN/],
		[{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
		[{ APP_SECRET: 'short' }, /APP_SECRET/],
		[{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
		[{ SMTP_URL: 'http://mail.example' }, /SMTP_URL/],
		[{ SMTP_URL: 'smtp://mail.example:587' }, /MAIL_FROM/]
	])('refuses a bad setting and names it: %o', (source, name) => {
		expect(() => loadEnv({ DATA_DIR: tempDir(), ...source })).toThrow(name);
	});

	it('uses APP_SECRET when given', () => {
		const secret = 'x'.repeat(40);
		expect(loadEnv({ DATA_DIR: tempDir(), APP_SECRET: secret }).secret).toBe(secret);
	});

	it('has no mail without SMTP_URL, and mail with SMTP_URL and MAIL_FROM', () => {
		expect(loadEnv({ DATA_DIR: tempDir() }).mail).toBeNull();
		expect(
			loadEnv({
				DATA_DIR: tempDir(),
				SMTP_URL: 'smtps://tend:pw@mail.example:465',
				MAIL_FROM: 'Tend <tend@mail.example>'
			}).mail
		).toEqual({ url: 'smtps://tend:pw@mail.example:465', from: 'Tend <tend@mail.example>' });
	});
});
