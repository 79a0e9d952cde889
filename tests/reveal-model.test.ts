import fc from 'fast-check';
import { expect, test } from 'vitest';
import { link, Person, type Answer } from './support/client';
import { describeEachDriver } from './support/drivers';
import type { TestServer } from './support/server';
import { marker } from './support/world';

/**
 * A model-based test of the reveal rule of the question of the day, over every path that shows
 * an answer: random sequences of answer, pass, leave and link among three people, against a tiny
 * model in which a partner's answer is visible exactly when the two are linked now and both
 * answered (not passed) within this link. After every command, each person's JSON API (today and
 * the question of the date), the page data of Today and of Past days, the Today page itself and
 * both exports must show each other person's answer exactly when the model says so.
 * A failure prints its seed: replay with FC_SEED=<seed>; REVEAL_MODEL_RUNS=<n> runs more.
 */

const PEOPLE = 3;
const NUM_RUNS = Number(process.env.REVEAL_MODEL_RUNS ?? 15);

type Given = { passed: boolean; couple: number | null };

type Model = {
	partner: (number | null)[];
	couple: (number | null)[];
	couplesMade: number;
	given: (Given | null)[];
};

type Real = { people: Person[]; texts: string[]; date: string };

function newModel(): Model {
	return {
		partner: Array<number | null>(PEOPLE).fill(null),
		couple: Array<number | null>(PEOPLE).fill(null),
		couplesMade: 0,
		given: Array<Given | null>(PEOPLE).fill(null)
	};
}

/** The rule under test, in its plainest form. */
function revealed(model: Model, viewer: number, author: number): boolean {
	const mine = model.given[viewer];
	const theirs = model.given[author];
	const couple = model.couple[viewer];

	return (
		model.partner[viewer] === author &&
		couple !== null &&
		mine !== null &&
		!mine.passed &&
		mine.couple === couple &&
		theirs !== null &&
		!theirs.passed &&
		theirs.couple === couple
	);
}

abstract class RevealCommand implements fc.AsyncCommand<Model, Real> {
	abstract check(model: Readonly<Model>): boolean;
	abstract act(real: Real): Promise<Answer>;
	/** Moves the model and returns the status the API should answer. */
	abstract apply(model: Model): number;
	abstract toString(): string;

	async run(model: Model, real: Real) {
		const answer = await this.act(real);
		expect(answer.status, `${this.toString()} answered ${answer.text}`).toBe(this.apply(model));
		await expectEveryPathMatches(model, real);
	}
}

class AnswerCommand extends RevealCommand {
	constructor(readonly person: number) {
		super();
	}

	check() {
		return true;
	}

	act(real: Real) {
		return real.people[this.person].post(`/api/v1/questions/${real.date}/answer`, {
			text: real.texts[this.person]
		});
	}

	apply(model: Model) {
		const before = model.given[this.person];
		if (before && !before.passed) {
			return 409;
		}
		model.given[this.person] = { passed: false, couple: model.couple[this.person] };

		return 200;
	}

	toString() {
		return `answer(${this.person})`;
	}
}

class PassCommand extends RevealCommand {
	constructor(readonly person: number) {
		super();
	}

	check() {
		return true;
	}

	act(real: Real) {
		return real.people[this.person].post(`/api/v1/questions/${real.date}/answer`, { pass: true });
	}

	apply(model: Model) {
		const before = model.given[this.person];
		if (before && !before.passed) {
			return 409;
		}
		model.given[this.person] = { passed: true, couple: model.couple[this.person] };

		return 200;
	}

	toString() {
		return `pass(${this.person})`;
	}
}

class LeaveCommand extends RevealCommand {
	constructor(readonly person: number) {
		super();
	}

	check(model: Readonly<Model>) {
		return model.partner[this.person] !== null;
	}

	act(real: Real) {
		return real.people[this.person].leave();
	}

	apply(model: Model) {
		const other = model.partner[this.person] as number;
		for (const person of [this.person, other]) {
			model.partner[person] = null;
			model.couple[person] = null;
		}

		return 204;
	}

	toString() {
		return `leave(${this.person})`;
	}
}

