import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { disableTwoFactorSchema } from '$lib/server/two-factor/two-factor.schemas';
import { disableTwoFactor } from '$lib/server/two-factor/two-factor.service';

export const POST: RequestHandler = ({ request, locals }) =>
	api(async () => {
		await disableTwoFactor(locals.ctx, await readJson(request, disableTwoFactorSchema));

		return new Response(null, { status: 204 });
	});
