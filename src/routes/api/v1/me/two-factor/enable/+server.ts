import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { enableTwoFactorSchema } from '$lib/server/two-factor/two-factor.schemas';
import { enableTwoFactor } from '$lib/server/two-factor/two-factor.service';

export const POST: RequestHandler = ({ request, locals }) =>
	api(async () =>
		json(await enableTwoFactor(locals.ctx, await readJson(request, enableTwoFactorSchema)))
	);
