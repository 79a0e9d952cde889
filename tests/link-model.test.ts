import fc from 'fast-check';
import { expect, test } from 'vitest';
import { link, Person, type Answer } from './support/client';
import { describeEachDriver } from './support/drivers';
import type { TestServer } from './support/server';
import { marker } from './support/world';

/**
 * A model-based test of partner links: random sequences of invite, cancel, join (with the code as
 * shown, typed in lower case, or as the link), leave, re-link and block among four people, against
 * a tiny pure model of who is linked with whom and who can see whom. After every command, every
 * person's /me, /couple, open invite and past partners must match the model.
 * A failure prints its seed: replay with FC_SEED=<seed>; LINK_MODEL_RUNS=<n> runs more.
 */

const PEOPLE = 4;
/** From src/lib/server/auth/rate-limit.ts: join failures per person, new codes per person. */
const JOIN_FAILURES_ALLOWED = 10;
const INVITES_ALLOWED = 20;
const NUM_RUNS = Number(process.env.LINK_MODEL_RUNS ?? 20);

type Code = { code: string; url: string; inviter: number; open: boolean };

type Model = {
	partner: (number | null)[];
	codes: Code[];
	/** past[a][b]: a and b have been linked at some time. */
	past: boolean[][];
	/** blocked[a][b]: a has blocked b. */
	blocked: boolean[][];
	joinFailures: number[];
	invitesMade: number[];
};

type Real = { people: Person[] };

type CodeForm = 'as shown' | 'lower case' | 'link' | 'own code' | 'made up';

const grid = () => Array.from({ length: PEOPLE }, () => Array<boolean>(PEOPLE).fill(false));

function newModel(): Model {
	return {
		partner: Array<number | null>(PEOPLE).fill(null),
		codes: [],
		past: grid(),
		blocked: grid(),
		joinFailures: Array<number>(PEOPLE).fill(0),
		invitesMade: Array<number>(PEOPLE).fill(0)
	};
}

function closeCodesOf(model: Model, person: number) {
	for (const code of model.codes) {
		if (code.inviter === person) {
			code.open = false;
		}
	}
}

abstract class LinkCommand implements fc.AsyncCommand<Model, Real> {
	check() {
		return true;
	}

	async run(model: Model, real: Real) {
		const answer = await this.act(model, real);
		const expected = this.apply(model, answer);
		expect(answer.status, `${this.toString()} answered ${answer.text}`).toBe(expected);
		await expectWorldMatches(model, real);
	}

	/** Calls the API. */
	abstract act(model: Model, real: Real): Promise<Answer>;
	/** Moves the model and returns the status the API should have answered. */
	abstract apply(model: Model, answer: Answer): number;
	abstract toString(): string;
}

class Invite extends LinkCommand {
	constructor(readonly person: number) {
		super();
	}

	act(_model: Model, real: Real) {
		return real.people[this.person].post('/api/v1/couple/invites');
	}

	apply(model: Model, answer: Answer) {
		const p = this.person;
		if (model.partner[p] !== null) {
			return 409;
		}
		if (model.invitesMade[p] >= INVITES_ALLOWED) {
			return 429;
		}
		model.invitesMade[p] += 1;
		closeCodesOf(model, p);
		const issued = answer.body as { code?: string; url?: string } | undefined;
		if (issued?.code && issued.url) {
			model.codes.push({ code: issued.code, url: issued.url, inviter: p, open: true });
		}

		return 201;
	}

	toString() {
		return `invite(${this.person})`;
	}
}

class Cancel extends LinkCommand {
	constructor(readonly person: number) {
		super();
	}

	act(_model: Model, real: Real) {
		return real.people[this.person].delete('/api/v1/couple/invites');
	}

	apply(model: Model) {
		closeCodesOf(model, this.person);

		return 204;
	}

	toString() {
		return `cancel(${this.person})`;
	}
}

/**
 * Accepts a code. Who joins is chosen relative to the code's inviter when the run starts, so
 * most joins are by someone else; `own code` joins by the inviter.
 */
class Join extends LinkCommand {
	private used: Code | undefined;
	private joiner = 0;

	constructor(
		readonly pick: number,
		readonly offset: number,
		readonly form: CodeForm
	) {
		super();
	}

