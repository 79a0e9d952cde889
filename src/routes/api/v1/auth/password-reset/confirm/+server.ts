import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { resetConfirmSchema } from '$lib/server/recovery/recovery.schemas';
import { confirmPasswordReset } from '$lib/server/recovery/recovery.service';

export const POST: RequestHandler = ({ request, locals }) =>
	api(async () => {
		await confirmPasswordReset(locals.ctx, await readJson(request, resetConfirmSchema));

		return new Response(null, { status: 204 });
	});
