import type { Actions, PageServerLoad } from './$types';
import { formAction, parseForm, readForm, requireUnlockedCtx } from '$lib/server/http';
import { changePasswordSchema } from '$lib/server/accounts/accounts.schemas';
import { changePassword } from '$lib/server/accounts/accounts.service';

/** Settings are a private area: while locked, this page asks to unlock first. */
export const load: PageServerLoad = ({ locals, url }) => {
	requireUnlockedCtx(locals, url);
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const values = await readForm(request);

		return formAction(values, async () => {
			await changePassword(
				requireUnlockedCtx(locals, url),
				parseForm(changePasswordSchema, values)
			);

			return { changed: true };
		});
	}
};
