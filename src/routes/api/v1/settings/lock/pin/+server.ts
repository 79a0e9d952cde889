import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { setPinSchema } from '$lib/server/lock/lock.schemas';
import { removePin, setPin } from '$lib/server/lock/lock-settings.service';

export const PUT: RequestHandler = ({ locals, request }) =>
	api(async () => {
		await setPin(locals.ctx, await readJson(request, setPinSchema));

		return new Response(null, { status: 204 });
	});

export const DELETE: RequestHandler = ({ locals }) =>
	api(async () => {
		await removePin(locals.ctx);

		return new Response(null, { status: 204 });
	});
