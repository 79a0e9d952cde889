import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { startSchema } from '$lib/server/conversations/conversations.schemas';
import { startConversation } from '$lib/server/conversations/conversations.service';
import { listConversations } from '$lib/server/conversations/past.service';

export const GET: RequestHandler = ({ locals }) =>
	api(async () => json(await listConversations(locals.ctx)));

/** 201 with a new conversation, or 200 with the open one of that kind. */
export const POST: RequestHandler = ({ request, locals }) =>
	api(async () => {
		const { conversation, created } = await startConversation(
			locals.ctx,
			await readJson(request, startSchema)
		);

		return json({ conversation }, { status: created ? 201 : 200 });
	});
