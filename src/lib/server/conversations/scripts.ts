import crypto from 'node:crypto';
import type { Content } from '$lib/content/schema';
import type { Depth } from '$lib/domain/daily-question';
import type { ConversationKind, Script } from '$lib/domain/conversation-turns';

/** How many ten-minute questions a conversation offers (the first, and others on request). */
export const TEN_MINUTE_CHOICES = 12;
/** Light prompts offered for phones down, if the two want one. */
export const PHONES_DOWN_PROMPTS = 3;

const DEPTH_ORDER: Depth[] = ['light', 'medium', 'deep'];
const ALLOWED_DEPTHS: Record<Depth, Depth[]> = {
	light: ['light', 'medium'],
	medium: ['light', 'medium', 'deep'],
	deep: ['light', 'medium', 'deep']
};

/**
 * What a new conversation goes through, fixed at its start so a later change of content never
 * moves a pair who are in the middle of it. Ids only; texts are looked up in the reader's language.
 */
export function buildScript(
	kind: ConversationKind,
	content: Content,
	options: { depth: Depth; used: string[] }
): Script {
	switch (kind) {
		case 'closer':
			return {
				kind,
				sets: content.closer.sets.map((set) => ({
					id: set.id,
					prompts: set.prompts.map((prompt) => ({ id: prompt.id, kind: prompt.kind }))
				}))
			};
		case 'vulnerability': {
			// Rising depth: light stems first, then medium, then deep, each group in a fresh order.
			const deck = DEPTH_ORDER.flatMap((depth) =>
				shuffle(content.stems.items.filter((stem) => stem.depth === depth).map((stem) => stem.id))
			);

			return { kind, deck };
		}
		case 'ten-minutes': {
			const allowed = content.tenMinutes.questions.filter((q) =>
				ALLOWED_DEPTHS[options.depth].includes(q.depth)
			);
			// Questions this pair has not talked about yet first: one you don't know the answer to.
			const fresh = allowed.filter((q) => !options.used.includes(q.id));
			const pool = fresh.length >= 2 ? fresh : allowed;

			return { kind, deck: shuffle(pool.map((q) => q.id)).slice(0, TEN_MINUTE_CHOICES) };
		}
		case 'phones-down':
			return {
				kind,
				deck: shuffle(content.phonesDown.prompts.map((p) => p.id)).slice(0, PHONES_DOWN_PROMPTS)
			};
	}
}

function shuffle<T>(items: T[]): T[] {
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i -= 1) {
		const j = crypto.randomInt(i + 1);
		[copy[i], copy[j]] = [copy[j], copy[i]];
	}

	return copy;
}
