import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api } from '$lib/server/http';
import { listPastPartners } from '$lib/server/couples/couples.service';

export const GET: RequestHandler = ({ locals }) =>
	api(async () => json({ pastPartners: await listPastPartners(locals.ctx) }));
