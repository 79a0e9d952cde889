import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api } from '$lib/server/http';
import { shareKeptAppreciationsWithPartner } from '$lib/server/appreciations/appreciations.service';

export const POST: RequestHandler = ({ locals }) =>
	api(async () => json(await shareKeptAppreciationsWithPartner(locals.ctx)));
