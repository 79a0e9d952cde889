import { expect, test } from 'vitest';
import { API_OPERATIONS } from '../src/lib/server/openapi';
import {
	allKeys,
	errorCode,
	link,
	PASSWORD,
	Person,
	uniqueEmail,
	type Answer,
	Client
} from './support/client';
import { describeEachDriver } from './support/drivers';
import { nextCode, turnOnTwoFactor } from './support/two-factor';
import { key, scanApiOperations, type Method } from './support/routes';
import type { TestServer } from './support/server';
import { openStream } from './support/stream';
import { ACTORS, buildWorld, type ActorName, type World } from './support/world';

type Statuses = [anonymous: number, self: number, partner: number, ex: number, other: number];

type Row = {
	method: Method;
	path: string;
	expect: Statuses;
	/** Fills `{id}` (or, given a record, each `{name}`) with objects of `self` (once per world). */
	id?: (world: World) => Promise<string | Record<string, string>>;
	body?: (
		world: World,
		who: ActorName,
		server: TestServer,
		ids?: Record<string, string>
	) => unknown;
	/** A live event stream: opened as a browser would, its status read, then closed. */
	stream?: boolean;
	/** Each actor gets a world of its own: one actor's success would change another's answer. */
	isolated?: boolean;
	/** A query string for the request (the row's path stays the route's path). */
	query?: () => string;
};

/** The first of the receiving responses (a partner may meet a shared answer only with these). */
const RECEIVING = 'receiving-thank-you';

/** Today in UTC, the time zone every actor of a world has. */
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) =>
	new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** A check-in of `self`, shared with its partner (the same one for every cell of a world). */
const sharedCheckinOfSelf = async (world: World) => {
	const answer = await world.self.put(`/api/v1/checkins/${today()}`, {
		mood: 3,
		feelings: ['glad'],
		visibility: 'shared'
	});

	return (answer.body as { checkin: { id: string } }).checkin.id;
};

/** A Closer of `self` and its partner on one shared phone (so it is running at once). */
const conversationOfSelf = async (world: World) => {
	const answer = await world.self.post('/api/v1/conversations', {
		kind: 'closer',
		mode: 'one-phone'
	});

	return (answer.body as { conversation: { id: string } }).conversation.id;
};

type ConversationBody = { conversation: { seq: number; prompt: { id: string } } };
const conversationSeen = async (world: World, id: string) =>
	((await world.self.get(`/api/v1/conversations/${id}`)).body as ConversationBody).conversation;

/** The conversation and an answer of `self` in it, private or shared with the partner. */
const answerOfSelf = (visibility: 'private' | 'shared') => async (world: World) => {
	const id = await conversationOfSelf(world);
	const { prompt } = await conversationSeen(world, id);
	const answer = await world.self.post(`/api/v1/conversations/${id}/answers`, {
		promptId: prompt.id,
		text: 'an answer of my own',
		visibility
	});

	return { id, answerId: (answer.body as { answer: { id: string } }).answer.id };
};

const NEW_PASSWORD = 'a quiet field in june';

const ownCredentials = (world: World, who: ActorName) =>
	who === 'anonymous'
		? { email: uniqueEmail('nobody'), password: PASSWORD }
		: { email: world[who].email, password: world[who].password };

/** The open invite code of someone new and unlinked, so only an unlinked joiner can succeed. */
const freshInviteCode = async (server: TestServer) =>
	(await Person.register(server, { name: 'Uma' })).invite();

/** Another live session of `self`, not the one its actor uses. */
const otherSessionOfSelf = async (world: World) => {
	const device = await world.self.secondDevice();
	const current = (await device.sessionIds()).find((session) => session.current);

	return current?.id ?? '';
};

/** The actor as a signed-in person (every actor but `anonymous`). */
const personOf = (world: World, who: ActorName) => world[who] as Person;

/** Two-step sign-in turned on for the actor; its key and recovery codes. */
const withTwoFactor = (world: World, who: ActorName) => turnOnTwoFactor(personOf(world, who));

