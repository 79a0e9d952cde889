/**
 * The rules of a guided conversation as a pure state machine. Every change is an event; the state
 * is the fold of the events, so a paused conversation resumes at exactly the place it stopped, and
 * a phone that comes back gets the same state as the other one. Time comes in with each event.
 */
import { isTimeUp, newTimer, startTimer, stopTimer, type Timer } from './conversation-timer';
import {
	firstStepOf,
	neededHolderOf,
	promptKindOf,
	TIMER_LIMITS,
	type ConversationKind,
	type Mode,
	type Place,
	type Position,
	type Script,
	type Status
} from './conversation-turns';

export type ProtocolState = Place & {
	status: Status;
	/** While paused: the status a resume returns to. */
	resumeTo: 'waiting' | 'active' | 'between-sets' | null;
	/** Whose phone is in the conversation (one phone counts for both). */
	joined: [boolean, boolean];
	/** Between Closer sets: who has chosen to go on to the next, deeper set. */
	optIns: [boolean, boolean];
	timer: Timer | null;
	endedBy: Position | null;
};

export type ProtocolEvent =
	| { type: 'join'; by: Position }
	| { type: 'next' | 'correct' | 'pass' | 'pause' | 'resume' | 'end'; by: Position }
	| { type: 'opt-in'; by: Position; for: Position };

export type EventType = ProtocolEvent['type'];

/** Why an event cannot apply now; the service turns each into a CONFLICT with plain words. */
export type Refusal = 'not-active' | 'not-now' | 'not-yours' | 'finished';

export type Outcome =
	{ ok: true; state: ProtocolState; changed: boolean } | { ok: false; reason: Refusal };

export function isFinished(state: Pick<ProtocolState, 'status'>): boolean {
	return state.status === 'completed' || state.status === 'ended';
}

/** A new conversation. Two phones wait for the partner's phone; the clock starts with the talk. */
export function startConversation(
	kind: ConversationKind,
	mode: Mode,
	script: Script,
	at: number
): ProtocolState {
	const limit = TIMER_LIMITS[kind];
	const waiting = mode === 'two-phone';
	const place: Place = { kind, mode, set: 0, index: 0, card: 0, turn: 0, step: 'speak', holder: 0 };
	const state: ProtocolState = {
		...enterTurn(place, script),
		status: waiting ? 'waiting' : 'active',
		resumeTo: null,
		joined: [true, mode === 'one-phone'],
		optIns: [false, false],
		timer: limit === null ? null : newTimer(limit),
		endedBy: null
	};

	return waiting ? state : withTimer(state, (timer) => startTimer(timer, at));
}

export function applyEvent(
	state: ProtocolState,
	script: Script,
	event: ProtocolEvent,
	at: number
): Outcome {
	switch (event.type) {
		case 'join':
			return join(state, script, event.by, at);
		case 'pause':
			return pause(state, at);
		case 'resume':
			return resume(state, at);
		case 'end':
			return end(state, event.by, at);
		case 'opt-in':
			return optIn(state, script, event, at);
		case 'next':
		case 'correct':
		case 'pass':
			if (isFinished(state)) {
				return refuse('finished');
			}
			if (state.status !== 'active') {
				return refuse('not-active');
			}

			return move(state, script, event.type, at);
	}
}

/** The state after every event of a stored log, in order; a log that does not apply is corrupt. */
export function replay(
	start: { kind: ConversationKind; mode: Mode; script: Script; at: number },
	events: { event: ProtocolEvent; at: number }[]
): ProtocolState {
	let state = startConversation(start.kind, start.mode, start.script, start.at);
	for (const { event, at } of events) {
		const outcome = applyEvent(state, start.script, event, at);
		if (!outcome.ok) {
			throw new Error(`The conversation log does not apply: ${event.type} (${outcome.reason})`);
		}
		state = outcome.state;
	}

	return state;
}

