import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { unlockSchema } from '$lib/server/lock/lock.schemas';
import { unlockSession } from '$lib/server/lock/lock.service';

export const POST: RequestHandler = ({ locals, request }) =>
	api(async () => {
		await unlockSession(locals.ctx, await readJson(request, unlockSchema));

		return new Response(null, { status: 204 });
	});
