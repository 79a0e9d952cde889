import type { Ctx } from '../context';
import { requireViewer, type Viewer } from '../access';
import { canTakePart } from '$lib/domain/visibility';
import type { ConversationKind, Mode, Status } from '$lib/domain/conversation-turns';
import {
	listConversationsIn,
	listOwnAnswers,
	listParticipants,
	type Space
} from './conversations.queries';
import { answerView, visibleAnswers, type ConversationAnswerView } from './conversations.view';

const LIST_LIMIT = 100;
const EARLIER_LIMIT = 500;

export type ConversationSummary = {
	id: string;
	kind: ConversationKind;
	mode: Mode;
	status: Status;
	open: boolean;
	startedAt: string;
	finishedAt: string | null;
	partner: { name: string } | null;
	/** How far it went: Closer's set and prompt, the vulnerability round (0-based). */
	progress: { set: number; index: number };
	/** The viewer's own saved answers, and the partner's shared ones. */
	answers: ConversationAnswerView[];
};

/** Own words kept from conversations of an earlier link, which the viewer can no longer open. */
export type EarlierNote = {
	kind: ConversationKind;
	startedAt: string;
	answers: ConversationAnswerView[];
};

/**
 * What was done and when, newest first: the current couple's conversations and the viewer's own
 * alone, each with the answers the viewer may read. After a link ends each keeps only what they
 * wrote: those come back as earlier notes, without the partner's words or the conversation.
 */
export async function listConversations(
	ctx: Ctx
): Promise<{ conversations: ConversationSummary[]; earlier: EarlierNote[] }> {
	const viewer = await requireViewer(ctx);
	const spaces: Space[] = viewer.coupleId
		? [{ coupleId: viewer.coupleId }, { userId: viewer.userId }]
		: [{ userId: viewer.userId }];
	const rows = await listConversationsIn(ctx.db, spaces, LIST_LIMIT);
	const [answers, people] = await Promise.all([
		visibleAnswers(ctx, viewer, rows),
		listParticipants(
			ctx.db,
			rows.map((row) => row.id)
		)
	]);
	const conversations = rows.map((row): ConversationSummary => {
		const partner = people.find((p) => p.conversationId === row.id && p.userId !== viewer.userId);

		return {
			id: row.id,
			kind: row.kind,
			mode: row.state.mode,
			status: row.state.status,
			open: row.closedAt === null,
			startedAt: row.startedAt.toISOString(),
			finishedAt: row.closedAt?.toISOString() ?? null,
			partner: row.coupleId ? { name: partner?.name ?? '' } : null,
			progress: { set: row.state.set, index: row.state.index },
			answers: answers.filter((answer) => answer.conversationId === row.id)
		};
	});

	return { conversations, earlier: await earlierNotes(ctx, viewer) };
}

async function earlierNotes(ctx: Ctx, viewer: Viewer): Promise<EarlierNote[]> {
	// Words from an earlier link are the person's alone: nobody else can see them, so while
	// private areas are locked they wait for the unlock.
	if (viewer.locked) {
		return [];
	}
	const own = await listOwnAnswers(ctx.db, viewer.userId, EARLIER_LIMIT);
	const notes = new Map<string, EarlierNote>();
	for (const { answer, kind, startedAt, coupleId, userId } of own) {
		if (canTakePart(viewer, { coupleId, userId })) {
			continue;
		}
		const note = notes.get(answer.conversationId) ?? {
			kind,
			startedAt: startedAt.toISOString(),
			answers: []
		};
		note.answers.push(answerView(viewer, answer, kind));
		notes.set(answer.conversationId, note);
	}

	return [...notes.values()];
}
