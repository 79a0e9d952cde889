import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson, setSignedInCookies } from '$lib/server/http';
import { secondStepSchema } from '$lib/server/two-factor/two-factor.schemas';
import { completeSignIn } from '$lib/server/accounts/sign-in.service';

export const POST: RequestHandler = ({ request, locals, cookies }) =>
	api(async () => {
		const signedIn = await completeSignIn(locals.ctx, await readJson(request, secondStepSchema));
		setSignedInCookies(cookies, signedIn, locals.ctx.now());

		return json({ user: signedIn.user });
	});
