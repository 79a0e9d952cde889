import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api } from '$lib/server/http';
import { listSecurityLog } from '$lib/server/security-log/security-log.service';

export const GET: RequestHandler = ({ locals }) =>
	api(async () => json({ events: await listSecurityLog(locals.ctx) }));
