import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { coachSchema } from '$lib/server/appreciations/appreciations.schemas';
import { coachDraft } from '$lib/server/appreciations/appreciations.service';

/** The same pure coach the page runs in the browser; it only advises and stores nothing. */
export const POST: RequestHandler = ({ request, locals }) =>
	api(async () => json(coachDraft(locals.ctx, (await readJson(request, coachSchema)).text)));
