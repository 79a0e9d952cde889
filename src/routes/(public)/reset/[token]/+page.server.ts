import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, parseForm, readForm } from '$lib/server/http';
import { resetConfirmSchema } from '$lib/server/recovery/recovery.schemas';
import {
	checkPasswordResetLink,
	confirmPasswordReset
} from '$lib/server/recovery/recovery.service';

/** The page a reset link opens. Looking at it changes nothing; only the form uses the link up. */
export const load: PageServerLoad = async ({ locals, params }) => ({
	valid: await checkPasswordResetLink(locals.ctx, params.token)
});

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const values = await readForm(request);
		const result = await formAction(values, async () => {
			await confirmPasswordReset(
				locals.ctx,
				parseForm(resetConfirmSchema, {
					token: params.token,
					newPassword: values.newPassword ?? ''
				})
			);
		});
		if (result) {
			return result;
		}
		redirect(303, '/signin?reset');
	}
};
