import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { joinSchema } from '$lib/server/couples/couples.schemas';
import { joinCouple } from '$lib/server/couples/couples.service';

export const POST: RequestHandler = ({ request, locals }) =>
	api(async () => json(await joinCouple(locals.ctx, await readJson(request, joinSchema))));