/** A second-step ticket and a fresh code of the actor's own account. */
const secondStepOf = async (world: World, who: ActorName, server: TestServer) => {
	if (who === 'anonymous') {
		return { ticket: 'not-a-ticket', code: '123456' };
	}
	const { setupKey } = await withTwoFactor(world, who);
	const me = personOf(world, who);
	const step = await new Client(server).post('/api/v1/auth/login', {
		email: me.email,
		password: me.password
	});

	return {
		ticket: (step.body as { secondStep: { ticket: string } }).secondStep.ticket,
		code: nextCode(setupKey)
	};
};

/**
 * Every API route × method × actor. Objects in paths belong to `self`; every other actor calls as
 * itself. Cells run in the order of ACTORS, so `self` (the owner) comes last and its success
 * shows that nobody before it changed or removed its object.
 */
// prettier-ignore
const MATRIX: Row[] = [
	//                                                          anon  self  partner ex   other
	{ method: 'POST',   path: '/api/v1/auth/register',      expect: [201, 201, 201, 201, 201],
		body: () => ({ email: uniqueEmail('new'), password: PASSWORD, name: 'Newcomer' }) },
	{ method: 'POST',   path: '/api/v1/auth/login',         expect: [401, 200, 200, 200, 200],
		body: ownCredentials },
	{ method: 'POST',   path: '/api/v1/auth/login/second-step', expect: [401, 200, 200, 200, 200],
		body: secondStepOf },
	{ method: 'POST',   path: '/api/v1/auth/logout',        expect: [204, 204, 204, 204, 204] },
	{ method: 'POST',   path: '/api/v1/auth/password-reset', expect: [202, 202, 202, 202, 202],
		body: (world, who) => ({ email: ownCredentials(world, who).email }) },
	{ method: 'POST',   path: '/api/v1/auth/password-reset/confirm',
		                                                      expect: [404, 404, 404, 404, 404],
		body: () => ({ token: 'not-a-real-token-not-a-real-token-00000000', newPassword: NEW_PASSWORD }) },
	{ method: 'POST',   path: '/api/v1/auth/recovery-reset', expect: [401, 204, 204, 204, 204],
		body: async (world, who) => ({
			email: ownCredentials(world, who).email,
			recoveryCode: who === 'anonymous' ? 'AAAA-BBBB-CCCC-DDDD' : (await withTwoFactor(world, who)).codes[0],
			newPassword: NEW_PASSWORD
		}) },
	{ method: 'GET',    path: '/api/v1/me',                 expect: [401, 200, 200, 200, 200] },
	{ method: 'PATCH',  path: '/api/v1/me',                 expect: [401, 200, 200, 200, 200],
		body: () => ({ timeZone: 'Europe/Paris' }) },
	{ method: 'DELETE', path: '/api/v1/me',                 expect: [401, 204, 204, 204, 204],
		body: (world, who) => ({ password: who === 'anonymous' ? PASSWORD : world[who].password }) },
	{ method: 'GET',    path: '/api/v1/me/export',          expect: [401, 200, 200, 200, 200] },
	{ method: 'GET',    path: '/api/v1/me/export.html',     expect: [401, 200, 200, 200, 200] },
	{ method: 'POST',   path: '/api/v1/me/password',        expect: [401, 204, 204, 204, 204],
		body: (world, who) => ({
			currentPassword: who === 'anonymous' ? PASSWORD : world[who].password,
			newPassword: NEW_PASSWORD
		}) },
	{ method: 'POST',   path: '/api/v1/me/email',           expect: [401, 200, 200, 200, 200],
		body: (world, who) => ({ newEmail: uniqueEmail('moved'), password: ownCredentials(world, who).password }) },
	{ method: 'PUT',    path: '/api/v1/me/high-safety',     expect: [401, 200, 200, 200, 200],
		body: async (world, who) => {
			if (who !== 'anonymous') {
				await withTwoFactor(world, who);
			}

			return { enabled: true, password: ownCredentials(world, who).password };
		} },
	{ method: 'GET',    path: '/api/v1/me/security',        expect: [401, 200, 200, 200, 200] },
	{ method: 'GET',    path: '/api/v1/me/security-log',    expect: [401, 200, 200, 200, 200] },
	{ method: 'POST',   path: '/api/v1/me/two-factor/setup', expect: [401, 200, 200, 200, 200] },
	{ method: 'POST',   path: '/api/v1/me/two-factor/enable', expect: [401, 200, 200, 200, 200],
		body: async (world, who) => {
			if (who === 'anonymous') {
				return { code: '123456' };
			}
			const setup = await personOf(world, who).post('/api/v1/me/two-factor/setup');

			return { code: nextCode((setup.body as { setupKey: string }).setupKey) };
		} },
	{ method: 'POST',   path: '/api/v1/me/two-factor/disable', expect: [401, 204, 204, 204, 204],
		body: async (world, who) => ({
			password: ownCredentials(world, who).password,
			code: who === 'anonymous' ? '123456' : nextCode((await withTwoFactor(world, who)).setupKey)
		}) },
	{ method: 'POST',   path: '/api/v1/me/two-factor/recovery-codes', expect: [401, 200, 200, 200, 200],
		body: async (world, who) => {
			if (who !== 'anonymous') {
				await withTwoFactor(world, who);
			}

			return { password: ownCredentials(world, who).password };
		} },
	{ method: 'GET',    path: '/api/v1/sessions',           expect: [401, 200, 200, 200, 200] },
	{ method: 'DELETE', path: '/api/v1/sessions',           expect: [401, 204, 204, 204, 204] },
	{ method: 'DELETE', path: '/api/v1/sessions/{id}',      expect: [401, 204, 404, 404, 404],
		id: otherSessionOfSelf },
	{ method: 'GET',    path: '/api/v1/couple',             expect: [401, 200, 200, 404, 200] },
	{ method: 'DELETE', path: '/api/v1/couple',             expect: [401, 204, 204, 404, 204],
		isolated: true },
	{ method: 'GET',    path: '/api/v1/couple/invites',     expect: [401, 200, 200, 200, 200] },
	{ method: 'POST',   path: '/api/v1/couple/invites',     expect: [401, 409, 409, 201, 409] },
	{ method: 'DELETE', path: '/api/v1/couple/invites',     expect: [401, 204, 204, 204, 204] },
	{ method: 'POST',   path: '/api/v1/couple/join',        expect: [401, 409, 409, 200, 409],
		body: async (_world, _who, server) => ({ code: await freshInviteCode(server) }) },
	{ method: 'GET',    path: '/api/v1/couple/past-partners', expect: [401, 200, 200, 200, 200] },
	{ method: 'PUT',    path: '/api/v1/couple/past-partners/{id}/block',
		                                                      expect: [401, 200, 404, 404, 404],
		id: async (world) => world.ex.id, body: () => ({ blocked: true }) },
	{ method: 'GET',    path: '/api/v1/today',              expect: [401, 200, 200, 200, 200] },
	{ method: 'GET',    path: '/api/v1/feelings',           expect: [401, 200, 200, 200, 200] },
	{ method: 'GET',    path: '/api/v1/checkins',           expect: [401, 200, 200, 200, 200],
		query: () => `?from=${daysAgo(30)}&to=${today()}` },
	{ method: 'PUT',    path: '/api/v1/checkins/{date}',    expect: [401, 200, 200, 200, 200],
		body: () => ({ mood: 4, feelings: ['glad', 'cheerful'], note: 'a note', visibility: 'shared' }) },
	{ method: 'GET',    path: '/api/v1/questions/{date}',   expect: [401, 200, 200, 200, 200] },
	{ method: 'POST',   path: '/api/v1/questions/{date}/answer',
		                                                      expect: [401, 200, 200, 200, 200],
		body: () => ({ text: 'an answer of my own' }) },
	{ method: 'POST',   path: '/api/v1/questions/{date}/followup',
		                                                      expect: [401, 404, 404, 404, 404],
		body: () => ({ text: 'tell me more?' }) },
	{ method: 'GET',    path: '/api/v1/appreciations',      expect: [401, 200, 200, 200, 200] },
	{ method: 'POST',   path: '/api/v1/appreciations',      expect: [401, 201, 201, 201, 201],
		body: () => ({ text: 'thank you for the tea this morning' }) },
	{ method: 'POST',   path: '/api/v1/appreciations/share-kept',
		                                                      expect: [401, 200, 200, 404, 200] },
	{ method: 'POST',   path: '/api/v1/coach/appreciation', expect: [401, 200, 200, 200, 200],
		body: () => ({ text: 'you are great' }) },
	{ method: 'POST',   path: '/api/v1/responses',          expect: [401, 404, 201, 404, 404],
		body: async (world) => ({ itemType: 'checkin', itemId: await sharedCheckinOfSelf(world), kind: 'hear-you' }) },
	{ method: 'GET',    path: '/api/v1/settings/practice',  expect: [401, 200, 200, 200, 200] },
	{ method: 'PUT',    path: '/api/v1/settings/practice',  expect: [401, 200, 200, 200, 200],
		body: () => ({ depth: 'light', kinds: ['emotional'], avoidTopics: ['money'] }) },
	{ method: 'GET',    path: '/api/v1/lock',               expect: [401, 200, 200, 200, 200] },
	{ method: 'POST',   path: '/api/v1/lock',               expect: [401, 204, 204, 204, 204] },
	{ method: 'POST',   path: '/api/v1/lock/activity',      expect: [401, 200, 200, 200, 200] },
	{ method: 'POST',   path: '/api/v1/lock/unlock',        expect: [401, 204, 204, 204, 204],
		body: (world, who) => ({ password: who === 'anonymous' ? PASSWORD : world[who].password }) },
	{ method: 'GET',    path: '/api/v1/settings/lock',      expect: [401, 200, 200, 200, 200] },
	{ method: 'PUT',    path: '/api/v1/settings/lock',      expect: [401, 200, 200, 200, 200],
		body: () => ({ idleMinutes: 5 }) },
	{ method: 'PUT',    path: '/api/v1/settings/lock/pin',  expect: [401, 204, 204, 204, 204],
		body: (world, who) => ({
			pin: '4827',
			currentPassword: who === 'anonymous' ? PASSWORD : world[who].password
		}) },
	{ method: 'DELETE', path: '/api/v1/settings/lock/pin',  expect: [401, 204, 204, 204, 204] },
	{ method: 'GET',    path: '/api/v1/conversations',      expect: [401, 200, 200, 200, 200] },
	{ method: 'POST',   path: '/api/v1/conversations',      expect: [401, 201, 200, 201, 201],
		body: () => ({ kind: 'phones-down' }) },
	{ method: 'GET',    path: '/api/v1/conversations/guide', expect: [401, 200, 200, 200, 200] },
	{ method: 'GET',    path: '/api/v1/conversations/{id}', expect: [401, 200, 200, 404, 404],
		id: conversationOfSelf },
	{ method: 'POST',   path: '/api/v1/conversations/{id}/join', expect: [401, 200, 200, 404, 404],
		id: conversationOfSelf },
	{ method: 'POST',   path: '/api/v1/conversations/{id}/advance', expect: [401, 200, 200, 404, 404],
		id: conversationOfSelf,
		body: async (world, _who, _server, ids) => ({ at: (await conversationSeen(world, ids?.id ?? '')).seq }) },
	{ method: 'POST',   path: '/api/v1/conversations/{id}/pause', expect: [401, 200, 200, 404, 404],
		id: conversationOfSelf },
	{ method: 'POST',   path: '/api/v1/conversations/{id}/resume', expect: [401, 200, 200, 404, 404],
		id: conversationOfSelf },
	{ method: 'POST',   path: '/api/v1/conversations/{id}/opt-in', expect: [401, 409, 409, 404, 404],
		id: conversationOfSelf, body: () => ({ for: 'me' }) },
	{ method: 'POST',   path: '/api/v1/conversations/{id}/end', expect: [401, 200, 200, 404, 404],
		id: conversationOfSelf },
	{ method: 'POST',   path: '/api/v1/conversations/{id}/answers', expect: [401, 200, 200, 404, 404],
		id: conversationOfSelf,
		body: async (world, _who, _server, ids) => ({
			promptId: (await conversationSeen(world, ids?.id ?? '')).prompt.id,
			text: 'what I would say',
			visibility: 'private'
		}) },
	{ method: 'POST',   path: '/api/v1/conversations/{id}/answers/{answerId}/share',
		                                                      expect: [401, 200, 404, 404, 404],
		id: answerOfSelf('private') },
	{ method: 'POST',   path: '/api/v1/conversations/{id}/answers/{answerId}/responses',
		                                                      expect: [401, 404, 201, 404, 404],
		id: answerOfSelf('shared'), body: () => ({ responseId: RECEIVING }) },
	{ method: 'GET',    path: '/api/v1/events',             expect: [401, 200, 200, 200, 200],
		stream: true },
	{ method: 'GET',    path: '/api/v1/openapi.json',       expect: [200, 200, 200, 200, 200] },
	{ method: 'GET',    path: '/api/v1/health',             expect: [200, 200, 200, 200, 200] }
];

