import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api } from '$lib/server/http';
import { getLockState, lockSession } from '$lib/server/lock/lock.service';

export const GET: RequestHandler = ({ locals }) =>
	api(async () => json({ lock: await getLockState(locals.ctx) }));

/** Locks the private areas of this session now (quick exit, or the person went away). */
export const POST: RequestHandler = ({ locals }) =>
	api(async () => {
		await lockSession(locals.ctx);

		return new Response(null, { status: 204 });
	});
