import type { Ctx } from '../context';
import type { Viewer } from '../access';
import { getContent } from '$lib/content';
import { canSeeItem } from '$lib/domain/visibility';
import { deadline, remainingMs } from '$lib/domain/conversation-timer';
import {
	hasListeningSteps,
	isFinished,
	type ProtocolState
} from '$lib/domain/conversation-protocol';
import {
	actorOf,
	other,
	promptIdOf,
	promptKindOf,
	speakerOf,
	type ConversationKind,
	type Mode,
	type Position,
	type Script,
	type Status,
	type Step
} from '$lib/domain/conversation-turns';
import { getLocale } from '$lib/paraglide/runtime';
import {
	listAnswersVisibleTo,
	listParticipants,
	listResponsesTo,
	type AnswerRow,
	type ConversationRow
} from './conversations.queries';

/** "me" or "partner", from where the viewer sits; names are looked up by the page. */
export type Who = 'me' | 'partner';

export type ConversationAnswerView = {
	id: string;
	conversationId: string;
	promptId: string;
	prompt: string | null;
	text: string;
	visibility: 'private' | 'shared';
	mine: boolean;
	updatedAt: string;
	responses: { id: string; responseId: string; text: string; mine: boolean }[];
};

export type ConversationView = {
	id: string;
	kind: ConversationKind;
	mode: Mode;
	status: Status;
	/** The number of moves so far; a move names the one it was made on. */
	seq: number;
	startedAt: string;
	finishedAt: string | null;
	partner: { name: string } | null;
	place: {
		set: number;
		sets: number;
		index: number;
		count: number;
		turn: 0 | 1;
		step: Step;
		listening: boolean;
	};
	/** Whose turn the screen shows, who speaks and who listens, and (one phone) who holds it. */
	whose: Who | 'both';
	speaker: Who;
	listener: Who | null;
	holder: Who | null;
	prompt: { id: string; kind: 'question' | 'task'; text: string } | null;
	set: { id: string; title: string; intro: string } | null;
	lightPrompts: { id: string; text: string }[];
	timer: { limitMs: number; remainingMs: number; running: boolean; endsAt: string | null } | null;
	/** Between sets: your choice, and your partner's only on a shared phone (no pressure). */
	consent: { me: boolean; partner: boolean | null } | null;
	joined: { me: boolean; partner: boolean };
	answers: ConversationAnswerView[];
	now: string;
};

export async function toConversationView(
	ctx: Ctx,
	viewer: Viewer,
	position: Position,
	row: ConversationRow
): Promise<ConversationView> {
	const [answers, people] = await Promise.all([
		visibleAnswers(ctx, viewer, [row]),
		listParticipants(ctx.db, [row.id])
	]);
	const partnerName = people.find((p) => p.position !== position)?.name;

	return {
		...describe(row, position, ctx.now()),
		partner: row.coupleId ? { name: partnerName ?? '' } : null,
		answers
	};
}

function describe(row: ConversationRow, position: Position, now: Date) {
	const { state, script } = row;
	const rel = (p: Position): Who => (p === position ? 'me' : 'partner');
	const solo = state.mode === 'solo';
	const actor = actorOf(state);
	const speaker = speakerOf(state);

	return {
		id: row.id,
		kind: row.kind,
		mode: state.mode,
		status: state.status,
		seq: row.seq,
		startedAt: row.startedAt.toISOString(),
		finishedAt: row.closedAt?.toISOString() ?? null,
		place: placeOf(state, script),
		whose: actor === 'both' ? ('both' as const) : rel(actor),
		speaker: rel(speaker),
		listener: solo ? null : rel(other(speaker)),
		holder: state.mode === 'one-phone' ? rel(state.holder) : null,
		prompt: isFinished(state) && state.status === 'completed' ? null : promptOf(state, script),
		set: setOf(state, script),
		lightPrompts: lightPromptsOf(script),
		timer: timerOf(state, now),
		consent:
			state.status === 'between-sets'
				? {
						me: state.optIns[position],
						partner: state.mode === 'one-phone' ? state.optIns[other(position)] : null
					}
				: null,
		joined: { me: state.joined[position], partner: !solo && state.joined[other(position)] },
		now: now.toISOString()
	};
}

