import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, parseForm, readForm, requireCtx } from '$lib/server/http';
import { updateProfileSchema } from '$lib/server/accounts/accounts.schemas';
import { getMe, updateProfile } from '$lib/server/accounts/accounts.service';
import { listTimeZones } from '$lib/domain/time-zones';
import { safeNextPath } from '$lib/domain/redirects';
import { getInstanceNotice } from '$lib/server/help/help.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const me = await getMe(requireCtx(locals, url));

	return {
		name: me.user.name,
		timeZone: me.profile.timeZone,
		onboarded: me.profile.onboarded,
		zones: listTimeZones(),
		operator: getInstanceNotice().operator
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const ctx = requireCtx(locals, url);
		const values = await readForm(request);
		const result = await formAction(values, async () => {
			await updateProfile(ctx, parseForm(updateProfileSchema, values));
		});
		if (result) {
			return result;
		}
		// Someone who arrived through an invite link goes straight back to it.
		const next = safeNextPath(url.searchParams.get('next'), '');
		redirect(303, next.startsWith('/join/') ? next : '/onboarding/partner');
	}
};
