import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { changePasswordSchema } from '$lib/server/accounts/accounts.schemas';
import { changePassword } from '$lib/server/accounts/accounts.service';

export const POST: RequestHandler = ({ request, locals }) =>
	api(async () => {
		await changePassword(locals.ctx, await readJson(request, changePasswordSchema));

		return new Response(null, { status: 204 });
	});
