import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	formAction,
	parseForm,
	readForm,
	setPendingSignInCookie,
	setSignedInCookies
} from '$lib/server/http';
import { loginSchema } from '$lib/server/accounts/accounts.schemas';
import { needsSecondStep, signIn } from '$lib/server/accounts/sign-in.service';
import { safeNextPath } from '$lib/domain/redirects';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeNextPath(url.searchParams.get('next'));
	if (locals.user) {
		redirect(303, next);
	}

	return { next, reset: url.searchParams.has('reset') };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		const values = await readForm(request);
		const result = await formAction(values, async () => {
			const signedIn = await signIn(locals.ctx, parseForm(loginSchema, values));
			if (needsSecondStep(signedIn)) {
				setPendingSignInCookie(cookies, signedIn.secondStep, locals.ctx.now());

				return 'second-step' as const;
			}
			setSignedInCookies(cookies, signedIn, locals.ctx.now());

			return 'signed-in' as const;
		});
		const next = safeNextPath(url.searchParams.get('next'));
		if (result === 'second-step') {
			redirect(303, `/signin/code?next=${encodeURIComponent(next)}`);
		}
		if (result === 'signed-in') {
			redirect(303, next);
		}

		return result;
	}
};
