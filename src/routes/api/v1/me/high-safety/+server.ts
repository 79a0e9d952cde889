import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { highSafetySchema } from '$lib/server/recovery/recovery.schemas';
import { setHighSafety } from '$lib/server/recovery/recovery.service';

export const PUT: RequestHandler = ({ request, locals }) =>
	api(async () => json(await setHighSafety(locals.ctx, await readJson(request, highSafetySchema))));
