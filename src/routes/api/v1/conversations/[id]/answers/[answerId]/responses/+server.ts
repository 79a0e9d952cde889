import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, parseId, readJson } from '$lib/server/http';
import { receiveSchema } from '$lib/server/conversations/conversations.schemas';
import { receiveConversationAnswer } from '$lib/server/conversations/answers.service';

/** Meets your partner's shared answer with one of the receiving responses. */
export const POST: RequestHandler = ({ params, request, locals }) =>
	api(async () => {
		const [id, answerId] = [parseId(params.id), parseId(params.answerId)];
		const input = await readJson(request, receiveSchema);

		return json(
			{ answer: await receiveConversationAnswer(locals.ctx, id, answerId, input) },
			{ status: 201 }
		);
	});