class LinkCommand extends RevealCommand {
	constructor(
		readonly inviter: number,
		readonly joiner: number
	) {
		super();
	}

	check(model: Readonly<Model>) {
		return (
			this.inviter !== this.joiner &&
			model.partner[this.inviter] === null &&
			model.partner[this.joiner] === null
		);
	}

	async act(real: Real) {
		await link(real.people[this.inviter], real.people[this.joiner]);

		return real.people[this.joiner].get('/api/v1/me');
	}

	apply(model: Model) {
		model.couplesMade += 1;
		model.partner[this.inviter] = this.joiner;
		model.partner[this.joiner] = this.inviter;
		model.couple[this.inviter] = model.couplesMade;
		model.couple[this.joiner] = model.couplesMade;

		return 200;
	}

	toString() {
		return `link(${this.inviter}, ${this.joiner})`;
	}
}

/** Every path that can show an answer, as the viewer gets it. */
function pathsFor(date: string) {
	return [
		'/api/v1/today',
		`/api/v1/questions/${date}`,
		'/today/__data.json',
		'/history/__data.json',
		'/today',
		'/api/v1/me/export',
		'/api/v1/me/export.html'
	];
}

async function expectEveryPathMatches(model: Model, real: Real) {
	for (let viewer = 0; viewer < PEOPLE; viewer += 1) {
		for (const path of pathsFor(real.date)) {
			const answer = await real.people[viewer].get(path);
			expect(answer.status, `${path} for ${viewer}`).toBe(200);
			for (let author = 0; author < PEOPLE; author += 1) {
				const shown = answer.text.includes(real.texts[author]);
				const own = model.given[viewer];
				const expected =
					author === viewer ? own !== null && !own.passed : revealed(model, viewer, author);
				expect(shown, `${author}'s answer on ${path} for ${viewer}`).toBe(expected);
			}
		}
		const today = (await real.people[viewer].get('/api/v1/today')).body as {
			question: { partnerAnswer: { text: string } | null };
		};
		const partner = model.partner[viewer];
		const shouldSee = partner !== null && revealed(model, viewer, partner);
		expect(today.question.partnerAnswer?.text ?? null).toBe(shouldSee ? real.texts[partner] : null);
	}
}

/**
 * A zone in which it is about midday now, so a run never crosses local midnight and every
 * person's "today" is the same date from the first command to the last.
 */
function middayZone(now = new Date()): string {
	const offset = now.getUTCHours() - 12;
	if (offset === 0) {
		return 'UTC';
	}

	// Etc/GMT+5 is five hours behind UTC: the sign is the reverse of the offset's.
	return offset > 0 ? `Etc/GMT+${offset}` : `Etc/GMT${offset}`;
}

async function setUp(server: TestServer): Promise<Real> {
	const zone = middayZone();
	const people = await Promise.all(
		Array.from({ length: PEOPLE }, (_, index) =>
			Person.register(server, { name: `Person ${index} ${marker()}` })
		)
	);
	for (const person of people) {
		const answer = await person.patch('/api/v1/me', { timeZone: zone });
		expect(answer.status, answer.text).toBe(200);
	}
	const today = (await people[0].get('/api/v1/today')).body as { date: string };

	return {
		people,
		texts: people.map((_, index) => `answer-of-${index}-${marker()}${marker()}`),
		date: today.date
	};
}

const person = fc.integer({ min: 0, max: PEOPLE - 1 });
const commands = fc.commands(
	[
		person.map((p) => new AnswerCommand(p)),
		person.map((p) => new PassCommand(p)),
		person.map((p) => new LeaveCommand(p)),
		fc.tuple(person, person).map(([a, b]) => new LinkCommand(a, b))
	],
	{ maxCommands: 12 }
);

describeEachDriver('the reveal rule on every path', ({ server }) => {
	test('random answer, pass, leave and link sequences', async () => {
		await fc.assert(
			fc.asyncProperty(commands, async (sequence) => {
				const real = await setUp(server());
				await fc.asyncModelRun(() => ({ model: newModel(), real }), sequence);
			}),
			{
				numRuns: NUM_RUNS,
				seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined,
				endOnFailure: true
			}
		);
	}, 600_000);
});
