import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { requireCtx } from '$lib/server/http';

export const load: LayoutServerLoad = ({ locals, url }) => {
	requireCtx(locals, url);
	const user = locals.user;
	if (user && !user.onboarded && !url.pathname.startsWith('/onboarding')) {
		redirect(303, '/onboarding');
	}

	return { user: { name: user?.name ?? '' } };
};
