import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { practiceSettingsSchema } from '$lib/server/practice/practice.schemas';
import { getPracticeSettings, updatePracticeSettings } from '$lib/server/practice/practice.service';

export const GET: RequestHandler = ({ locals }) =>
	api(async () => json({ settings: await getPracticeSettings(locals.ctx) }));

export const PUT: RequestHandler = ({ request, locals }) =>
	api(async () =>
		json({
			settings: await updatePracticeSettings(
				locals.ctx,
				await readJson(request, practiceSettingsSchema)
			)
		})
	);
