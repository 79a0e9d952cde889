import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, parseWith } from '$lib/server/http';
import { rangeSchema } from '$lib/server/checkins/checkins.schemas';
import { listCheckins } from '$lib/server/checkins/checkins.service';

export const GET: RequestHandler = ({ url, locals }) =>
	api(async () => {
		const { from, to } = parseWith(rangeSchema, Object.fromEntries(url.searchParams));

		return json({ checkins: await listCheckins(locals.ctx, from, to) });
	});
