import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api } from '$lib/server/http';
import { getToday } from '$lib/server/today/today.service';

export const GET: RequestHandler = ({ locals }) =>
	api(async () => json(await getToday(locals.ctx)));