function move(
	state: ProtocolState,
	script: Script,
	type: 'next' | 'correct' | 'pass',
	at: number
): Outcome {
	if (type === 'correct') {
		return state.step === 'confirm' ? changed({ ...state, step: 'reflect' }) : refuse('not-now');
	}
	if (type === 'pass') {
		return pass(state, script, at);
	}
	switch (state.step) {
		case 'handover':
			return changed({ ...state, step: firstStepOf(state, script), holder: neededHolderOf(state) });
		case 'speak':
			return changed({ ...state, step: 'reflect' });
		case 'reflect':
			return changed({ ...state, step: 'confirm' });
		case 'confirm':
			return changed({ ...state, step: 'respond' });
		case 'draft':
			return changed({ ...state, step: 'receive' });
		case 'respond':
			return state.turn === 0
				? changed(enterTurn({ ...state, turn: 1 }, script))
				: changed(finishPrompt(state, script, at));
		case 'together':
		case 'receive':
		case 'journal':
			return changed(finishPrompt(state, script, at));
		case 'quiet':
			return state.timer && isTimeUp(state.timer, at)
				? changed(finish(state, 'completed', at))
				: refuse('not-now');
	}
}

/**
 * Passing moves on without a reason: Closer to the next prompt; vulnerability to another stem;
 * ten minutes to another question, as long as nobody has started answering.
 */
function pass(state: ProtocolState, script: Script, at: number): Outcome {
	switch (state.kind) {
		case 'closer':
			return changed(finishPrompt(state, script, at));
		case 'vulnerability':
			if (!['draft', 'journal', 'handover'].includes(state.step) || script.kind === 'closer') {
				return refuse('not-now');
			}
			if (state.card + 1 >= script.deck.length) {
				return changed(finish(state, 'completed', at));
			}

			return changed(enterTurn({ ...state, card: state.card + 1 }, script));
		case 'ten-minutes': {
			const fresh = state.turn === 0 && ['speak', 'journal', 'handover'].includes(state.step);
			if (!fresh || script.kind === 'closer' || script.deck.length < 2) {
				return refuse('not-now');
			}

			return changed(enterTurn({ ...state, card: (state.card + 1) % script.deck.length }, script));
		}
		case 'phones-down':
			return refuse('not-now');
	}
}

/** After a prompt (or a round): the next one, a break before the next set, or the end. */
function finishPrompt(state: ProtocolState, script: Script, at: number): ProtocolState {
	if (script.kind === 'closer') {
		const prompts = script.sets[state.set]?.prompts.length ?? 0;
		if (state.index + 1 < prompts) {
			return enterTurn({ ...state, index: state.index + 1, turn: 0 }, script);
		}
		if (state.set + 1 < script.sets.length) {
			return withTimer({ ...state, status: 'between-sets', optIns: [false, false] }, (timer) =>
				stopTimer(timer, at)
			);
		}

		return finish(state, 'completed', at);
	}
	if (state.kind === 'vulnerability' && state.card + 1 < script.deck.length) {
		return enterTurn({ ...state, index: state.index + 1, card: state.card + 1, turn: 0 }, script);
	}

	return finish(state, 'completed', at);
}

/** The first step of the current turn; on one phone, first a handover when the holder changes. */
function enterTurn<S extends Place>(state: S, script: Script): S {
	const needed = neededHolderOf(state);
	const handover = state.mode === 'one-phone' && state.kind !== 'phones-down';
	if (handover && needed !== state.holder) {
		return { ...state, step: 'handover' };
	}

	return { ...state, step: firstStepOf(state, script) };
}

