import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	clearSessionCookie,
	formAction,
	parseForm,
	readForm,
	requireUnlockedCtx
} from '$lib/server/http';
import { getMe } from '$lib/server/accounts/accounts.service';
import { deleteAccountSchema } from '$lib/server/privacy/privacy.schemas';
import { deleteAccount } from '$lib/server/privacy/deletion.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const me = await getMe(requireUnlockedCtx(locals, url));

	return { partner: me.partner };
};

export const actions: Actions = {
	default: async ({ request, locals, url, cookies, setHeaders }) => {
		const values = await readForm(request);
		const result = await formAction(values, () =>
			deleteAccount(requireUnlockedCtx(locals, url), parseForm(deleteAccountSchema, values))
		);
		if (result) {
			return result;
		}
		clearSessionCookie(cookies);
		setHeaders({ 'clear-site-data': '"cache", "storage"' });
		redirect(303, '/?deleted');
	}
};
