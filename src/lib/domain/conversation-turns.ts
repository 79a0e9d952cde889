/**
 * Who does what in a guided conversation: the kinds, modes and steps, who leads each prompt, who
 * speaks and who listens, and whose turn the screen shows. Pure: the protocol and the pages share it.
 */
import { MINUTE_MS } from './conversation-timer';

export const CONVERSATION_KINDS = [
	'closer',
	'vulnerability',
	'ten-minutes',
	'phones-down'
] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

/** One phone passed between two people, two phones in sync, or one person alone. */
export const MODES = ['one-phone', 'two-phone', 'solo'] as const;
export type Mode = (typeof MODES)[number];

/** The kinds that have a solo form; Closer is a conversation between two people. */
export const SOLO_KINDS: readonly ConversationKind[] = [
	'vulnerability',
	'ten-minutes',
	'phones-down'
];

/** Position 0 started the conversation; position 1 is the partner (absent when alone). */
export type Position = 0 | 1;
export type PromptKind = 'question' | 'task';

export type Step =
	/** One phone: pass the phone to the person whose turn comes next. */
	| 'handover'
	/** The speaker answers the prompt. */
	| 'speak'
	/** The listener says back what they heard. */
	| 'reflect'
	/** The speaker confirms, or corrects and the listener reflects again. */
	| 'confirm'
	/** The listener responds: receive, don't fix. */
	| 'respond'
	/** A small task the two do together. */
	| 'together'
	/** Vulnerability: the speaker drafts privately, then shares when ready. */
	| 'draft'
	/** Vulnerability: the listener receives what was shared. */
	| 'receive'
	/** Alone: write for yourself. */
	| 'journal'
	/** Phones down: the screen is quiet until the time is up. */
	| 'quiet';

export type Status = 'waiting' | 'active' | 'paused' | 'between-sets' | 'completed' | 'ended';

/** A timer limit per kind; Closer's is per set, and only a guide. */
export const TIMER_LIMITS: Record<ConversationKind, number | null> = {
	closer: 15 * MINUTE_MS,
	vulnerability: null,
	'ten-minutes': 10 * MINUTE_MS,
	'phones-down': 20 * MINUTE_MS
};

/** What a conversation goes through, fixed when it starts (ids only; texts come from content). */
export type Script =
	| { kind: 'closer'; sets: { id: string; prompts: { id: string; kind: PromptKind }[] }[] }
	| { kind: 'vulnerability' | 'ten-minutes' | 'phones-down'; deck: string[] };

/** Where a conversation stands: enough to put both phones on exactly the same screen. */
export type Place = {
	kind: ConversationKind;
	mode: Mode;
	/** Closer: the set (0-based). */
	set: number;
	/** Closer: the prompt within the set; vulnerability: the round; otherwise 0. */
	index: number;
	/** Vulnerability and ten minutes: which card of the deck is on the table. */
	card: number;
	/** 0 while the one who leads this prompt speaks, 1 while the other does. */
	turn: 0 | 1;
	step: Step;
	/** One phone: who holds it now. */
	holder: Position;
};

export const other = (position: Position): Position => (position === 0 ? 1 : 0);

/**
 * Who answers first. Closer alternates with every prompt and starts each set with the other
 * person; vulnerability rounds alternate; alone it is always you.
 */
export function leaderOf(place: Pick<Place, 'kind' | 'mode' | 'set' | 'index'>): Position {
	if (place.mode === 'solo') {
		return 0;
	}
	switch (place.kind) {
		case 'closer':
			return ((place.set + place.index) % 2) as Position;
		case 'vulnerability':
			return (place.index % 2) as Position;
		case 'ten-minutes':
		case 'phones-down':
			return 0;
	}
}

export function speakerOf(place: Place): Position {
	const leader = leaderOf(place);

	return place.turn === 0 ? leader : other(leader);
}

export function promptKindOf(place: Place, script: Script): PromptKind {
	if (script.kind !== 'closer') {
		return 'question';
	}

	return script.sets[place.set]?.prompts[place.index]?.kind ?? 'question';
}

/** The id of the prompt, stem or question on the table, or null (phones down has none). */
export function promptIdOf(place: Place, script: Script): string | null {
	if (script.kind === 'closer') {
		return script.sets[place.set]?.prompts[place.index]?.id ?? null;
	}
	if (script.kind === 'phones-down') {
		return null;
	}

	return script.deck[place.card] ?? null;
}

/** The first step of the current turn, before any handing over of the phone. */
export function firstStepOf(place: Place, script: Script): Step {
	if (place.kind === 'phones-down') {
		return 'quiet';
	}
	if (place.mode === 'solo') {
		return 'journal';
	}
	if (place.kind === 'vulnerability') {
		return 'draft';
	}

	return promptKindOf(place, script) === 'task' ? 'together' : 'speak';
}

/** Who should hold the one phone for the current turn: the speaker (or the one leading a task). */
export function neededHolderOf(place: Place): Position {
	return speakerOf(place);
}

/** Whose turn the screen shows: one person, or both of you together. */
export function actorOf(place: Place): Position | 'both' {
	const speaker = speakerOf(place);
	switch (place.step) {
		case 'speak':
		case 'confirm':
		case 'draft':
		case 'journal':
			return speaker;
		case 'reflect':
		case 'respond':
		case 'receive':
			return other(speaker);
		case 'handover':
			return neededHolderOf(place);
		case 'together':
		case 'quiet':
			return 'both';
	}
}
