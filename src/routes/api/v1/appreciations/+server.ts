import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { appreciationSchema } from '$lib/server/appreciations/appreciations.schemas';
import {
	createAppreciation,
	listAppreciations
} from '$lib/server/appreciations/appreciations.service';

export const GET: RequestHandler = ({ locals }) =>
	api(async () => json({ appreciations: await listAppreciations(locals.ctx) }));

export const POST: RequestHandler = ({ request, locals }) =>
	api(async () =>
		json(
			{
				appreciation: await createAppreciation(
					locals.ctx,
					await readJson(request, appreciationSchema)
				)
			},
			{ status: 201 }
		)
	);
