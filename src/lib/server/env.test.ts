import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUICK_EXIT_URL, loadEnv } from './env';

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

describe('safety settings', () => {
	it('sends quick exit to a neutral site by default, or where the operator says', () => {
		const dir = tempDir();
		expect(loadEnv({ DATA_DIR: dir }).quickExitUrl).toBe(DEFAULT_QUICK_EXIT_URL);
		expect(
			loadEnv({ DATA_DIR: dir, QUICK_EXIT_URL: 'https://weather.example/today' }).quickExitUrl
		).toBe('https://weather.example/today');
	});

	it.each([
		'javascript:alert(1)',
		'/somewhere',
		'ftp://files.example/',
		'http://localhost:3000/elsewhere'
	])('refuses %s as the quick exit address', (url) => {
		expect(() => loadEnv({ DATA_DIR: tempDir(), QUICK_EXIT_URL: url })).toThrow(/QUICK_EXIT_URL/);
	});

	it('names the operator only when told', () => {
		const dir = tempDir();
		expect(loadEnv({ DATA_DIR: dir }).operator).toEqual({ name: null, contact: null });
		expect(
			loadEnv({ DATA_DIR: dir, OPERATOR_NAME: ' Riverside Counselling ', OPERATOR_CONTACT: '' })
				.operator
		).toEqual({ name: 'Riverside Counselling', contact: null });
	});

	it('reads support services for the help page from a file, per locale', () => {
		const dir = tempDir();
		const file = path.join(dir, 'resources.yaml');
		fs.writeFileSync(
			file,
			'en:\n  - name: "Local support line"\n    phone: "0800 000 000"\n    url: "https://support.example/"\n'
		);
		expect(loadEnv({ DATA_DIR: dir }).helpResources).toEqual({});
		expect(loadEnv({ DATA_DIR: dir, HELP_RESOURCES_FILE: file }).helpResources).toEqual({
			en: [{ name: 'Local support line', phone: '0800 000 000', url: 'https://support.example/' }]
		});
	});

	it.each([
		['en:\n  - phone: "112"\n', /HELP_RESOURCES_FILE en\.0\.name/],
		['en:\n  - name: "x"\n    url: "javascript:alert(1)"\n', /HELP_RESOURCES_FILE en\.0\.url/],
		['en: [unclosed', /HELP_RESOURCES_FILE cannot be read/]
	])('refuses a bad support list and says where: %j', (text, message) => {
		const dir = tempDir();
		const file = path.join(dir, 'resources.yaml');
		fs.writeFileSync(file, text);
		expect(() => loadEnv({ DATA_DIR: dir, HELP_RESOURCES_FILE: file })).toThrow(message);
	});

	it('says so when the support list is missing', () => {
		const dir = tempDir();
		expect(() =>
			loadEnv({ DATA_DIR: dir, HELP_RESOURCES_FILE: path.join(dir, 'nope.yaml') })
		).toThrow(/HELP_RESOURCES_FILE cannot be read/);
	});
});
