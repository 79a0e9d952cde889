import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api } from '$lib/server/http';
import { endOtherSessions, listSessions } from '$lib/server/sessions/sessions.service';

export const GET: RequestHandler = ({ locals }) =>
	api(async () => json({ sessions: await listSessions(locals.ctx) }));

/** Ends every session except the one making the request. */
export const DELETE: RequestHandler = ({ locals }) =>
	api(async () => {
		await endOtherSessions(locals.ctx);

		return new Response(null, { status: 204 });
	});
