import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, requireCtx } from '$lib/server/http';
import { getMe } from '$lib/server/accounts/accounts.service';
import { joinCouple } from '$lib/server/couples/couples.service';
import { getInstanceNotice } from '$lib/server/help/help.service';

/**
 * The page an invite link opens. Opening it changes nothing: linking needs the invitee, signed
 * in to their own account, to press Accept.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) {
		return { signedIn: false as const, next: url.pathname };
	}
	if (!locals.user.onboarded) {
		redirect(303, `/onboarding?next=${encodeURIComponent(url.pathname)}`);
	}
	const me = await getMe(requireCtx(locals, url));

	return {
		signedIn: true as const,
		partner: me.partner,
		quickExitUrl: getInstanceNotice().quickExitUrl
	};
};

export const actions: Actions = {
	default: async ({ params, locals, url }) => {
		const result = await formAction({}, async () => {
			await joinCouple(requireCtx(locals, url), { code: params.code });
		});
		if (result) {
			return result;
		}
		redirect(303, '/home');
	}
};
