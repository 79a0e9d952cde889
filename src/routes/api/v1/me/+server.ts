import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { updateProfileSchema } from '$lib/server/accounts/accounts.schemas';
import { getMe, updateProfile } from '$lib/server/accounts/accounts.service';

export const GET: RequestHandler = ({ locals }) => api(async () => json(await getMe(locals.ctx)));

export const PATCH: RequestHandler = ({ request, locals }) =>
	api(async () =>
		json(await updateProfile(locals.ctx, await readJson(request, updateProfileSchema)))
	);