	act(model: Model, real: Real) {
		// Low picks favour an open code, so links happen; the others may pick a used or old one.
		const open = model.codes.filter((code) => code.open);
		const pool = this.pick < 30 && open.length > 0 ? open : model.codes;
		this.used = this.form === 'made up' ? undefined : pool[this.pick % Math.max(pool.length, 1)];
		this.joiner = !this.used
			? this.offset % PEOPLE
			: this.form === 'own code'
				? this.used.inviter
				: (this.used.inviter + 1 + (this.offset % (PEOPLE - 1))) % PEOPLE;

		return real.people[this.joiner].join(this.typed());
	}

	private typed(): string {
		if (!this.used) {
			return 'K3F9Q-7HXM2-PZR8W-4TDNB-6YCVA';
		}
		switch (this.form) {
			case 'lower case':
				return this.used.code.replace(/-/g, '').toLowerCase();
			case 'link':
				return this.used.url;
			case 'as shown':
			case 'own code':
			case 'made up':
				return this.used.code;
		}
	}

	apply(model: Model) {
		const j = this.joiner;
		const code = this.used;
		const fail = () => {
			model.joinFailures[j] += 1;

			return 404;
		};
		if (model.joinFailures[j] >= JOIN_FAILURES_ALLOWED) {
			return 429;
		}
		if (!code?.open) {
			return fail();
		}
		const i = code.inviter;
		if (i === j || model.partner[j] !== null) {
			return 409;
		}
		if (model.blocked[i][j] || model.blocked[j][i] || model.partner[i] !== null) {
			return fail();
		}
		model.partner[i] = j;
		model.partner[j] = i;
		model.past[i][j] = true;
		model.past[j][i] = true;
		closeCodesOf(model, i);
		closeCodesOf(model, j);

		return 200;
	}

	toString() {
		const code = this.used ? `a code of ${this.used.inviter}` : 'a made-up code';

		return `join(${this.joiner} with ${code}, ${this.form})`;
	}
}

/** Leaves; `pick` chooses among the linked people when the run starts (or anyone if none is). */
class Leave extends LinkCommand {
	private person = 0;

	constructor(readonly pick: number) {
		super();
	}

	act(model: Model, real: Real) {
		const linked = model.partner.flatMap((partner, p) => (partner === null ? [] : [p]));
		this.person = linked.length > 0 ? linked[this.pick % linked.length] : this.pick % PEOPLE;

		return real.people[this.person].leave();
	}

	apply(model: Model) {
		const partner = model.partner[this.person];
		if (partner === null) {
			return 404;
		}
		model.partner[this.person] = null;
		model.partner[partner] = null;

		return 204;
	}

	toString() {
		return `leave(${this.person})`;
	}
}

/**
 * Blocks or unblocks. `anyone` picks any two people; otherwise a person and one of their exes are
 * chosen when the run starts (when there are any).
 */
class Block extends LinkCommand {
	private person = 0;
	private target = 0;

	constructor(
		readonly pick: number,
		readonly offset: number,
		readonly blocked: boolean,
		readonly anyone: boolean
	) {
		super();
	}

	act(model: Model, real: Real) {
		const pairs: [number, number][] = [];
		for (let p = 0; p < PEOPLE; p += 1) {
			for (let q = 0; q < PEOPLE; q += 1) {
				if (model.past[p][q] && model.partner[p] !== q) {
					pairs.push([p, q]);
				}
			}
		}
		[this.person, this.target] =
			this.anyone || pairs.length === 0
				? [this.pick % PEOPLE, this.offset % PEOPLE]
				: pairs[this.pick % pairs.length];
		const target = real.people[this.target].id;

		return real.people[this.person].put(`/api/v1/couple/past-partners/${target}/block`, {
			blocked: this.blocked
		});
	}

	apply(model: Model) {
		const [p, t] = [this.person, this.target];
		if (p === t || model.partner[p] === t || !model.past[p][t]) {
			return 404;
		}
		model.blocked[p][t] = this.blocked;

		return 200;
	}

	toString() {
		return `${this.blocked ? 'block' : 'unblock'}(${this.person} → ${this.target})`;
	}
}

