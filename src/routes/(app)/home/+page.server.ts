import type { PageServerLoad } from './$types';
import { requireCtx } from '$lib/server/http';
import { getMe } from '$lib/server/accounts/accounts.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const me = await getMe(requireCtx(locals, url));

	return { name: me.user.name, partner: me.partner };
};
