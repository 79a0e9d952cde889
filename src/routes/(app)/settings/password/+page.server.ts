import type { Actions } from './$types';
import { formAction, parseForm, readForm, requireCtx } from '$lib/server/http';
import { changePasswordSchema } from '$lib/server/accounts/accounts.schemas';
import { changePassword } from '$lib/server/accounts/accounts.service';

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const values = await readForm(request);

		return formAction(values, async () => {
			await changePassword(requireCtx(locals, url), parseForm(changePasswordSchema, values));

			return { changed: true };
		});
	}
};
