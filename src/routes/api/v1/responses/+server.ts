import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { responseSchema } from '$lib/server/responses/responses.schemas';
import { respond } from '$lib/server/responses/responses.service';

export const POST: RequestHandler = ({ request, locals }) =>
	api(async () =>
		json(
			{ response: await respond(locals.ctx, await readJson(request, responseSchema)) },
			{ status: 201 }
		)
	);
