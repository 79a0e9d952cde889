import type { Ctx } from '../context';
import { requireConversation, requireViewer, type Viewer } from '../access';
import type { Executor } from '../db/client';
import { AppError } from '../errors';
import { logEvent } from '../log';
import { coupleTopic, userTopic } from '../live/bus';
import { paceFor } from '../practice/practice.service';
import { getContent } from '$lib/content';
import {
	applyEvent,
	isFinished,
	startConversation as startProtocol
} from '$lib/domain/conversation-protocol';
import { isTimeUp } from '$lib/domain/conversation-timer';
import { SOLO_KINDS, type ConversationKind, type Mode } from '$lib/domain/conversation-turns';
import * as m from '$lib/paraglide/messages';
import {
	findOpenConversation,
	insertConversation,
	insertParticipants,
	listUsedCards,
	lockConversation,
	saveMove,
	type ConversationRow,
	type Space
} from './conversations.queries';
import type { StartInput } from './conversations.schemas';
import { toConversationView, type ConversationView } from './conversations.view';
import { buildScript } from './scripts';

/** An open timed conversation left this long without a move is closed when a new one starts. */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

export const LIVE_KIND = 'conversation';

/**
 * Starts a conversation, or returns the open one of that kind (one at a time per couple, or per
 * person alone), so two partners who both tap "start" end up in the same one.
 */
export async function startConversation(
	ctx: Ctx,
	input: StartInput
): Promise<{ conversation: ConversationView; created: boolean }> {
	const viewer = await requireViewer(ctx);
	const mode: Mode = input.mode ?? (viewer.coupleId ? 'one-phone' : 'solo');
	if (mode === 'solo' && !SOLO_KINDS.includes(input.kind)) {
		throw new AppError('INVALID', m.error_conversation_needs_two(), {
			fields: { mode: [m.error_conversation_needs_two()] }
		});
	}
	if (mode !== 'solo' && (!viewer.coupleId || !viewer.partner)) {
		throw new AppError('NOT_FOUND', m.error_no_partner());
	}
	const space: Space =
		mode === 'solo' ? { userId: viewer.userId } : { coupleId: viewer.coupleId ?? '' };
	const pace = await paceFor(ctx, viewer);
	const used = await listUsedCards(ctx.db, space, input.kind);
	const now = ctx.now();

	const { row, created } = await ctx.db.transaction(async (tx) => {
		const open = await findOpenConversation(tx, space, input.kind);
		if (open && !(await closeIfStale(tx, open, now))) {
			return { row: open, created: false };
		}
		const script = buildScript(input.kind, getContent(), { depth: pace.depth, used });
		const state = startProtocol(input.kind, mode, script, now.getTime());
		const inserted = await insertConversation(tx, {
			...('coupleId' in space ? { coupleId: space.coupleId } : { userId: space.userId }),
			kind: input.kind,
			mode,
			script,
			state,
			status: state.status,
			startedAt: now,
			updatedAt: now
		});
		if (!inserted) {
			// The partner started the same kind a moment earlier: join theirs.
			const theirs = await findOpenConversation(tx, space, input.kind);
			if (!theirs) {
				throw new AppError('CONFLICT', m.error_conversation_moved_on());
			}

			return { row: theirs, created: false };
		}
		const people = mode === 'solo' ? [viewer.userId] : [viewer.userId, viewer.partner?.id ?? ''];
		await insertParticipants(tx, inserted.id, people);

		return { row: inserted, created: true };
	});
	if (created) {
		logEvent('conversation.started', { userId: viewer.userId });
		await publishChange(ctx, row);
	}
	const access = await requireConversation(ctx, row.id);

	return {
		conversation: await toConversationView(ctx, viewer, access.position, access.conversation),
		created
	};
}

export async function getConversation(ctx: Ctx, id: string): Promise<ConversationView> {
	const { viewer, position, conversation } = await requireConversation(ctx, id);

	return toConversationView(ctx, viewer, position, conversation);
}

/** The open conversations of the viewer's spaces, by kind (for the hub's "continue"). */
export async function findOpenConversations(
	ctx: Ctx,
	viewer: Viewer
): Promise<Partial<Record<ConversationKind, string>>> {
	const found: Partial<Record<ConversationKind, string>> = {};
	const spaces: Space[] = viewer.coupleId
		? [{ coupleId: viewer.coupleId }, { userId: viewer.userId }]
		: [{ userId: viewer.userId }];
	for (const kind of ['closer', 'vulnerability', 'ten-minutes', 'phones-down'] as const) {
		for (const space of spaces) {
			const open = await findOpenConversation(ctx.db, space, kind);
			if (open && !found[kind]) {
				found[kind] = open.id;
			}
		}
	}

	return found;
}

/** Tells both phones (or the one person's devices) that something changed: ids only. */
export async function publishChange(
	ctx: Ctx,
	row: Pick<ConversationRow, 'id' | 'coupleId' | 'userId'>
) {
	const topic = row.coupleId ? coupleTopic(row.coupleId) : userTopic(row.userId ?? '');
	await ctx.live.publish(topic, { kind: LIVE_KIND, id: row.id });
}

/**
 * A timed conversation nobody came back to closes before a new one starts: phones down whose
 * time ran out counts as done; anything else left for hours counts as ended.
 */
async function closeIfStale(tx: Executor, open: ConversationRow, now: Date): Promise<boolean> {
	if (open.kind !== 'ten-minutes' && open.kind !== 'phones-down') {
		return false;
	}
	const timeUp = open.state.timer !== null && isTimeUp(open.state.timer, now.getTime());
	const idle = now.getTime() - open.updatedAt.getTime() > STALE_AFTER_MS;
	if (!timeUp && !idle) {
		return false;
	}
	const locked = await lockConversation(tx, open.id);
	if (!locked || isFinished(locked.state)) {
		return true;
	}
	const done = open.kind === 'phones-down' && timeUp && locked.state.status === 'active';
	const event = done ? ({ type: 'next', by: 0 } as const) : ({ type: 'end', by: 0 } as const);
	const outcome = applyEvent(locked.state, locked.script, event, now.getTime());
	if (!outcome.ok) {
		return false;
	}
	await saveMove(
		tx,
		locked,
		{ state: outcome.state, status: outcome.state.status, updatedAt: now, closedAt: now },
		{ type: event.type, by: event.by, at: now }
	);

	return true;
}
