import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { checkinSchema } from '$lib/server/checkins/checkins.schemas';
import { saveCheckin } from '$lib/server/checkins/checkins.service';

export const PUT: RequestHandler = ({ params, request, locals }) =>
	api(async () =>
		json({
			checkin: await saveCheckin(locals.ctx, params.date, await readJson(request, checkinSchema))
		})
	);
