// GDPR-01..03 over HTTP: the export downloads as documented, shows a person only what they may
// see, and deleting an account removes it for real, leaving the partner what the partner wrote.
import { Validator, type Schema } from '@cfworker/json-schema';
import { expect, test } from 'vitest';
import { Client, link, Person, uniqueEmail, type Answer } from './support/client';
import { describeEachDriver } from './support/drivers';
import type { TestServer } from './support/server';
import { marker } from './support/world';

const today = () => new Date().toISOString().slice(0, 10);

const checkin = (note: string, visibility: 'private' | 'shared') => ({
	mood: 4,
	feelings: ['glad'],
	note,
	visibility
});

/**
 * Sam was linked with Eli (who shared a check-in and an appreciation), left, and is now linked
 * with Pat. Pat shares one thing and keeps a private answer; Oda and Ole are another couple.
 */
async function buildHistory(server: TestServer) {
	const [sam, pat, eli, oda, ole] = await Promise.all(
		['Sam', 'Pat', 'Eli', 'Oda', 'Ole'].map((name) => Person.register(server, { name }))
	);
	const words = Object.fromEntries(
		[
			'eliShared',
			'eliGift',
			'samPrivate',
			'samGift',
			'patShared',
			'patHidden',
			'odaShared',
			'samAnswer'
		].map((label) => [label, `${label}-${marker()}`])
	);
	await link(eli, sam);
	await expectOk(eli.put(`/api/v1/checkins/${today()}`, checkin(words.eliShared, 'shared')));
	await expectOk(eli.post('/api/v1/appreciations', { text: words.eliGift }));
	await expectOk(sam.leave());
	await link(sam, pat);
	await expectOk(sam.put(`/api/v1/checkins/${today()}`, checkin(words.samPrivate, 'private')));
	await expectOk(sam.post('/api/v1/appreciations', { text: words.samGift }));
	await expectOk(sam.post(`/api/v1/questions/${today()}/answer`, { pass: true }));
	await expectOk(pat.put(`/api/v1/checkins/${today()}`, checkin(words.patShared, 'shared')));
	await expectOk(pat.post(`/api/v1/questions/${today()}/answer`, { text: words.patHidden }));
	await link(oda, ole);
	await expectOk(oda.put(`/api/v1/checkins/${today()}`, checkin(words.odaShared, 'shared')));

	return { sam, pat, eli, oda, ole, words };
}

async function expectOk(pending: Promise<Answer>) {
	const answer = await pending;
	expect(answer.status, answer.text).toBeLessThan(300);

	return answer;
}

