import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { confirmPasswordSchema } from '$lib/server/two-factor/two-factor.schemas';
import { regenerateRecoveryCodes } from '$lib/server/two-factor/two-factor.service';

/** A new set of recovery codes; the old set stops working. */
export const POST: RequestHandler = ({ request, locals }) =>
	api(async () =>
		json(await regenerateRecoveryCodes(locals.ctx, await readJson(request, confirmPasswordSchema)))
	);
