import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson, setSignedInCookies } from '$lib/server/http';
import { registerSchema } from '$lib/server/accounts/accounts.schemas';
import { registerAccount } from '$lib/server/accounts/accounts.service';

export const POST: RequestHandler = ({ request, locals, cookies }) =>
	api(async () => {
		const input = await readJson(request, registerSchema);
		const { user, session } = await registerAccount(locals.ctx, input);
		setSignedInCookies(cookies, { session }, locals.ctx.now());

		return json({ user }, { status: 201 });
	});
