import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http';
import { changeEmailSchema } from '$lib/server/accounts/accounts.schemas';
import { changeEmail } from '$lib/server/accounts/email.service';

export const POST: RequestHandler = ({ request, locals }) =>
	api(async () => json(await changeEmail(locals.ctx, await readJson(request, changeEmailSchema))));
