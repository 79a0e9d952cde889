import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { answerSchema } from '$lib/server/questions/questions.schemas';
import { answerQuestion } from '$lib/server/questions/questions.service';

export const POST: RequestHandler = ({ params, request, locals }) =>
	api(async () =>
		json(await answerQuestion(locals.ctx, params.date, await readJson(request, answerSchema)))
	);
