import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client, errorCode, link, PASSWORD, Person, uniqueEmail } from './support/client';
import { describeEachDriver } from './support/drivers';
import { availableDrivers, startServer, type TestServer } from './support/server';
import { startMailCatcher, type MailCatcher } from './support/smtp';
import { nextCode, turnOnTwoFactor } from './support/two-factor';
import { buildWorld } from './support/world';

const NEW_PASSWORD = 'a new path by the river';

for (const driver of availableDrivers()) {
	describe(`account security over HTTP [${driver}]`, () => {
		let mail: MailCatcher | undefined;
		let running: TestServer | undefined;
		const server = () => {
			if (!running) {
				throw new Error('The server has not started.');
			}

			return running;
		};
		const mailbox = () => {
			if (!mail) {
				throw new Error('The mail catcher has not started.');
			}

			return mail;
		};

		beforeAll(async () => {
			mail = await startMailCatcher();
			running = await startServer({
				driver,
				env: { SMTP_URL: mail.url, MAIL_FROM: 'Tend <tend@tend.test>' }
			});
		});
		afterAll(async () => {
			await running?.stop();
			await mail?.stop();
		});

		test('with two-step sign-in on, login answers 202 with a ticket and no session; the code signs in', async () => {
			const person = await Person.register(server(), { name: 'Tove' });
			const { setupKey } = await turnOnTwoFactor(person);
			const browser = new Client(server());
			const first = await browser.post('/api/v1/auth/login', {
				email: person.email,
				password: person.password
			});
			expect(first.status).toBe(202);
			const { secondStep } = first.body as { secondStep: { ticket: string; expiresAt: string } };
			expect(secondStep.ticket.length).toBeGreaterThanOrEqual(43);
			expect(Date.parse(secondStep.expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60_000);
			expect(first.setCookies.some((line) => line.startsWith('tend_session='))).toBe(false);
			expect((await browser.get('/api/v1/me')).status).toBe(401);

			const code = nextCode(setupKey);
			const second = await browser.post('/api/v1/auth/login/second-step', {
				ticket: secondStep.ticket,
				code
			});
			expect(second.status, second.text).toBe(200);
			expect(second.body).toEqual({
				user: { id: person.id, email: person.email, name: person.name }
			});
			expect(second.setCookies.find((line) => line.startsWith('tend_session='))).toMatch(
				/HttpOnly/i
			);
			expect((await browser.get('/api/v1/me')).status).toBe(200);

			// The same code again, with a new ticket: refused (replay).
			const again = await new Client(server()).post('/api/v1/auth/login', {
				email: person.email,
				password: person.password
			});
			const replay = await new Client(server()).post('/api/v1/auth/login/second-step', {
				ticket: (again.body as { secondStep: { ticket: string } }).secondStep.ticket,
				code
			});
			expect(replay.status).toBe(401);
			expect(errorCode(replay)).toBe('UNAUTHENTICATED');
		});

		test('wrong codes end in 429 with Retry-After; a recovery code still works from the owner’s device', async () => {
			const person = await Person.register(server(), { name: 'Ugo' });
			// Signing in once gives this browser a device cookie for the account.
			const phone = await person.secondDevice();
			const { codes } = await turnOnTwoFactor(person);
			let last = 0;
			for (let i = 0; i < 12 && last !== 429; i++) {
				const attacker = new Client(server());
				const step = await attacker.post('/api/v1/auth/login', {
					email: person.email,
					password: person.password
				});
				const { ticket } = (step.body as { secondStep: { ticket: string } }).secondStep;
				const answer = await attacker.post('/api/v1/auth/login/second-step', {
					ticket,
					code: '000000'
				});
				last = answer.status;
				if (last === 429) {
					expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
				}
			}
			expect(last).toBe(429);

			// The owner's phone, known to the account, has a bucket of its own.
			const step = await phone.post('/api/v1/auth/login', {
				email: person.email,
				password: person.password
			});
			const answer = await phone.post('/api/v1/auth/login/second-step', {
				ticket: (step.body as { secondStep: { ticket: string } }).secondStep.ticket,
				code: codes[0]
			});
			expect(answer.status, answer.text).toBe(200);
		});

		test('reset by email through SMTP: a neutral mail, a link that works once, every session ends', async () => {
			const person = await Person.register(server(), { name: 'Wren' });
			const laptop = await person.secondDevice();
			const asked = await new Client(server()).post('/api/v1/auth/password-reset', {
				email: person.email
			});
			expect(asked.status).toBe(202);
			expect(asked.text).toBe('');

			const message = await mailbox().waitFor(person.email);
			expect(message.subject).toBe('Your Tend account');
			expect(message.from).toContain('tend@tend.test');
			expect(message.text).not.toContain('Wren');
			const link = /http:\/\/127\.0\.0\.1:\d+\/reset\/([\w-]+)/.exec(message.text);
			expect(link, message.text).not.toBeNull();
			const token = link?.[1] ?? '';
			expect((await new Client(server()).get(`/reset/${token}`)).status).toBe(200);

			const done = await new Client(server()).post('/api/v1/auth/password-reset/confirm', {
				token,
				newPassword: NEW_PASSWORD
			});
			expect(done.status, done.text).toBe(204);
			expect((await person.get('/api/v1/me')).status).toBe(401);
			expect((await laptop.get('/api/v1/me')).status).toBe(401);
			const twice = await new Client(server()).post('/api/v1/auth/password-reset/confirm', {
				token,
				newPassword: 'and yet another password'
			});
			expect(twice.status).toBe(404);
			const signIn = await new Client(server()).post('/api/v1/auth/login', {
				email: person.email,
				password: NEW_PASSWORD
			});
			expect(signIn.status).toBe(200);
		});

		test('reset requests answer alike, in about the same time, for known, unknown and high-safety accounts', async () => {
			const careful = await Person.register(server(), { name: 'Yara' });
			await turnOnTwoFactor(careful);
			expect(
				(await careful.put('/api/v1/me/high-safety', { enabled: true, password: PASSWORD })).status
			).toBe(200);
			const people = await Promise.all(
				[0, 1, 2, 3, 4].map((i) => Person.register(server(), { name: `Zia ${i}` }))
			);
			const ask = (email: string) =>
				new Client(server()).post('/api/v1/auth/password-reset', { email });

			const highSafety = await ask(careful.email);
			const unknown = await ask(uniqueEmail('nobody'));
			const known = await ask(people[0].email);
			for (const answer of [highSafety, unknown]) {
				expect(answer.status).toBe(known.status);
				expect(answer.text).toBe(known.text);
			}
			const times: { known: number[]; unknown: number[] } = { known: [], unknown: [] };
			for (let i = 0; i < 10; i++) {
				times.known.push((await ask(people[i % 5].email)).ms);
				times.unknown.push((await ask(uniqueEmail('nobody'))).ms);
			}
			expect(Math.abs(median(times.known) - median(times.unknown))).toBeLessThan(50);

			await mailbox().waitFor(people[0].email);
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expect(mailbox().mails.some((m) => m.to.includes(careful.email))).toBe(false);
		});

		test('reset requests are limited per account, with Retry-After', async () => {
			const person = await Person.register(server(), { name: 'Ines' });
			const statuses = [];
			for (let i = 0; i < 4; i++) {
				const answer = await new Client(server()).post('/api/v1/auth/password-reset', {
					email: person.email
				});
				statuses.push(answer.status);
				if (answer.status === 429) {
					expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
				}
			}
			expect(statuses).toEqual([202, 202, 202, 429]);
		});

		test('a recovery code resets the password in high-safety mode, once', async () => {
			const person = await Person.register(server(), { name: 'Odile' });
			const { codes } = await turnOnTwoFactor(person);
			await person.put('/api/v1/me/high-safety', { enabled: true, password: PASSWORD });
			const reset = (recoveryCode: string) =>
				new Client(server()).post('/api/v1/auth/recovery-reset', {
					email: person.email,
					recoveryCode,
					newPassword: NEW_PASSWORD
				});
			expect((await reset(codes[3])).status).toBe(204);
			expect((await person.get('/api/v1/me')).status).toBe(401);
			const used = await reset(codes[3]);
			const unknown = await new Client(server()).post('/api/v1/auth/recovery-reset', {
				email: uniqueEmail('nobody'),
				recoveryCode: codes[4],
				newPassword: NEW_PASSWORD
			});
			expect(used.status).toBe(401);
			expect(unknown.status).toBe(401);
			expect(used.text).toBe(unknown.text);
		});

		test('changing the email needs the password and sends a neutral notice to the old address', async () => {
			const person = await Person.register(server(), { name: 'Quinn' });
			const newEmail = uniqueEmail('moved');
			const refused = await person.post('/api/v1/me/email', {
				newEmail,
				password: 'not mine at all'
			});
			expect(refused.status).toBe(400);
			const changed = await person.post('/api/v1/me/email', { newEmail, password: PASSWORD });
			expect(changed.status, changed.text).toBe(200);
			expect((changed.body as { user: { email: string } }).user.email).toBe(newEmail);

			const notice = await mailbox().waitFor(person.email);
			expect(notice.subject).toBe('Your Tend account');
			expect(notice.text).not.toContain(newEmail);
			expect(notice.text).not.toContain('Quinn');
			expect(mailbox().mails.some((m) => m.to.includes(newEmail))).toBe(false);
		});

		test('the security log is its owner’s alone: partner, ex and others see nothing of it, not even a count', async () => {
			const world = await buildWorld(server());
			const watchers = [world.partner, world.ex, world.other];
			const before = await Promise.all(watchers.map(everythingSeenBy));

			await turnOnTwoFactor(world.self);
			await world.self.post('/api/v1/me/password', {
				currentPassword: PASSWORD,
				newPassword: NEW_PASSWORD
			});
			await world.self.delete('/api/v1/sessions');
			await world.self.put('/api/v1/me/high-safety', { enabled: true, password: NEW_PASSWORD });
			await world.self.post('/api/v1/me/two-factor/recovery-codes', { password: NEW_PASSWORD });
			const step = await new Client(server()).post('/api/v1/auth/login', {
				email: world.self.email,
				password: NEW_PASSWORD
			});
			await new Client(server()).post('/api/v1/auth/login/second-step', {
				ticket: (step.body as { secondStep: { ticket: string } }).secondStep.ticket,
				code: 'XXXX-XXXX-XXXX-XXXX'
			});

			const own = (await world.self.get('/api/v1/me/security-log')).body as {
				events: { kind: string }[];
			};
			expect(own.events.map((event) => event.kind)).toEqual(
				expect.arrayContaining([
					'sign_in.second_step_failed',
					'recovery_codes.regenerated',
					'high_safety.enabled',
					'sessions.others_ended',
					'password.changed',
					'two_factor.enabled'
				])
			);
			const after = await Promise.all(watchers.map(everythingSeenBy));
			expect(after).toEqual(before);
		});
	});
}

describeEachDriver('without SMTP configured', ({ server }) => {
	test('a reset request answers 409 and the page says this instance cannot send email', async () => {
		const person = await Person.register(server(), { name: 'Ada' });
		const answer = await new Client(server()).post('/api/v1/auth/password-reset', {
			email: person.email
		});
		expect(answer.status).toBe(409);
		expect(errorCode(answer)).toBe('CONFLICT');
		const page = await new Client(server()).get('/forgot');
		expect(page.text).toContain("This Tend can't send email");
		expect((await person.get('/api/v1/me/security')).body).toMatchObject({
			mailEnabled: false,
			emailReset: false
		});
	});

	test('the partner link shows in both logs; leaving, only in the log of the one who left', async () => {
		const [a, b] = [
			await Person.register(server(), { name: 'Bo' }),
			await Person.register(server(), { name: 'Cy' })
		];
		await link(a, b);
		await b.leave();
		const kinds = async (person: Person) =>
			(
				(await person.get('/api/v1/me/security-log')).body as { events: { kind: string }[] }
			).events.map((event) => event.kind);
		expect(await kinds(a)).toEqual(['partner.linked', 'account.created']);
		expect(await kinds(b)).toEqual(['partner.left', 'partner.linked', 'account.created']);
	});
});

/** Every GET answer of the API, as this person sees it, without times that move by themselves. */
async function everythingSeenBy(person: Person) {
	const paths = [
		'/api/v1/me',
		'/api/v1/me/security',
		'/api/v1/me/security-log',
		'/api/v1/couple',
		'/api/v1/couple/past-partners',
		'/api/v1/today',
		'/api/v1/appreciations'
	];
	const seen: Record<string, string> = {};
	for (const path of paths) {
		const answer = await person.get(path);
		seen[path] = `${answer.status} ${answer.text}`;
	}

	return seen;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);

	return sorted[Math.floor(sorted.length / 2)];
}
