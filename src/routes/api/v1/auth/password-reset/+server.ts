import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { resetRequestSchema } from '$lib/server/recovery/recovery.schemas';
import { requestPasswordReset } from '$lib/server/recovery/recovery.service';

/** The same 202 whether or not the email belongs to an account. */
export const POST: RequestHandler = ({ request, locals }) =>
	api(async () => {
		await requestPasswordReset(locals.ctx, await readJson(request, resetRequestSchema));

		return new Response(null, { status: 202 });
	});
