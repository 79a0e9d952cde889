import type { Actions, PageServerLoad } from './$types';
import { formAction, parseForm, readForm, requireUnlockedCtx } from '$lib/server/http';
import { changeEmailSchema } from '$lib/server/accounts/accounts.schemas';
import { changeEmail } from '$lib/server/accounts/email.service';
import { getSecurityOverview } from '$lib/server/two-factor/two-factor.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const overview = await getSecurityOverview(requireUnlockedCtx(locals, url));

	return { notice: overview.mailEnabled && !overview.highSafety };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const values = await readForm(request);

		return formAction(values, async () => {
			const me = await changeEmail(
				requireUnlockedCtx(locals, url),
				parseForm(changeEmailSchema, values)
			);

			return { changed: me.user.email };
		});
	}
};
