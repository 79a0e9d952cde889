import type { RequestHandler } from './$types';
import { api, parseId } from '$lib/server/http';
import { endSession } from '$lib/server/sessions/sessions.service';

export const DELETE: RequestHandler = ({ params, locals }) =>
	api(async () => {
		await endSession(locals.ctx, parseId(params.id));

		return new Response(null, { status: 204 });
	});
