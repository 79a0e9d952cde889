import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { requireCtx } from '$lib/server/http';
import { getLockState } from '$lib/server/lock/lock.service';
import { getInstanceNotice } from '$lib/server/help/help.service';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const ctx = requireCtx(locals, url);
	const user = locals.user;
	if (user && !user.onboarded && !url.pathname.startsWith('/onboarding')) {
		redirect(303, '/onboarding');
	}

	return {
		user: { name: user?.name ?? '' },
		lock: await getLockState(ctx),
		quickExitUrl: getInstanceNotice().quickExitUrl
	};
};
