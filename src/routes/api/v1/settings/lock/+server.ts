import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { lockSettingsSchema } from '$lib/server/lock/lock.schemas';
import { getLockSettings, updateLockSettings } from '$lib/server/lock/lock-settings.service';

export const GET: RequestHandler = ({ locals }) =>
	api(async () => json({ settings: await getLockSettings(locals.ctx) }));

export const PUT: RequestHandler = ({ locals, request }) =>
	api(async () =>
		json({
			settings: await updateLockSettings(locals.ctx, await readJson(request, lockSettingsSchema))
		})
	);
