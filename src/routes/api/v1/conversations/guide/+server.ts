import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api } from '$lib/server/http';
import { getConversationGuide } from '$lib/server/conversations/guide.service';

export const GET: RequestHandler = ({ locals }) =>
	api(async () => json(getConversationGuide(locals.ctx)));
