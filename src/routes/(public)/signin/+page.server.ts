import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, parseForm, readForm, setSignedInCookies } from '$lib/server/http';
import { loginSchema } from '$lib/server/accounts/accounts.schemas';
import { signIn } from '$lib/server/accounts/sign-in.service';
import { safeNextPath } from '$lib/domain/redirects';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeNextPath(url.searchParams.get('next'));
	if (locals.user) {
		redirect(303, next);
	}

	return { next };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		const values = await readForm(request);
		const result = await formAction(values, async () => {
			const signedIn = await signIn(locals.ctx, parseForm(loginSchema, values));
			setSignedInCookies(cookies, signedIn, locals.ctx.now());
		});
		if (result) {
			return result;
		}
		redirect(303, safeNextPath(url.searchParams.get('next')));
	}
};
