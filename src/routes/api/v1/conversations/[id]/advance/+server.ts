import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, parseId, readJson } from '$lib/server/http';
import { advanceSchema } from '$lib/server/conversations/conversations.schemas';
import { advanceConversation } from '$lib/server/conversations/moves.service';

export const POST: RequestHandler = ({ params, request, locals }) =>
	api(async () => {
		const id = parseId(params.id);
		const input = await readJson(request, advanceSchema);

		return json({ conversation: await advanceConversation(locals.ctx, id, input) });
	});
