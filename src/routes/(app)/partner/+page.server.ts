import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, parseForm, readForm, requireCtx } from '$lib/server/http';
import { getMe } from '$lib/server/accounts/accounts.service';
import { joinSchema } from '$lib/server/couples/couples.schemas';
import {
	cancelInvite,
	createInvite,
	getOpenInvite,
	joinCouple
} from '$lib/server/couples/couples.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const ctx = requireCtx(locals, url);
	const me = await getMe(ctx);

	return {
		partner: me.partner,
		timeZone: me.profile.timeZone,
		openInvite: me.partner ? null : await getOpenInvite(ctx)
	};
};

export const actions: Actions = {
	// The code is returned once, in the answer to this action; only its hash is kept.
	invite: async ({ locals, url }) =>
		formAction({}, async () => ({ invite: await createInvite(requireCtx(locals, url)) }), 'invite'),
	cancel: async ({ locals, url }) =>
		formAction(
			{},
			async () => {
				await cancelInvite(requireCtx(locals, url));

				return { cancelled: true };
			},
			'cancel'
		),
	join: async ({ request, locals, url }) => {
		const values = await readForm(request);
		const result = await formAction(
			values,
			async () => {
				await joinCouple(requireCtx(locals, url), parseForm(joinSchema, values));
			},
			'join'
		);
		if (result) {
			return result;
		}
		redirect(303, '/home');
	}
};
