import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api } from '$lib/server/http';
import { getQuestionDay } from '$lib/server/questions/questions.service';

export const GET: RequestHandler = ({ params, locals }) =>
	api(async () => json(await getQuestionDay(locals.ctx, params.date)));
