import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, parseForm, readForm } from '$lib/server/http';
import { resetRequestSchema } from '$lib/server/recovery/recovery.schemas';
import { requestPasswordReset } from '$lib/server/recovery/recovery.service';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) {
		redirect(303, '/settings/password');
	}

	return { mailEnabled: locals.ctx.mailEnabled };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const values = await readForm(request);

		return formAction(values, async () => {
			await requestPasswordReset(locals.ctx, parseForm(resetRequestSchema, values));

			return { requested: true };
		});
	}
};
