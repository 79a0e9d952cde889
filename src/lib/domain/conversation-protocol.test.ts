import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	applyEvent,
	isFinished,
	replay,
	startConversation,
	type ProtocolEvent,
	type ProtocolState
} from './conversation-protocol';
import { remainingMs, usedMs, MINUTE_MS } from './conversation-timer';
import {
	actorOf,
	leaderOf,
	neededHolderOf,
	promptIdOf,
	speakerOf,
	type ConversationKind,
	type Mode,
	type Position,
	type PromptKind,
	type Script
} from './conversation-turns';

const T0 = Date.parse('2026-03-01T20:00:00Z');

/** Three sets of twelve, every third prompt a shared task, as in the real programme. */
function closerScript(perSet = 12): Script {
	return {
		kind: 'closer',
		sets: [1, 2, 3].map((set) => ({
			id: `closer-${set}`,
			prompts: Array.from({ length: perSet }, (_, i) => ({
				id: `c${set}-${String(i + 1).padStart(2, '0')}`,
				kind: (i % 3 === 2 ? 'task' : 'question') as PromptKind
			}))
		}))
	};
}

const deck = (prefix: string, n: number) =>
	Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);

function scriptFor(kind: ConversationKind): Script {
	switch (kind) {
		case 'closer':
			return closerScript();
		case 'vulnerability':
			return { kind, deck: deck('v', 6) };
		case 'ten-minutes':
			return { kind, deck: deck('t', 4) };
		case 'phones-down':
			return { kind, deck: deck('p', 3) };
	}
}

type Applied = { event: ProtocolEvent; at: number };

/** Applies events in order, keeping the accepted ones (as the service stores them). */
function run(state: ProtocolState, script: Script, events: Applied[]) {
	const accepted: Applied[] = [];
	const states = [state];
	for (const item of events) {
		const outcome = applyEvent(states.at(-1) ?? state, script, item.event, item.at);
		if (outcome.ok && outcome.changed) {
			accepted.push(item);
			states.push(outcome.state);
		}
	}

	return { accepted, states, last: states.at(-1) ?? state };
}

/** Walks a conversation forward as a cooperative pair would: next, and opting in between sets. */
function walk(state: ProtocolState, script: Script, maxSteps = 2_000) {
	const seen: ProtocolState[] = [state];
	let current = state;
	let at = T0;
	for (let i = 0; i < maxSteps && !isFinished(current); i += 1) {
		at += 20_000;
		const events: ProtocolEvent[] =
			current.status === 'between-sets'
				? [
						{ type: 'opt-in', by: 0, for: 0 },
						{ type: 'opt-in', by: 1, for: 1 }
					]
				: [{ type: 'next', by: 0 }];
		for (const event of events) {
			const outcome = applyEvent(current, script, event, at);
			if (!outcome.ok) {
				throw new Error(`refused ${event.type}: ${outcome.reason}`);
			}
			current = outcome.state;
			seen.push(current);
		}
	}

	return seen;
}

const position = fc.constantFrom<Position>(0, 1);
const anyEvent: fc.Arbitrary<ProtocolEvent> = fc.oneof(
	{ weight: 40, arbitrary: position.map((by) => ({ type: 'next' as const, by })) },
	{ weight: 5, arbitrary: position.map((by) => ({ type: 'correct' as const, by })) },
	{ weight: 5, arbitrary: position.map((by) => ({ type: 'pass' as const, by })) },
	{ weight: 5, arbitrary: position.map((by) => ({ type: 'pause' as const, by })) },
	{ weight: 5, arbitrary: position.map((by) => ({ type: 'resume' as const, by })) },
	{ weight: 5, arbitrary: position.map((by) => ({ type: 'join' as const, by })) },
	{
		weight: 15,
		arbitrary: fc
			.tuple(position, position)
			.map(([by, f]) => ({ type: 'opt-in' as const, by, for: f }))
	},
	{ weight: 1, arbitrary: position.map((by) => ({ type: 'end' as const, by })) }
);
const timedEvents = fc
	.array(fc.tuple(anyEvent, fc.integer({ min: 0, max: 6 * MINUTE_MS })), {
		maxLength: 150,
		size: 'medium'
	})
	.map((items) => {
		let at = T0;
		return items.map(([event, dt]) => {
			at += dt;
			return { event, at };
		});
	});
