import type { Actions, PageServerLoad } from './$types';
import { formAction, parseForm, parseId, readForm, requireUnlockedCtx } from '$lib/server/http';
import { updateProfileSchema } from '$lib/server/accounts/accounts.schemas';
import { getMe, updateProfile } from '$lib/server/accounts/accounts.service';
import { listPastPartners, setPastPartnerBlock } from '$lib/server/couples/couples.service';
import { listTimeZones } from '$lib/domain/time-zones';
import { getInstanceNotice } from '$lib/server/help/help.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const ctx = requireUnlockedCtx(locals, url);
	const me = await getMe(ctx);

	return {
		name: me.user.name,
		email: me.user.email,
		timeZone: me.profile.timeZone,
		partner: me.partner,
		pastPartners: await listPastPartners(ctx),
		zones: listTimeZones(),
		left: url.searchParams.has('left'),
		operator: getInstanceNotice().operator
	};
};

export const actions: Actions = {
	profile: async ({ request, locals, url }) => {
		const values = await readForm(request);

		return formAction(
			values,
			async () => {
				await updateProfile(
					requireUnlockedCtx(locals, url),
					parseForm(updateProfileSchema, values)
				);

				return { saved: 'profile' as const };
			},
			'profile'
		);
	},
	block: async ({ request, locals, url }) => {
		const values = await readForm(request);

		return formAction(
			values,
			async () => {
				const partnerId = parseId(values.partnerId ?? '');
				await setPastPartnerBlock(requireUnlockedCtx(locals, url), partnerId, {
					blocked: values.blocked === 'true'
				});

				return { saved: 'block' as const };
			},
			'block'
		);
	}
};
