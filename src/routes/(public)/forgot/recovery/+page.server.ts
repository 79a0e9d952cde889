import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, parseForm, readForm } from '$lib/server/http';
import { recoveryResetSchema } from '$lib/server/recovery/recovery.schemas';
import { resetWithRecoveryCode } from '$lib/server/recovery/recovery.service';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) {
		redirect(303, '/settings/password');
	}
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const values = await readForm(request);
		const result = await formAction(values, async () => {
			await resetWithRecoveryCode(locals.ctx, parseForm(recoveryResetSchema, values));
		});
		if (result) {
			return result;
		}
		redirect(303, '/signin?reset');
	}
};
