import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api } from '$lib/server/http';
import { recordActivity } from '$lib/server/lock/lock.service';

export const POST: RequestHandler = ({ locals }) =>
	api(async () => json({ lock: await recordActivity(locals.ctx) }));
