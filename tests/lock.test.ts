import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { Client, errorCode, linkedPair, Person, type Answer } from './support/client';
import { describeEachDriver } from './support/drivers';

/**
 * Private areas re-lock (SAFE-09) and quick exit (SAFE-13) over HTTP: while a session is locked,
 * its private pages, their page data (`__data.json`) and the private API answer nothing private,
 * and the shared space goes on. The idle timing itself is covered with a controlled clock in
 * the service tests; here a session is locked the way quick exit does it.
 */

const NEUTRAL = 'https://neutral.example/weather';
const resourcesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-help-'));
const resourcesFile = path.join(resourcesDir, 'resources.yaml');
fs.writeFileSync(
	resourcesFile,
	'en:\n  - name: "Harbour Support Line"\n    description: "Listens in confidence, day and night."\n    phone: "0800 123 456"\n'
);

const today = () => new Date().toISOString().slice(0, 10);
const PRIVATE_PAGES = [
	'/history',
	'/settings',
	'/settings/sessions',
	'/settings/password',
	'/settings/practice',
	'/settings/lock'
];

/** Finishes onboarding, which the signed-in pages otherwise send a new person to first. */
async function onboard(person: Person) {
	expect((await person.patch('/api/v1/me', { timeZone: 'UTC' })).status).toBe(200);
}

async function lockedPair(server: Parameters<typeof linkedPair>[0], secret: string) {
	const [self, partner] = await linkedPair(server, ['Rae', 'Tom']);
	await onboard(self);
	await onboard(partner);
	const saved = await self.put(`/api/v1/checkins/${today()}`, {
		mood: 2,
		feelings: ['tired'],
		note: secret,
		visibility: 'private'
	});
	expect(saved.status, saved.text).toBe(200);
	const shared = await partner.put(`/api/v1/checkins/${today()}`, {
		mood: 4,
		feelings: ['glad'],
		note: 'shared with Rae',
		visibility: 'shared'
	});
	expect(shared.status, shared.text).toBe(200);
	expect((await self.post('/api/v1/lock')).status).toBe(204);

	return [self, partner] as const;
}

