import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api } from '$lib/server/http';
import { getCouple, leaveCouple } from '$lib/server/couples/couples.service';

export const GET: RequestHandler = ({ locals }) =>
	api(async () => json(await getCouple(locals.ctx)));

export const DELETE: RequestHandler = ({ locals }) =>
	api(async () => {
		await leaveCouple(locals.ctx);

		return new Response(null, { status: 204 });
	});
