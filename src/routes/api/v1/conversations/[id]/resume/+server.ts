import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, parseId } from '$lib/server/http';
import { resumeConversation } from '$lib/server/conversations/moves.service';

export const POST: RequestHandler = ({ params, locals }) =>
	api(async () => json({ conversation: await resumeConversation(locals.ctx, parseId(params.id)) }));
