import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, clearSessionCookie, readJson } from '$lib/server/http';
import { updateProfileSchema } from '$lib/server/accounts/accounts.schemas';
import { getMe, updateProfile } from '$lib/server/accounts/accounts.service';
import { deleteAccountSchema } from '$lib/server/privacy/privacy.schemas';
import { deleteAccount } from '$lib/server/privacy/deletion.service';

export const GET: RequestHandler = ({ locals }) => api(async () => json(await getMe(locals.ctx)));

export const PATCH: RequestHandler = ({ request, locals }) =>
	api(async () =>
		json(await updateProfile(locals.ctx, await readJson(request, updateProfileSchema)))
	);

export const DELETE: RequestHandler = ({ request, locals, cookies }) =>
	api(async () => {
		await deleteAccount(locals.ctx, await readJson(request, deleteAccountSchema));
		clearSessionCookie(cookies);

		return new Response(null, {
			status: 204,
			headers: { 'clear-site-data': '"cache", "storage"' }
		});
	});
