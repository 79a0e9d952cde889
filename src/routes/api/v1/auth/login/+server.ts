import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson, setSignedInCookies } from '$lib/server/http';
import { loginSchema } from '$lib/server/accounts/accounts.schemas';
import { signIn } from '$lib/server/accounts/sign-in.service';

export const POST: RequestHandler = ({ request, locals, cookies }) =>
	api(async () => {
		const input = await readJson(request, loginSchema);
		const signedIn = await signIn(locals.ctx, input);
		setSignedInCookies(cookies, signedIn, locals.ctx.now());

		return json({ user: signedIn.user });
	});
