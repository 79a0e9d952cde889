import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api } from '$lib/server/http';
import { cancelInvite, createInvite, getOpenInvite } from '$lib/server/couples/couples.service';

export const GET: RequestHandler = ({ locals }) =>
	api(async () => json({ invite: await getOpenInvite(locals.ctx) }));

export const POST: RequestHandler = ({ locals }) =>
	api(async () => json(await createInvite(locals.ctx), { status: 201 }));

export const DELETE: RequestHandler = ({ locals }) =>
	api(async () => {
		await cancelInvite(locals.ctx);

		return new Response(null, { status: 204 });
	});