/** Every person's view must be exactly what the model says they may see. */
async function expectWorldMatches(model: Model, real: Real) {
	const { people } = real;
	const coupleIds = await Promise.all(
		people.map(async (person, p) => {
			const partner = model.partner[p];
			const expectedPartner =
				partner === null ? null : { id: people[partner].id, name: people[partner].name };
			const [me, couple, invite, past] = await Promise.all([
				person.get('/api/v1/me'),
				person.get('/api/v1/couple'),
				person.get('/api/v1/couple/invites'),
				person.get('/api/v1/couple/past-partners')
			]);

			expect((me.body as { partner: unknown }).partner, `partner of ${p}`).toEqual(expectedPartner);
			expect(couple.status, `GET /couple of ${p}`).toBe(partner === null ? 404 : 200);
			const coupleBody = couple.body as { couple?: { id: string; partner: unknown } };
			if (partner !== null) {
				expect(coupleBody.couple?.partner, `couple partner of ${p}`).toEqual(expectedPartner);
			}
			const hasOpenCode = model.codes.some((code) => code.open && code.inviter === p);
			expect((invite.body as { invite: unknown }).invite !== null, `open invite of ${p}`).toBe(
				hasOpenCode
			);
			expect(sortById((past.body as { pastPartners: PastPartner[] }).pastPartners)).toEqual(
				expectedPastPartners(model, real, p)
			);

			return coupleBody.couple?.id;
		})
	);
	for (let p = 0; p < PEOPLE; p += 1) {
		const partner = model.partner[p];
		if (partner !== null) {
			expect(coupleIds[p], `${p} and ${partner} share one couple`).toBe(coupleIds[partner]);
		}
	}
}

type PastPartner = { id: string; name: string; blocked: boolean };

function expectedPastPartners(model: Model, real: Real, p: number): PastPartner[] {
	const list: PastPartner[] = [];
	for (let q = 0; q < PEOPLE; q += 1) {
		if (model.past[p][q] && model.partner[p] !== q) {
			const { id, name } = real.people[q];
			list.push({ id, name, blocked: model.blocked[p][q] });
		}
	}

	return sortById(list);
}

function sortById<T extends { id: string }>(list: T[]): T[] {
	return [...list].sort((a, b) => a.id.localeCompare(b.id));
}

const person = fc.integer({ min: 0, max: PEOPLE - 1 });

const pick = fc.nat(50);

const commands = fc.commands(
	[
		person.map((p) => new Invite(p)),
		person.map((p) => new Invite(p)),
		person.map((p) => new Cancel(p)),
		fc
			.tuple(pick, pick, fc.constantFrom<CodeForm>('as shown', 'lower case', 'link'))
			.map(([p, offset, form]) => new Join(p, offset, form)),
		fc
			.tuple(pick, pick, fc.constantFrom<CodeForm>('as shown', 'own code', 'made up'))
			.map(([p, offset, form]) => new Join(p, offset, form)),
		pick.map((p) => new Leave(p)),
		pick.map((p) => new Leave(p)),
		fc
			.tuple(
				pick,
				pick,
				fc.boolean(),
				fc.nat(3).map((n) => n === 0)
			)
			.map(([p, offset, blocked, anyone]) => new Block(p, offset, blocked, anyone))
	],
	{ maxCommands: 14, size: 'max' }
);

/**
 * Four new people. With `history`, 0 and 1 start as exes (1 left) and 2 and 3 as a couple, so
 * blocks and re-links are reached in short runs; without it, everyone starts alone.
 */
async function setup(server: TestServer, history: boolean): Promise<{ model: Model; real: Real }> {
	const people = await Promise.all(
		Array.from({ length: PEOPLE }, (_, p) => Person.register(server, { name: `P${p} ${marker()}` }))
	);
	const model = newModel();
	if (history) {
		await link(people[0], people[1]);
		await link(people[2], people[3]);
		await people[1].leave();
		model.partner = [null, null, 3, 2];
		for (const [a, b] of [
			[0, 1],
			[2, 3]
		]) {
			model.past[a][b] = true;
			model.past[b][a] = true;
		}
		model.invitesMade[0] = 1;
		model.invitesMade[2] = 1;
	}

	return { model, real: { people } };
}

describeEachDriver('partner links follow the model', ({ server }) => {
	test('random invite, join, leave, re-link and block sequences', async () => {
		await fc.assert(
			fc.asyncProperty(fc.boolean(), commands, (history, cmds) =>
				fc.asyncModelRun(() => setup(server(), history), cmds)
			),
			{
				numRuns: NUM_RUNS,
				seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined,
				verbose: 1
			}
		);
	}, 120_000);
});
