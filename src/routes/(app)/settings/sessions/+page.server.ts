import type { Actions, PageServerLoad } from './$types';
import { formAction, parseId, readForm, requireUnlockedCtx } from '$lib/server/http';
import { getMe } from '$lib/server/accounts/accounts.service';
import { endOtherSessions, endSession, listSessions } from '$lib/server/sessions/sessions.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const ctx = requireUnlockedCtx(locals, url);
	const me = await getMe(ctx);

	return { sessions: await listSessions(ctx), timeZone: me.profile.timeZone };
};

export const actions: Actions = {
	end: async ({ request, locals, url }) => {
		const values = await readForm(request);

		return formAction(values, async () => {
			await endSession(requireUnlockedCtx(locals, url), parseId(values.sessionId ?? ''));

			return { ended: 'one' as const };
		});
	},
	endOthers: async ({ locals, url }) =>
		formAction({}, async () => {
			await endOtherSessions(requireUnlockedCtx(locals, url));

			return { ended: 'others' as const };
		})
};