function join(state: ProtocolState, script: Script, by: Position, at: number): Outcome {
	if (isFinished(state)) {
		return refuse('finished');
	}
	if (state.mode === 'solo') {
		return refuse('not-yours');
	}
	const switchesToTwoPhones = by === 1 && state.mode === 'one-phone';
	if (state.joined[by] && !switchesToTwoPhones) {
		return unchanged(state);
	}
	const joined: [boolean, boolean] = by === 0 ? [true, state.joined[1]] : [state.joined[0], true];
	// A partner who picks up their own phone turns one shared phone into two.
	let next: ProtocolState = {
		...state,
		joined,
		mode: switchesToTwoPhones ? 'two-phone' : state.mode
	};
	if (switchesToTwoPhones && next.step === 'handover') {
		next = { ...next, step: firstStepOf(next, script), holder: neededHolderOf(next) };
	}
	if (next.status === 'waiting' && joined[0] && joined[1]) {
		next = withTimer({ ...next, status: 'active' }, (timer) => startTimer(timer, at));
	}
	if (next.status === 'paused' && next.resumeTo === 'waiting' && joined[0] && joined[1]) {
		next = { ...next, resumeTo: 'active' };
	}

	return changed(next);
}

function pause(state: ProtocolState, at: number): Outcome {
	if (isFinished(state)) {
		return refuse('finished');
	}
	const resumeTo = state.status;
	if (resumeTo === 'paused' || resumeTo === 'completed' || resumeTo === 'ended') {
		return unchanged(state);
	}

	return changed(
		withTimer({ ...state, status: 'paused', resumeTo }, (timer) => stopTimer(timer, at))
	);
}

function resume(state: ProtocolState, at: number): Outcome {
	if (isFinished(state)) {
		return refuse('finished');
	}
	if (state.status !== 'paused') {
		return unchanged(state);
	}
	const status = state.resumeTo ?? 'active';
	const resumed: ProtocolState = { ...state, status, resumeTo: null };

	return changed(
		status === 'active' ? withTimer(resumed, (timer) => startTimer(timer, at)) : resumed
	);
}

/** Either person can stop at any moment, without giving a reason. */
function end(state: ProtocolState, by: Position, at: number): Outcome {
	if (isFinished(state)) {
		return unchanged(state);
	}

	return changed({ ...finish(state, 'ended', at), endedBy: by });
}

/**
 * The next, deeper set starts only once both have chosen it. On two phones each chooses for
 * themselves; on one phone both are there, and each says so on the shared screen.
 */
function optIn(
	state: ProtocolState,
	script: Script,
	event: { by: Position; for: Position },
	at: number
): Outcome {
	if (isFinished(state)) {
		return refuse('finished');
	}
	if (state.status !== 'between-sets') {
		return refuse('not-now');
	}
	if (state.mode !== 'one-phone' && event.for !== event.by) {
		return refuse('not-yours');
	}
	if (state.optIns[event.for]) {
		return unchanged(state);
	}
	const optIns: [boolean, boolean] =
		event.for === 0 ? [true, state.optIns[1]] : [state.optIns[0], true];
	if (!(optIns[0] && optIns[1])) {
		return changed({ ...state, optIns });
	}
	const limit = TIMER_LIMITS[state.kind];
	const nextSet: ProtocolState = {
		...state,
		status: 'active',
		set: state.set + 1,
		index: 0,
		turn: 0,
		optIns: [false, false],
		timer: limit === null ? null : startTimer(newTimer(limit), at)
	};

	return changed(enterTurn(nextSet, script));
}

function finish(state: ProtocolState, status: 'completed' | 'ended', at: number): ProtocolState {
	return withTimer({ ...state, status, resumeTo: null }, (timer) => stopTimer(timer, at));
}

function withTimer(state: ProtocolState, change: (timer: Timer) => Timer): ProtocolState {
	return state.timer ? { ...state, timer: change(state.timer) } : state;
}

function changed(state: ProtocolState): Outcome {
	return { ok: true, state, changed: true };
}

function unchanged(state: ProtocolState): Outcome {
	return { ok: true, state, changed: false };
}

function refuse(reason: Refusal): Outcome {
	return { ok: false, reason };
}

/** Whether the reflect-back steps apply to the prompt on the table (not to shared tasks). */
export function hasListeningSteps(state: Place, script: Script): boolean {
	return state.mode !== 'solo' && promptKindOf(state, script) === 'question';
}