/** Mostly moving on and opting in, so that runs reach the breaks between sets. */
const towardDeeper = fc
	.array(
		fc.tuple(
			fc.oneof(
				{ weight: 20, arbitrary: position.map((by): ProtocolEvent => ({ type: 'next', by })) },
				{
					weight: 6,
					arbitrary: fc
						.tuple(position, position)
						.map(([by, f]): ProtocolEvent => ({ type: 'opt-in', by, for: f }))
				},
				{ weight: 2, arbitrary: anyEvent }
			),
			fc.integer({ min: 0, max: MINUTE_MS })
		),
		{ minLength: 60, maxLength: 200 }
	)
	.map((items) => [
		{ event: { type: 'join', by: 1 } as ProtocolEvent, at: T0 },
		...items.map(([event, dt], i) => ({ event, at: T0 + i * MINUTE_MS + dt }))
	]);
const pairMode = fc.constantFrom<Mode>('one-phone', 'two-phone');
const anyKind = fc.constantFrom<ConversationKind>(
	'closer',
	'vulnerability',
	'ten-minutes',
	'phones-down'
);
const smallCloser = fc
	.array(
		fc.array(fc.constantFrom<PromptKind>('question', 'task'), { minLength: 1, maxLength: 4 }),
		{
			minLength: 3,
			maxLength: 3
		}
	)
	.map((sets): Script => ({
		kind: 'closer',
		sets: sets.map((kinds, s) => ({
			id: `closer-${s + 1}`,
			prompts: kinds.map((kind, i) => ({ id: `c${s + 1}-${i + 1}`, kind }))
		}))
	}));
const anySession = fc.oneof(
	fc
		.tuple(pairMode, smallCloser)
		.map(([mode, script]) => ({ kind: 'closer' as const, mode, script })),
	fc
		.tuple(anyKind, fc.constantFrom<Mode>('one-phone', 'two-phone', 'solo'))
		.filter(([kind, mode]) => !(kind === 'closer' && mode === 'solo'))
		.map(([kind, mode]) => ({ kind, mode, script: scriptFor(kind) }))
);

