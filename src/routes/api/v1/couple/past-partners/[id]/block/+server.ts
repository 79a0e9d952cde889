import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, parseId, readJson } from '$lib/server/http';
import { blockSchema } from '$lib/server/couples/couples.schemas';
import { setPastPartnerBlock } from '$lib/server/couples/couples.service';

export const PUT: RequestHandler = ({ params, request, locals }) =>
	api(async () => {
		const id = parseId(params.id);

		return json(await setPastPartnerBlock(locals.ctx, id, await readJson(request, blockSchema)));
	});