/** Keys that must never appear in any answer, at any depth. */
const FORBIDDEN_KEYS = [
	'passwordHash',
	'password_hash',
	'password',
	'tokenHash',
	'token_hash',
	'token',
	'codeHash',
	'code_hash',
	'secret',
	'endedAt',
	'ended_at',
	'blockedAt',
	'closedAt',
	'coupleId',
	'userId',
	'inviterId'
];

test('the matrix, the route files and API_OPERATIONS list the same operations', () => {
	// One order for all three lists (route files are scanned in locale order).
	const scanned = scanApiOperations().map(key).sort();
	const inMatrix = MATRIX.map(key).sort();
	const documented = Object.entries(API_OPERATIONS)
		.flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
		.sort();

	expect(scanned.length).toBeGreaterThan(10);
	expect(inMatrix, 'every route file method needs a row in MATRIX').toEqual(scanned);
	expect(documented, 'API_OPERATIONS must list every route file method').toEqual(scanned);
});

/** Mail is on (reset requests are accepted) but goes to a closed loopback port: nothing leaves. */
const WITH_MAIL = { env: { SMTP_URL: 'smtp://127.0.0.1:9', MAIL_FROM: 'Tend <tend@tend.test>' } };

describeEachDriver(
	'authorization matrix',
	({ server }) => {
		// Reads change nothing (security.test.ts checks that), so all GET rows share one world.
		let readWorld: Promise<World> | undefined;
		const worldFor = (row: Row) =>
			row.method === 'GET' ? (readWorld ??= buildWorld(server())) : buildWorld(server());

		test.each(MATRIX.map((row) => [key(row), row] as const))('%s', async (_name, row) => {
			const actual = {} as Record<ActorName, number>;
			const shared = row.isolated ? undefined : await worldFor(row);
			const sharedId = shared && row.id ? await row.id(shared) : undefined;
			for (const who of ACTORS) {
				const world = shared ?? (await buildWorld(server()));
				const id = sharedId ?? (row.id ? await row.id(world) : undefined);
				const answer = await call(world, who, row, id);
				actual[who] = answer.status;
				expectWellFormed(answer, `${who}: ${key(row)}`);
			}

			expect(actual).toEqual(Object.fromEntries(ACTORS.map((who, i) => [who, row.expect[i]])));
		});

		async function call(
			world: World,
			who: ActorName,
			row: Row,
			id: string | Record<string, string> | undefined
		) {
			const ids = typeof id === 'string' ? { id } : (id ?? {});
			let path = row.path.replace('{date}', today());
			for (const [name, value] of Object.entries(ids)) {
				path = path.replace(`{${name}}`, value);
			}
			path += row.query?.() ?? '';
			if (row.stream) {
				const stream = await openStream(world[who], path);
				stream.close();

				return stream.answer();
			}
			const body = row.body ? await row.body(world, who, server(), ids) : undefined;

			return world[who].request(row.method, path, body === undefined ? {} : { json: body });
		}
	},
	WITH_MAIL
);

