import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, parseId, readJson } from '$lib/server/http';
import { conversationAnswerSchema } from '$lib/server/conversations/conversations.schemas';
import { saveConversationAnswer } from '$lib/server/conversations/answers.service';

/** Keeps your answer to a prompt (one per prompt: saving again replaces it). */
export const POST: RequestHandler = ({ params, request, locals }) =>
	api(async () => {
		const id = parseId(params.id);
		const input = await readJson(request, conversationAnswerSchema);

		return json({ answer: await saveConversationAnswer(locals.ctx, id, input) });
	});