describeEachDriver(
	'private areas while locked',
	({ server }) => {
		test('page data of private pages points to the unlock page and holds nothing else', async () => {
			const secret = `SECRET-${crypto.randomUUID()}`;
			const [self] = await lockedPair(server(), secret);

			for (const page of PRIVATE_PAGES) {
				const html = await self.get(page);
				expect(html.status, page).toBe(303);
				expect(html.headers.get('location'), page).toBe(`/unlock?next=${encodeURIComponent(page)}`);
				// Also when only the page's own data is asked for: its load checks the lock itself.
				for (const query of ['', '?x-sveltekit-invalidated=001']) {
					const data = await self.get(`${page}/__data.json${query}`);
					expect(data.status, page).toBe(200);
					expect(data.body, page).toMatchObject({
						type: 'redirect',
						location: `/unlock?next=${encodeURIComponent(page)}`
					});
					expect(data.text, page).not.toContain(secret);
				}
			}
		});

		test('Today stays open with the shared space, without the private check-in', async () => {
			const secret = `SECRET-${crypto.randomUUID()}`;
			const [self] = await lockedPair(server(), secret);

			for (const answer of [
				await self.get('/today'),
				await self.get('/today/__data.json'),
				await self.get('/api/v1/today'),
				await self.get('/api/v1/appreciations'),
				await self.get(`/api/v1/questions/${today()}`)
			]) {
				expect(answer.status).toBe(200);
				expect(answer.text).not.toContain(secret);
			}
			expect((await self.get('/today')).text).toContain('shared with Rae');
			expect((await self.get('/api/v1/today')).body).toMatchObject({
				locked: true,
				checkin: null,
				rhythm: null
			});
		});

		test('the private API answers 423 LOCKED until the person unlocks', async () => {
			const secret = `SECRET-${crypto.randomUUID()}`;
			const [self, partner] = await lockedPair(server(), secret);
			const range = `?from=${today()}&to=${today()}`;
			const attempts: [string, Answer][] = [
				['checkins', await self.get(`/api/v1/checkins${range}`)],
				['sessions', await self.get('/api/v1/sessions')],
				['end sessions', await self.delete('/api/v1/sessions')],
				['past partners', await self.get('/api/v1/couple/past-partners')],
				['practice', await self.get('/api/v1/settings/practice')],
				['lock settings', await self.get('/api/v1/settings/lock')],
				['pin', await self.put('/api/v1/settings/lock/pin', { pin: '4827', currentPassword: 'x' })],
				[
					'check-in',
					await self.put(`/api/v1/checkins/${today()}`, {
						mood: 3,
						feelings: ['glad'],
						visibility: 'shared'
					})
				],
				[
					'password',
					await self.post('/api/v1/me/password', {
						currentPassword: self.password,
						newPassword: 'something new entirely'
					})
				]
			];
			for (const [label, answer] of attempts) {
				expect(answer.status, label).toBe(423);
				expect(errorCode(answer), label).toBe('LOCKED');
				expect(answer.text, label).not.toContain(secret);
			}
			expect((await self.get('/api/v1/me')).status).toBe(200);
			expect((await self.get('/api/v1/lock')).body).toMatchObject({
				lock: { locked: true, secondsLeft: 0, pin: 'none' }
			});
			// The partner's own session is not touched by this one's lock.
			expect((await partner.get('/api/v1/sessions')).status).toBe(200);

			const wrong = await self.post('/api/v1/lock/unlock', { password: 'not the password' });
			expect(wrong.status).toBe(400);
			expect((await self.post('/api/v1/lock/unlock', { password: self.password })).status).toBe(
				204
			);
			const open = await self.get(`/api/v1/checkins${range}`);
			expect(open.status).toBe(200);
			expect(open.text).toContain(secret);
			expect((await self.get('/history/__data.json')).text).toContain(secret);
		});

		test('a form posted to a private page while locked changes nothing', async () => {
			const [self] = await lockedPair(server(), 'unused');
			const laptop = await self.secondDevice();
			const posted = await self.request('POST', '/settings/sessions?/endOthers', {
				body: new URLSearchParams({}),
				headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
			});
			expect(posted.status).toBe(303);
			expect(posted.headers.get('location')).toMatch(/^\/unlock\?next=/);
			expect((await laptop.get('/api/v1/me')).status).toBe(200);
		});

		test('unlocking by PIN through the page form; the PIN pauses after five wrong tries a day', async () => {
			const person = await Person.register(server(), { name: 'Uli' });
			await onboard(person);
			const set = await person.put('/api/v1/settings/lock/pin', {
				pin: '4827',
				currentPassword: person.password
			});
			expect(set.status, set.text).toBe(204);
			expect((await person.post('/api/v1/lock')).status).toBe(204);
			const page = await person.get('/unlock?next=%2Fhistory');
			expect(page.status).toBe(200);
			expect(page.text).toContain('Your private pages are locked');

			const form = (pin: string) =>
				person.request('POST', '/unlock?/pin', {
					body: new URLSearchParams({ pin, next: '/history' }),
					headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
				});
			const wrong = await form('1119');
			expect(wrong.status).toBe(400);
			expect(wrong.text).toContain('That PIN isn');
			expect(wrong.text).not.toContain('1119');
			const right = await form('4827');
			expect(right.status).toBe(303);
			expect(right.headers.get('location')).toBe('/history');
			expect((await person.get('/history')).status).toBe(200);

			expect((await person.post('/api/v1/lock')).status).toBe(204);
			// A right PIN does not wipe the slate: the wrong one above counts, so four more make five.
			for (let i = 0; i < 4; i += 1) {
				expect((await person.post('/api/v1/lock/unlock', { pin: `220${i}` })).status).toBe(400);
			}
			const paused = await person.post('/api/v1/lock/unlock', { pin: '4827' });
			expect(paused.status).toBe(429);
			expect((await person.get('/api/v1/lock')).body).toMatchObject({
				lock: { locked: true, pin: 'blocked' }
			});
			expect((await person.post('/api/v1/lock/unlock', { password: person.password })).status).toBe(
				204
			);
		});

		test('quick exit is on every signed-in page, a plain link to the neutral site', async () => {
			const person = await Person.register(server(), { name: 'Vic' });
			await onboard(person);
			const invite = await (await Person.register(server(), { name: 'Xan' })).invite();
			const joinPage = `/join/${invite.replace(/-/g, '')}`;
			for (const page of ['/home', '/today', '/partner', '/settings', '/help', joinPage]) {
				const answer = await person.get(page);
				expect(answer.status, page).toBe(200);
				expect(answer.text, page).toMatch(
					new RegExp(`<a class="quick-exit[^"]*" href="${NEUTRAL}"[^>]*>Quick exit</a>`)
				);
			}
		});
	},
	{ env: { QUICK_EXIT_URL: NEUTRAL } }
);

describeEachDriver(
	'the help page and the operator notice',
	({ server }) => {
		test('is there for anyone, signed out, under a plain title, with the operator’s services', async () => {
			const answer = await new Client(server()).get('/help');
			expect(answer.status).toBe(200);
			expect(answer.text).toContain('<title>Help</title>');
			expect(answer.text).toContain(`href="${NEUTRAL}"`);
			for (const words of [
				'Leaving in a hurry',
				'history',
				'emergency number',
				'Harbour Support Line',
				'href="tel:0800123456"',
				'Riverside Counselling',
				'help@riverside.example',
				'end-to-end encrypted'
			]) {
				expect(answer.text, words).toContain(words);
			}
		});

		test('tells a new person who runs the instance while they set up', async () => {
			const person = await Person.register(server(), { name: 'Wyn' });
			const onboarding = await person.get('/onboarding');
			expect(onboarding.status).toBe(200);
			expect(onboarding.text).toContain('This Tend is run by Riverside Counselling.');
			expect(onboarding.text).toContain('neither you nor your partner runs');
		});
	},
	{
		env: {
			QUICK_EXIT_URL: NEUTRAL,
			OPERATOR_NAME: 'Riverside Counselling',
			OPERATOR_CONTACT: 'help@riverside.example',
			HELP_RESOURCES_FILE: resourcesFile
		}
	}
);
