import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, parseForm, readForm, setSignedInCookies } from '$lib/server/http';
import { registerSchema } from '$lib/server/accounts/accounts.schemas';
import { registerAccount } from '$lib/server/accounts/accounts.service';
import { safeNextPath } from '$lib/domain/redirects';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeNextPath(url.searchParams.get('next'), '/onboarding');
	if (locals.user) {
		redirect(303, next);
	}

	return { next };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		const values = await readForm(request);
		const result = await formAction(values, async () => {
			const { session } = await registerAccount(locals.ctx, parseForm(registerSchema, values));
			setSignedInCookies(cookies, { session }, locals.ctx.now());
		});
		if (result) {
			return result;
		}
		// Onboarding comes first; a pending invite link is picked up after it.
		const next = safeNextPath(url.searchParams.get('next'), '');
		redirect(303, next ? `/onboarding?next=${encodeURIComponent(next)}` : '/onboarding');
	}
};