describe('Closer', () => {
	it('goes through 3 × 12 prompts in order, each once, and then completes', () => {
		for (const mode of ['one-phone', 'two-phone'] as const) {
			const script = closerScript();
			const start = startConversation('closer', mode, script, T0);
			const joined =
				mode === 'two-phone'
					? run(start, script, [{ event: { type: 'join', by: 1 }, at: T0 }]).last
					: start;
			const states = walk(joined, script);
			const visited: string[] = [];
			for (const state of states) {
				const id = promptIdOf(state, script);
				if (state.status === 'active' && id && visited.at(-1) !== id) {
					visited.push(id);
				}
			}
			const expected =
				script.kind === 'closer' ? script.sets.flatMap((s) => s.prompts.map((p) => p.id)) : [];

			expect(visited).toHaveLength(36);
			expect(visited).toEqual(expected);
			expect(states.at(-1)?.status).toBe('completed');
		}
	});

	it('alternates who answers first with every prompt, and across sets', () => {
		const firsts = [0, 1, 2].map((set) =>
			Array.from({ length: 12 }, (_, index) =>
				leaderOf({ kind: 'closer', mode: 'two-phone', set, index })
			)
		);
		for (const set of firsts) {
			for (let i = 1; i < set.length; i += 1) {
				expect(set[i]).not.toBe(set[i - 1]);
			}
			expect(set.filter((p) => p === 0)).toHaveLength(6);
		}
		expect(firsts[1][0]).not.toBe(firsts[0][0]);
		expect(firsts[2][0]).not.toBe(firsts[1][0]);
	});

	it('gives each person a turn to speak on every question, the leader first', () => {
		const script = closerScript();
		const states = walk(startConversation('closer', 'one-phone', script, T0), script);
		const speakersByPrompt = new Map<string, Position[]>();
		for (const state of states) {
			if (state.step === 'speak') {
				const id = promptIdOf(state, script) ?? '';
				const list = speakersByPrompt.get(id) ?? [];
				if (list.at(-1) !== speakerOf(state)) {
					speakersByPrompt.set(id, [...list, speakerOf(state)]);
				}
			}
		}
		expect(speakersByPrompt.size).toBe(24);
		for (const [id, speakers] of speakersByPrompt) {
			const [set, index] = id.slice(1).split('-').map(Number);
			expect(speakers).toEqual([
				leaderOf({ kind: 'closer', mode: 'one-phone', set: set - 1, index: index - 1 }),
				1 - leaderOf({ kind: 'closer', mode: 'one-phone', set: set - 1, index: index - 1 })
			]);
		}
	});

	it('never starts a deeper set unless both chose it since the last one ended', () => {
		let deeper = 0;
		fc.assert(
			fc.property(pairMode, smallCloser, towardDeeper, (mode, script, events) => {
				let state = startConversation('closer', mode, script, T0);
				let chosen = new Set<Position>();
				for (const { event, at } of events) {
					const outcome = applyEvent(state, script, event, at);
					if (!outcome.ok) {
						continue;
					}
					const next = outcome.state;
					if (event.type === 'opt-in' && outcome.changed) {
						chosen.add(event.for);
						if (mode === 'two-phone') {
							expect(event.for).toBe(event.by);
						}
					}
					if (next.set !== state.set) {
						expect(next.set).toBe(state.set + 1);
						expect(state.status).toBe('between-sets');
						expect(event.type).toBe('opt-in');
						expect([...chosen].sort()).toEqual([0, 1]);
						chosen = new Set();
						deeper += 1;
					}
					if (next.status === 'between-sets' && state.status === 'active') {
						chosen = new Set();
					}
					state = next;
				}
			}),
			{ numRuns: 300 }
		);
		expect(deeper, 'the generated runs reach deeper sets').toBeGreaterThan(10);
	});

	it('on two phones, nobody can opt in for the other', () => {
		const script = closerScript(1);
		let state = run(startConversation('closer', 'two-phone', script, T0), script, [
			{ event: { type: 'join', by: 1 }, at: T0 }
		]).last;
		state = walk(state, script).find((s) => s.status === 'between-sets') ?? state;
		const outcome = applyEvent(state, script, { type: 'opt-in', by: 0, for: 1 }, T0);
		expect(outcome).toEqual({ ok: false, reason: 'not-yours' });
	});
});

