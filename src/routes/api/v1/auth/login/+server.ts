import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson, setSignedInCookies } from '$lib/server/http';
import { loginSchema } from '$lib/server/accounts/accounts.schemas';
import { needsSecondStep, signIn } from '$lib/server/accounts/sign-in.service';

/** 200 `{ user }` and a session; with two-step sign-in on, 202 `{ secondStep }` instead. */
export const POST: RequestHandler = ({ request, locals, cookies }) =>
	api(async () => {
		const input = await readJson(request, loginSchema);
		const result = await signIn(locals.ctx, input);
		if (needsSecondStep(result)) {
			const { ticket, expiresAt } = result.secondStep;

			return json({ secondStep: { ticket, expiresAt: expiresAt.toISOString() } }, { status: 202 });
		}
		setSignedInCookies(cookies, result, locals.ctx.now());

		return json({ user: result.user });
	});
