import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api } from '$lib/server/http';
import { getVocabulary } from '$lib/server/checkins/checkins.service';

export const GET: RequestHandler = ({ locals }) => api(async () => json(getVocabulary(locals.ctx)));
