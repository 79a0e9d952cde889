import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, parseId } from '$lib/server/http';
import { getConversation } from '$lib/server/conversations/conversations.service';

export const GET: RequestHandler = ({ params, locals }) =>
	api(async () => json({ conversation: await getConversation(locals.ctx, parseId(params.id)) }));