function placeOf(state: ProtocolState, script: Script) {
	const sets = script.kind === 'closer' ? script.sets.length : 1;
	const count =
		script.kind === 'closer'
			? (script.sets[state.set]?.prompts.length ?? 0)
			: script.kind === 'phones-down'
				? 0
				: script.deck.length;

	return {
		set: state.set,
		sets,
		index: state.index,
		count,
		turn: state.turn,
		step: state.step,
		listening: hasListeningSteps(state, script)
	};
}

function promptOf(state: ProtocolState, script: Script): ConversationView['prompt'] {
	const id = promptIdOf(state, script);
	if (!id) {
		return null;
	}
	const text = promptText(state.kind, id);

	return text === null ? null : { id, kind: promptKindOf(state, script), text };
}

/** The text of a prompt, stem or question in the reader's language (null if it was removed). */
export function promptText(kind: ConversationKind, id: string): string | null {
	const content = getContent(getLocale());
	switch (kind) {
		case 'closer':
			return (
				content.closer.sets.flatMap((set) => set.prompts).find((prompt) => prompt.id === id)
					?.text ?? null
			);
		case 'vulnerability':
			return content.stems.items.find((stem) => stem.id === id)?.text ?? null;
		case 'ten-minutes':
			return content.tenMinutes.questions.find((question) => question.id === id)?.text ?? null;
		case 'phones-down':
			return content.phonesDown.prompts.find((prompt) => prompt.id === id)?.text ?? null;
	}
}

function setOf(state: ProtocolState, script: Script): ConversationView['set'] {
	if (script.kind !== 'closer') {
		return null;
	}
	const set = getContent(getLocale()).closer.sets.find((s) => s.id === script.sets[state.set]?.id);

	return set ? { id: set.id, title: set.title, intro: set.intro } : null;
}

function lightPromptsOf(script: Script): ConversationView['lightPrompts'] {
	if (script.kind !== 'phones-down') {
		return [];
	}

	return script.deck.flatMap((id) => {
		const text = promptText('phones-down', id);
		return text === null ? [] : [{ id, text }];
	});
}

function timerOf(state: ProtocolState, now: Date): ConversationView['timer'] {
	if (!state.timer) {
		return null;
	}
	const ends = deadline(state.timer);

	return {
		limitMs: state.timer.limitMs,
		remainingMs: remainingMs(state.timer, now.getTime()),
		running: state.timer.since !== null,
		endsAt: ends === null ? null : new Date(ends).toISOString()
	};
}

/**
 * The answers of these conversations that the viewer may read: their own (drafts included) and
 * the partner's that were shared in the viewer's current couple. Never a partner's private one.
 */
export async function visibleAnswers(
	ctx: Ctx,
	viewer: Viewer,
	rows: Pick<ConversationRow, 'id' | 'kind'>[]
): Promise<ConversationAnswerView[]> {
	const kindOf = new Map(rows.map((row) => [row.id, row.kind]));
	const answers = (
		await listAnswersVisibleTo(
			ctx.db,
			viewer,
			rows.map((row) => row.id)
		)
	).filter((answer) => canSeeItem(viewer, answer));
	const responses = viewer.coupleId
		? await listResponsesTo(
				ctx.db,
				viewer.coupleId,
				answers.map((answer) => answer.id)
			)
		: [];
	const bank = getContent(getLocale()).listening.receivingResponses;

	return answers.map((answer) => ({
		...answerView(viewer, answer, kindOf.get(answer.conversationId) ?? 'closer'),
		responses: responses
			.filter((response) => response.answerId === answer.id)
			.map((response) => ({
				id: response.id,
				responseId: response.responseId,
				text: bank.find((line) => line.id === response.responseId)?.text ?? '',
				mine: response.authorId === viewer.userId
			}))
	}));
}

export function answerView(
	viewer: Pick<Viewer, 'userId'>,
	answer: AnswerRow,
	kind: ConversationKind
): ConversationAnswerView {
	return {
		id: answer.id,
		conversationId: answer.conversationId,
		promptId: answer.promptId,
		prompt: promptText(kind, answer.promptId),
		text: answer.text,
		visibility: answer.visibility,
		mine: answer.authorId === viewer.userId,
		updatedAt: answer.updatedAt.toISOString(),
		responses: []
	};
}
