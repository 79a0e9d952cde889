import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api } from '$lib/server/http';
import { getSecurityOverview } from '$lib/server/two-factor/two-factor.service';

export const GET: RequestHandler = ({ locals }) =>
	api(async () => json(await getSecurityOverview(locals.ctx)));
