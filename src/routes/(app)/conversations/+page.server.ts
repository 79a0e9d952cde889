import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, parseForm, readForm, requireCtx } from '$lib/server/http';
import { getConversationHub } from '$lib/server/conversations/guide.service';
import { startConversation } from '$lib/server/conversations/conversations.service';
import { startSchema } from '$lib/server/conversations/conversations.schemas';

export const load: PageServerLoad = async ({ locals, url }) => ({
	hub: await getConversationHub(requireCtx(locals, url))
});

export const actions: Actions = {
	/** Starts (or opens the open one of) a practice; also used by the one tap on Today. */
	start: async ({ request, locals, url }) => {
		const ctx = requireCtx(locals, url);
		const values = await readForm(request);
		const started = await formAction(
			values,
			async () => startConversation(ctx, parseForm(startSchema, values)),
			'start'
		);
		if ('conversation' in started) {
			redirect(303, `/conversations/${started.conversation.id}`);
		}

		return started;
	}
};
