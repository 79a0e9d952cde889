import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, parseId } from '$lib/server/http';
import { shareConversationAnswer } from '$lib/server/conversations/answers.service';

export const POST: RequestHandler = ({ params, locals }) =>
	api(async () => {
		const [id, answerId] = [parseId(params.id), parseId(params.answerId)];

		return json({ answer: await shareConversationAnswer(locals.ctx, id, answerId) });
	});
