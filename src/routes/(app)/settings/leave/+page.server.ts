import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, requireCtx } from '$lib/server/http';
import { getMe } from '$lib/server/accounts/accounts.service';
import { leaveCouple } from '$lib/server/couples/couples.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const me = await getMe(requireCtx(locals, url));
	if (!me.partner) {
		redirect(303, '/settings');
	}

	return { partner: me.partner };
};

export const actions: Actions = {
	default: async ({ locals, url }) => {
		const result = await formAction({}, async () => {
			await leaveCouple(requireCtx(locals, url));
		});
		if (result) {
			return result;
		}
		redirect(303, '/settings?left');
	}
};