describeEachDriver('what each person sees', ({ server }) => {
	test('partners see each other’s id and name through /me, and nothing more', async () => {
		const world = await buildWorld(server());
		const [selfMe, partnerMe] = [await world.self.me(), await world.partner.me()];

		expect(selfMe.partner).toEqual({ id: world.partner.id, name: world.partner.name });
		expect(partnerMe.partner).toEqual({ id: world.self.id, name: world.self.name });
		expect((await world.partner.get('/api/v1/me')).text).not.toContain(world.self.email);
	});

	test('a new name reaches the partner on their very next request', async () => {
		const world = await buildWorld(server());
		const renamed = `Sam ${crypto.randomUUID().slice(0, 8)}`;
		expect((await world.self.patch('/api/v1/me', { name: renamed })).status).toBe(200);

		expect((await world.partner.me()).partner?.name).toBe(renamed);
	});

	test('both partners see one couple, naming the other', async () => {
		const world = await buildWorld(server());
		const mine = (await world.self.get('/api/v1/couple')).body;
		const theirs = (await world.partner.get('/api/v1/couple')).body;

		expect(mine).toEqual({
			couple: {
				id: expect.any(String),
				partner: { id: world.partner.id, name: world.partner.name }
			}
		});
		expect(theirs).toEqual({
			couple: { id: coupleId(mine), partner: { id: world.self.id, name: world.self.name } }
		});
	});

	test('after an unlink, the ex’s very next request has no partner and no couple', async () => {
		const [a, b] = await Promise.all([
			Person.register(server(), { name: 'Ada' }),
			Person.register(server(), { name: 'Bo' })
		]);
		await link(a, b);
		expect((await b.me()).partner?.id).toBe(a.id);

		expect((await a.leave()).status).toBe(204);

		expect((await b.me()).partner).toBeNull();
		expect((await b.get('/api/v1/couple')).status).toBe(404);
		expect((await a.me()).partner).toBeNull();
		expect((await a.get('/api/v1/couple')).status).toBe(404);
		expect((await b.leave()).status).toBe(404);
	});

	test('the ex sees only the id, name and own block flag of a past partner: no unlink time', async () => {
		const world = await buildWorld(server());
		const seenByEx = await getEverything(world.ex);
		const pastOfEx = seenByEx.get('/api/v1/couple/past-partners')?.body;

		expect(pastOfEx).toEqual({
			pastPartners: [{ id: world.self.id, name: world.self.name, blocked: false }]
		});
		// The ex's own sessions and own export carry times of their own; the export's view of the
		// past partner is checked below to be the same id, name and block flag.
		// So do the ex's own security log entries, of their own doings.
		const ownTimes = [
			'/api/v1/sessions',
			'/api/v1/me/security-log',
			'/api/v1/openapi.json',
			'/api/v1/me/export'
		];
		for (const [path, answer] of seenByEx) {
			if (ownTimes.includes(path)) {
				continue;
			}
			expect(answer.text, `${path} shows the ex a time`).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
		}
		expect((await world.self.get('/api/v1/couple/past-partners')).body).toEqual({
			pastPartners: [{ id: world.ex.id, name: world.ex.name, blocked: false }]
		});
		const exported = seenByEx.get('/api/v1/me/export')?.body as { partner: unknown };
		expect(exported.partner).toEqual({
			current: null,
			past: [{ id: world.self.id, name: world.self.name, blocked: false }],
			openInvite: null
		});
		const page = seenByEx.get('/api/v1/me/export.html')?.text ?? '';
		expect(page).toContain(world.self.name);
		expect(page).not.toContain(world.partner.name);
		// Self left that link: only self's own log says so.
		const exLog = seenByEx.get('/api/v1/me/security-log')?.text ?? '';
		expect(exLog).toContain('partner.linked');
		expect(exLog).not.toContain('partner.left');
		expect((await world.self.get('/api/v1/me/security-log')).text).toContain('partner.left');
	});

	test('the other couple never sees anything of this couple', async () => {
		const world = await buildWorld(server());
		const secrets = [world.self, world.partner, world.ex].flatMap((p) => [p.id, p.name, p.email]);
		secrets.push(coupleId((await world.self.get('/api/v1/couple')).body));

		for (const outsider of [world.other, world.otherPartner]) {
			for (const [path, answer] of await getEverything(outsider)) {
				for (const secret of secrets) {
					expect(answer.text, `${path} leaks to the other couple`).not.toContain(secret);
				}
			}
		}
	});

	test('someone else’s session ids answer 404 like a missing one, and end nothing', async () => {
		const world = await buildWorld(server());
		const ids = (await world.self.sessionIds()).map((session) => session.id);
		const missing = await world.partner.delete(`/api/v1/sessions/${crypto.randomUUID()}`);
		expect(missing.status).toBe(404);

		for (const id of [...ids, ids[0].toUpperCase()]) {
			for (const intruder of [world.partner, world.ex, world.other]) {
				const answer = await intruder.delete(`/api/v1/sessions/${id}`);
				expect(answer.status).toBe(404);
				expect(answer.body).toEqual(missing.body);
			}
		}
		expect((await world.partner.delete('/api/v1/sessions/not-an-id')).status).toBe(404);
		expect((await world.self.get('/api/v1/me')).status).toBe(200);
		expect((await world.self.sessionIds()).map((session) => session.id)).toEqual(ids);
	});

	test('blocking answers 404 unless the id is an ex of the caller', async () => {
		const world = await buildWorld(server());
		const block = (who: Person, target: string) =>
			who.put(`/api/v1/couple/past-partners/${target}/block`, { blocked: true });

		expect((await block(world.self, world.partner.id)).status).toBe(404);
		expect((await block(world.partner, world.self.id)).status).toBe(404);
		expect((await block(world.other, world.self.id)).status).toBe(404);
		expect((await block(world.other, world.ex.id)).status).toBe(404);
		expect((await block(world.partner, world.ex.id)).status).toBe(404);
		expect((await block(world.self, world.self.id)).status).toBe(404);
		expect((await block(world.self, crypto.randomUUID())).status).toBe(404);
		expect((await block(world.ex, world.self.id)).body).toEqual({
			id: world.self.id,
			blocked: true
		});
		expect((await world.self.get('/api/v1/couple/past-partners')).body).toEqual({
			pastPartners: [{ id: world.ex.id, name: world.ex.name, blocked: false }]
		});
	});

	test('a blocked person’s join answers exactly like an unknown code', async () => {
		const world = await buildWorld(server());
		expect((await world.self.leave()).status).toBe(204);
		expect(
			(await world.self.put(`/api/v1/couple/past-partners/${world.ex.id}/block`, { blocked: true }))
				.status
		).toBe(200);

		const blocked = await world.ex.join(await world.self.invite());
		const unknown = await world.partner.join('ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ');

		expect(blocked.status).toBe(404);
		expect(blocked.body).toEqual(unknown.body);
		expect((await world.ex.me()).partner).toBeNull();
	});

	test('a re-link of the same two people is a new couple', async () => {
		const world = await buildWorld(server());
		const before = coupleId((await world.self.get('/api/v1/couple')).body);
		expect((await world.partner.leave()).status).toBe(204);
		await link(world.partner, world.self);

		const after = coupleId((await world.self.get('/api/v1/couple')).body);
		expect(after).not.toBe(before);
		expect((await world.partner.get('/api/v1/couple')).body).toMatchObject({
			couple: { id: after }
		});
	});

	test('every answer is an allow-listed shape', async () => {
		const world = await buildWorld(server());
		for (const who of ACTORS) {
			const seen = await getEverything(world[who]);
			for (const [path, answer] of seen) {
				expectWellFormed(answer, `${who}: GET ${path}`);
			}
			if (who === 'anonymous') {
				continue;
			}
			const shape = (path: string) => shapeOf(seen.get(path)?.body);
			expect(shape('/api/v1/me')).toEqual(
				'{partner:' +
					(who === 'ex' ? 'null' : '{id,name}') +
					',profile:{onboarded,timeZone},user:{email,id,name}}'
			);
			expect(shape('/api/v1/sessions')).toEqual(
				'{sessions:[{createdAt,current,device,id,lastUsedAt}]}'
			);
			expect(shape('/api/v1/couple/invites')).toEqual('{invite:null}');
			expect(shape('/api/v1/me/security')).toEqual(
				'{emailReset,highSafety,mailEnabled,twoFactor:{enabled,pending,recoveryCodesLeft}}'
			);
			// The device is null on entries the person did not act in (a partner accepting an invite).
			expect(shape('/api/v1/me/security-log')).toMatch(
				/^\{events:\[\{at,device(:null)?,kind\}\]\}$/
			);
			expect(shape('/api/v1/lock')).toEqual('{lock:{idleMinutes,locked,pin,secondsLeft}}');
			expect(shape('/api/v1/settings/lock')).toEqual('{settings:{idleMinutes,pin}}');
			expect(shape('/api/v1/couple/past-partners')).toMatch(
				/^\{pastPartners:\[(\{blocked,id,name\})?\]\}$/
			);
			if (who !== 'ex') {
				expect(shape('/api/v1/couple')).toEqual('{couple:{id,partner:{id,name}}}');
			}
		}
		const invite = await world.ex.post('/api/v1/couple/invites');
		expect(shapeOf(invite.body)).toBe('{code,expiresAt,url}');
		expect(shapeOf((await world.ex.get('/api/v1/couple/invites')).body)).toBe(
			'{invite:{createdAt,expiresAt}}'
		);
		const stranger = await Person.register(server(), { name: 'Sol' });
		const joined = await stranger.join((invite.body as { code: string }).code);
		expect(shapeOf(joined.body)).toBe('{partner:{id,name}}');
	});
});

