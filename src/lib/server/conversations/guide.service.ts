import type { Ctx } from '../context';
import { requireUser, requireViewer } from '../access';
import { findOpenConversations, getConversation } from './conversations.service';
import type { ConversationView } from './conversations.view';
import { getContent } from '$lib/content';
import { SOLO_KINDS, type ConversationKind } from '$lib/domain/conversation-turns';
import { getLocale } from '$lib/paraglide/runtime';

export type PracticeGuide = {
	kind: ConversationKind;
	/** Where the practice comes from, and how strong that evidence is. */
	evidence: string;
	solo: boolean;
	minutes: number | null;
};

/** The practices with their evidence notes, and the lines that guide speaker and listener. */
export function getConversationGuide(ctx: Ctx) {
	requireUser(ctx);
	const content = getContent(getLocale());
	const practice = (kind: ConversationKind, evidence: string, minutes: number | null) => ({
		kind,
		evidence,
		solo: SOLO_KINDS.includes(kind),
		minutes
	});

	return {
		practices: [
			practice('closer', content.closer.evidence, 45),
			practice('vulnerability', content.stems.evidence, null),
			practice('ten-minutes', content.tenMinutes.evidence, 10),
			practice('phones-down', content.phonesDown.evidence, 20)
		] satisfies PracticeGuide[],
		closerSets: content.closer.sets.map(({ id, title, intro, minutes }) => ({
			id,
			title,
			intro,
			minutes
		})),
		listening: content.listening
	};
}

export type OpenConversation = {
	id: string;
	status: ConversationView['status'];
	mode: ConversationView['mode'];
	/** Whether this person's phone is in it (two phones: the partner may still need to join). */
	joined: boolean;
	solo: boolean;
};

/** The hub: every practice with its evidence, and what is open to continue or join. */
export async function getConversationHub(ctx: Ctx) {
	const viewer = await requireViewer(ctx);
	const guide = getConversationGuide(ctx);
	const open: Partial<Record<ConversationKind, OpenConversation>> = {};
	for (const [kind, id] of Object.entries(await findOpenConversations(ctx, viewer))) {
		const view = await getConversation(ctx, id);
		open[kind as ConversationKind] = {
			id,
			status: view.status,
			mode: view.mode,
			joined: view.joined.me,
			solo: view.mode === 'solo'
		};
	}

	return { ...guide, partner: viewer.partner ? { name: viewer.partner.name } : null, open };
}
