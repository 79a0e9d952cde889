import type { PageServerLoad } from './$types';
import { requireCtx } from '$lib/server/http';
import { listConversations } from '$lib/server/conversations/past.service';

export const load: PageServerLoad = async ({ locals, url }) => ({
	past: await listConversations(requireCtx(locals, url)),
	timeZone: locals.user?.timeZone ?? 'UTC'
});
