import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	clearPendingSignInCookie,
	formAction,
	parseForm,
	readForm,
	readPendingSignInCookie,
	setSignedInCookies
} from '$lib/server/http';
import { secondStepSchema } from '$lib/server/two-factor/two-factor.schemas';
import { completeSignIn } from '$lib/server/accounts/sign-in.service';
import { safeNextPath } from '$lib/domain/redirects';

/** The second step of a sign-in: the ticket waits in a short-lived cookie, never in the page. */
export const load: PageServerLoad = ({ locals, url, cookies }) => {
	const next = safeNextPath(url.searchParams.get('next'));
	if (locals.user) {
		redirect(303, next);
	}
	if (!readPendingSignInCookie(cookies)) {
		redirect(303, `/signin?next=${encodeURIComponent(next)}`);
	}

	return { next };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		const values = await readForm(request);
		const ticket = readPendingSignInCookie(cookies) ?? '';
		const result = await formAction(values, async () => {
			const signedIn = await completeSignIn(
				locals.ctx,
				parseForm(secondStepSchema, { ticket, code: values.code ?? '' })
			);
			clearPendingSignInCookie(cookies);
			setSignedInCookies(cookies, signedIn, locals.ctx.now());

			return 'signed-in' as const;
		});
		if (result === 'signed-in') {
			redirect(303, safeNextPath(url.searchParams.get('next')));
		}

		return result;
	}
};
