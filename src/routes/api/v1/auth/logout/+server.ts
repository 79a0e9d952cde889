import type { RequestHandler } from './$types';
import { api, clearSessionCookie } from '$lib/server/http';
import { endCurrentSession } from '$lib/server/sessions/sessions.service';

export const POST: RequestHandler = ({ locals, cookies }) =>
	api(async () => {
		await endCurrentSession(locals.ctx);
		clearSessionCookie(cookies);

		return new Response(null, {
			status: 204,
			headers: { 'clear-site-data': '"cache", "storage"' }
		});
	});