describe('every conversation', () => {
	it('replaying the stored events gives exactly the state the pair is in', () => {
		fc.assert(
			fc.property(anySession, timedEvents, ({ kind, mode, script }, events) => {
				const start = startConversation(kind, mode, script, T0);
				const { accepted, last } = run(start, script, events);
				expect(replay({ kind, mode, script, at: T0 }, accepted)).toEqual(last);
			}),
			{ numRuns: 300 }
		);
	});

	it('pausing and resuming later restores the exact place, and the paused time does not count', () => {
		fc.assert(
			fc.property(
				anySession,
				timedEvents,
				fc.integer({ min: 1, max: 30 * 24 * 60 * MINUTE_MS }),
				({ kind, mode, script }, events, away) => {
					const { last } = run(startConversation(kind, mode, script, T0), script, events);
					const pausedAt = (events.at(-1)?.at ?? T0) + 1;
					const paused = applyEvent(last, script, { type: 'pause', by: 0 }, pausedAt);
					if (isFinished(last)) {
						expect(paused.ok).toBe(false);
						return;
					}
					expect(paused.ok).toBe(true);
					if (!paused.ok) {
						return;
					}
					expect(applyEvent(paused.state, script, { type: 'next', by: 0 }, pausedAt + 1)).toEqual({
						ok: false,
						reason: 'not-active'
					});
					const resumed = applyEvent(
						paused.state,
						script,
						{ type: 'resume', by: 1 },
						pausedAt + away
					);
					expect(resumed.ok).toBe(true);
					if (!resumed.ok) {
						return;
					}
					const place = (s: ProtocolState) => {
						const { timer: _timer, ...rest } = s;
						return rest;
					};
					const wasPaused = last.status === 'paused';
					expect(place(resumed.state)).toEqual(
						wasPaused ? { ...place(last), status: last.resumeTo, resumeTo: null } : place(last)
					);
					if (last.timer && resumed.state.timer && !wasPaused) {
						expect(usedMs(resumed.state.timer, pausedAt + away)).toBe(usedMs(last.timer, pausedAt));
					}
				}
			),
			{ numRuns: 300 }
		);
	});

	it('either person can end at any moment, and nothing moves after that', () => {
		fc.assert(
			fc.property(anySession, timedEvents, position, ({ kind, mode, script }, events, by) => {
				const { last } = run(startConversation(kind, mode, script, T0), script, events);
				const at = (events.at(-1)?.at ?? T0) + 1;
				const ended = applyEvent(last, script, { type: 'end', by }, at);
				expect(ended.ok).toBe(true);
				if (!ended.ok) {
					return;
				}
				expect(isFinished(ended.state)).toBe(true);
				for (const type of ['next', 'pass', 'correct'] as const) {
					expect(applyEvent(ended.state, script, { type, by: 0 }, at).ok).toBe(false);
				}
				expect(applyEvent(ended.state, script, { type: 'opt-in', by, for: by }, at).ok).toBe(false);
			}),
			{ numRuns: 300 }
		);
	});

	it('on one phone, whoever the turn belongs to holds the phone once it is passed', () => {
		fc.assert(
			fc.property(anySession, timedEvents, ({ kind, mode, script }, events) => {
				const { states } = run(startConversation(kind, mode, script, T0), script, events);
				for (const state of states) {
					if (state.mode === 'one-phone' && ['speak', 'draft', 'together'].includes(state.step)) {
						expect(state.holder).toBe(neededHolderOf(state));
					}
					if (state.step === 'handover') {
						expect(state.mode).toBe('one-phone');
						expect(actorOf(state)).not.toBe(state.holder);
					}
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('the listener reflects back and the speaker confirms before the listener responds', () => {
		fc.assert(
			fc.property(anySession, timedEvents, ({ kind, mode, script }, events) => {
				const { states } = run(startConversation(kind, mode, script, T0), script, events);
				for (let i = 1; i < states.length; i += 1) {
					const [before, after] = [states[i - 1], states[i]];
					if (after.step === 'respond' && before.step !== 'respond') {
						expect(before.step).toBe('confirm');
					}
					if (after.step === 'confirm' && before.step !== 'confirm') {
						expect(before.step).toBe('reflect');
					}
					if (after.step === 'reflect' && before.step !== 'reflect') {
						expect(['speak', 'confirm']).toContain(before.step);
					}
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('keeps time from stored starts: it only runs down, and only while the talk is on', () => {
		fc.assert(
			fc.property(anySession, timedEvents, ({ kind, mode, script }, events) => {
				const { states } = run(startConversation(kind, mode, script, T0), script, events);
				for (const state of states) {
					if (!state.timer) {
						continue;
					}
					expect(state.timer.since !== null).toBe(state.status === 'active');
					const now = (events.at(-1)?.at ?? T0) + MINUTE_MS;
					expect(remainingMs(state.timer, now + MINUTE_MS)).toBeLessThanOrEqual(
						remainingMs(state.timer, now)
					);
				}
			}),
			{ numRuns: 300 }
		);
	});
});

describe('the other practices', () => {
	it('two phones wait for the partner; the clock starts when both are there', () => {
		const script = scriptFor('ten-minutes');
		const start = startConversation('ten-minutes', 'two-phone', script, T0);
		expect(start.status).toBe('waiting');
		expect(start.timer?.since).toBeNull();
		const joined = applyEvent(start, script, { type: 'join', by: 1 }, T0 + 5_000);
		expect(joined.ok && joined.state).toMatchObject({
			status: 'active',
			timer: { since: T0 + 5_000, limitMs: 10 * MINUTE_MS }
		});
	});

	it('ten minutes: each speaks once, with the listening steps, then it is done', () => {
		const script = scriptFor('ten-minutes');
		const steps = walk(startConversation('ten-minutes', 'one-phone', script, T0), script).map(
			(s) => `${s.step}:${actorOf(s)}`
		);
		expect(steps).toEqual([
			'speak:0',
			'reflect:1',
			'confirm:0',
			'respond:1',
			'handover:1',
			'speak:1',
			'reflect:0',
			'confirm:1',
			'respond:0',
			'respond:0'
		]);
	});

	it('ten minutes: another question only before anyone has started answering', () => {
		const script = scriptFor('ten-minutes');
		const start = startConversation('ten-minutes', 'two-phone', script, T0);
		const active = run(start, script, [{ event: { type: 'join', by: 1 }, at: T0 }]).last;
		const swapped = applyEvent(active, script, { type: 'pass', by: 1 }, T0);
		expect(swapped.ok && promptIdOf(swapped.state, script)).toBe('t002');
		const answering = applyEvent(active, script, { type: 'next', by: 0 }, T0);
		expect(
			answering.ok && applyEvent(answering.state, script, { type: 'pass', by: 0 }, T0)
		).toEqual({
			ok: false,
			reason: 'not-now'
		});
	});

	it('vulnerability: stems in turns, drafted then received, and another stem on request', () => {
		const script = scriptFor('vulnerability');
		const start = startConversation('vulnerability', 'two-phone', script, T0);
		expect(start.status).toBe('waiting');
		const joined = run(start, script, [{ event: { type: 'join', by: 1 }, at: T0 }]).last;
		const rounds = walk(joined, script).filter((s) => s.step === 'draft');
		expect(rounds.map((s) => speakerOf(s))).toEqual([0, 1, 0, 1, 0, 1]);
		expect(rounds.map((s) => promptIdOf(s, script))).toEqual(
			script.kind === 'closer' ? [] : script.deck
		);
		const other = applyEvent(joined, script, { type: 'pass', by: 0 }, T0);
		expect(other.ok && { step: other.state.step, stem: promptIdOf(other.state, script) }).toEqual({
			step: 'draft',
			stem: 'v002'
		});
	});

	it('journalling alone: one step per stem, always your own turn', () => {
		const script = scriptFor('vulnerability');
		const states = walk(startConversation('vulnerability', 'solo', script, T0), script);
		expect(new Set(states.map((s) => `${s.step}:${actorOf(s)}`))).toEqual(new Set(['journal:0']));
		expect(states.at(-1)?.status).toBe('completed');
	});

	it('phones down: quiet until the twenty minutes are up, and only then done', () => {
		const script = scriptFor('phones-down');
		const start = startConversation('phones-down', 'one-phone', script, T0);
		expect(start).toMatchObject({ step: 'quiet', status: 'active' });
		expect(applyEvent(start, script, { type: 'next', by: 0 }, T0 + 19 * MINUTE_MS)).toEqual({
			ok: false,
			reason: 'not-now'
		});
		const done = applyEvent(start, script, { type: 'next', by: 1 }, T0 + 20 * MINUTE_MS);
		expect(done.ok && done.state.status).toBe('completed');
		const early = applyEvent(start, script, { type: 'end', by: 1 }, T0 + MINUTE_MS);
		expect(early.ok && early.state).toMatchObject({ status: 'ended', endedBy: 1 });
	});

	it('a partner who picks up their own phone turns one phone into two', () => {
		const script = closerScript();
		const start = startConversation('closer', 'one-phone', script, T0);
		const joined = applyEvent(start, script, { type: 'join', by: 1 }, T0);
		expect(joined.ok && joined.state.mode).toBe('two-phone');
		const again = joined.ok
			? applyEvent(joined.state, script, { type: 'join', by: 1 }, T0)
			: joined;
		expect(again.ok && again.changed).toBe(false);
	});

	it('a speaker who was not quite heard sends the listener back to reflect again', () => {
		const script = scriptFor('ten-minutes');
		let state = startConversation('ten-minutes', 'one-phone', script, T0);
		for (const type of ['next', 'next'] as const) {
			const outcome = applyEvent(state, script, { type, by: 0 }, T0);
			state = outcome.ok ? outcome.state : state;
		}
		expect(state.step).toBe('confirm');
		const corrected = applyEvent(state, script, { type: 'correct', by: 0 }, T0);
		expect(corrected.ok && corrected.state.step).toBe('reflect');
	});
});