describeEachDriver('your data', ({ server }) => {
	test('the export downloads as an attachment, never cached, valid against the published schema', async () => {
		const { sam } = await buildHistory(server());
		const answer = await sam.get('/api/v1/me/export');
		const doc = (await new Client(server()).get('/api/v1/openapi.json')).body as {
			components: { schemas: { Export: Schema } };
		};

		expect(answer.status).toBe(200);
		expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
		expect(answer.headers.get('content-disposition')).toMatch(
			/^attachment; filename="export-\d{4}-\d{2}-\d{2}\.json"$/
		);
		expect(answer.headers.get('cache-control')).toMatch(/no-store/);
		const result = new Validator(doc.components.schemas.Export, '2020-12', false).validate(
			answer.body
		);
		expect(result.errors).toEqual([]);
	});

	test('the readable page is an attachment with no script, and escapes what people wrote', async () => {
		const person = await Person.register(server(), { name: '<img src=x onerror=alert(1)>' });
		await expectOk(
			person.put(`/api/v1/checkins/${today()}`, checkin('</p><script>alert(2)</script>', 'private'))
		);
		const answer = await person.get('/api/v1/me/export.html');

		expect(answer.status).toBe(200);
		expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
		expect(answer.headers.get('content-disposition')).toMatch(
			/^attachment; filename="export-\d{4}-\d{2}-\d{2}\.html"$/
		);
		expect(answer.headers.get('cache-control')).toMatch(/no-store/);
		expect(answer.text).not.toMatch(/<script|<img/i);
		expect(answer.text).toContain('&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
		expect(answer.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
	});

	test("an export holds the person's own words and what the partner shares now, nothing else", async () => {
		const { sam, pat, eli, ole, words } = await buildHistory(server());
		const seen = async (person: Person) => {
			const json = (await person.get('/api/v1/me/export')).text;
			const html = (await person.get('/api/v1/me/export.html')).text;

			return `${json}\n${html}`;
		};

		const samSees = await seen(sam);
		for (const own of [words.samPrivate, words.samGift, words.patShared]) {
			expect(samSees).toContain(own);
		}
		for (const hidden of [words.patHidden, words.eliShared, words.eliGift, words.odaShared]) {
			expect(samSees).not.toContain(hidden);
		}
		const patSees = await seen(pat);
		expect(patSees).toContain(words.samGift);
		expect(patSees).not.toContain(words.samPrivate);
		const eliSees = await seen(eli);
		expect(eliSees).toContain(words.eliShared);
		for (const hidden of [words.samPrivate, words.samGift, words.patShared]) {
			expect(eliSees).not.toContain(hidden);
		}
		const oleSees = await seen(ole);
		for (const hidden of Object.values(words).filter((word) => !word.startsWith('oda'))) {
			expect(oleSees).not.toContain(hidden);
		}
		expect(oleSees).toContain(words.odaShared);
	});

	test('deleting needs the password, and a wrong one deletes nothing', async () => {
		const person = await Person.register(server(), { name: 'Kit' });
		const wrong = await person.delete('/api/v1/me', { json: { password: 'not my password' } });

		expect(wrong.status).toBe(400);
		expect((wrong.body as { error: { fields: object } }).error.fields).toHaveProperty('password');
		expect((await person.get('/api/v1/me')).status).toBe(200);
		expect(
			(await new Client(server()).delete('/api/v1/me', { json: { password: 'x' } })).status
		).toBe(401);
	});

	test('a deleted account is gone: signed out everywhere, sign-in fails, the email is free again', async () => {
		const { sam, pat, eli, words } = await buildHistory(server());
		const laptop = await sam.secondDevice();
		const deleted = await sam.delete('/api/v1/me', { json: { password: sam.password } });

		expect(deleted.status).toBe(204);
		expect(deleted.headers.get('clear-site-data')).toMatch(/"cache"/);
		expect(deleted.setCookies.some((line) => /^tend_session=;/.test(line))).toBe(true);
		expect((await sam.get('/api/v1/me')).status).toBe(401);
		expect((await laptop.get('/api/v1/me')).status).toBe(401);
		const signIn = await new Client(server()).post('/api/v1/auth/login', {
			email: sam.email,
			password: sam.password
		});
		expect(signIn.status).toBe(401);

		// The partner just has no partner; what they wrote is theirs, nothing of Sam's is left.
		expect((await pat.me()).partner).toBeNull();
		expect((await pat.get('/api/v1/couple')).status).toBe(404);
		const patSees = (await pat.get('/api/v1/me/export')).text;
		expect(patSees).toContain(words.patShared);
		expect(patSees).toContain(words.patHidden);
		expect(patSees).not.toContain(words.samGift);
		expect(patSees).not.toContain(sam.id);
		expect((await eli.get('/api/v1/couple/past-partners')).body).toEqual({ pastPartners: [] });

		const again = await Person.register(server(), { name: 'Sam', email: sam.email });
		expect(again.id).not.toBe(sam.id);
		expect((await again.me()).partner).toBeNull();
		expect((await again.get('/api/v1/me/export')).text).not.toContain(words.samPrivate);
	});

	test('an email deleted and registered again starts with no partner and no past', async () => {
		const email = uniqueEmail('phoenix');
		const first = await Person.register(server(), { name: 'Fen', email });
		const partner = await Person.register(server(), { name: 'Gil' });
		await link(first, partner);
		expect((await first.delete('/api/v1/me', { json: { password: first.password } })).status).toBe(
			204
		);
		const second = await Person.register(server(), { name: 'Fen', email });

		expect((await second.get('/api/v1/couple/past-partners')).body).toEqual({ pastPartners: [] });
		expect((await partner.get('/api/v1/couple/past-partners')).body).toEqual({ pastPartners: [] });
	});
});