/** GET on every API path without parameters, as this client. */
async function getEverything(client: Client): Promise<Map<string, Answer>> {
	const seen = new Map<string, Answer>();
	for (const operation of scanApiOperations()) {
		if (operation.method === 'GET' && !operation.path.includes('{')) {
			seen.set(operation.path, await client.get(operation.path));
		}
	}

	return seen;
}

/** No forbidden key anywhere; errors have the documented shape; never 403 for same-origin calls. */
function expectWellFormed(answer: Answer, label: string) {
	const keys = allKeys(answer.body);
	if (!label.includes('openapi.json')) {
		for (const forbidden of FORBIDDEN_KEYS) {
			expect(keys.has(forbidden), `${label} carries ${forbidden}`).toBe(false);
		}
	}
	expect(answer.status, `${label}: objects one may not see answer 404`).not.toBe(403);
	if (answer.status >= 400) {
		expect(errorCode(answer), `${label}: error without a code`).toBeTypeOf('string');
	}
	if (answer.status === 404) {
		expect(errorCode(answer), label).toBe('NOT_FOUND');
	}
}

/** `{a,b:{c}}`: the keys of a JSON value, sorted, without values (arrays: their first item). */
function shapeOf(value: unknown): string {
	if (value === null) {
		return 'null';
	}
	if (Array.isArray(value)) {
		return `[${value.length > 0 ? shapeOf(value[0]) : ''}]`;
	}
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
			a.localeCompare(b)
		);

		return `{${entries
			.map(([k, v]) => (v === null || typeof v === 'object' ? `${k}:${shapeOf(v)}` : k))
			.join(',')}}`;
	}

	return typeof value;
}

function coupleId(body: unknown): string {
	return (body as { couple: { id: string } }).couple.id;
}
