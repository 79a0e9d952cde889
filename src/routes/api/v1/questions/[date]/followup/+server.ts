import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { followupSchema } from '$lib/server/questions/questions.schemas';
import { followUpAnswer } from '$lib/server/questions/questions.service';

export const POST: RequestHandler = ({ params, request, locals }) =>
	api(async () =>
		json(await followUpAnswer(locals.ctx, params.date, await readJson(request, followupSchema)))
	);
