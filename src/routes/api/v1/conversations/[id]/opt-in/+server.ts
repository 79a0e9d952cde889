import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, parseId, readJson } from '$lib/server/http';
import { optInSchema } from '$lib/server/conversations/conversations.schemas';
import { optInToNextSet } from '$lib/server/conversations/moves.service';

export const POST: RequestHandler = ({ params, request, locals }) =>
	api(async () => {
		const id = parseId(params.id);
		const input = await readJson(request, optInSchema);

		return json({ conversation: await optInToNextSet(locals.ctx, id, input) });
	});
