import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, parseWith, readForm, requireCtx } from '$lib/server/http';
import { passwordUnlockSchema, pinUnlockSchema } from '$lib/server/lock/lock.schemas';
import { unlockSession } from '$lib/server/lock/lock.service';
import { safeNextPath } from '$lib/domain/redirects';

export const load: PageServerLoad = ({ locals, url }) => {
	const ctx = requireCtx(locals, url);
	const next = safeNextPath(url.searchParams.get('next'), '/today');
	if (!ctx.locked) {
		redirect(303, next);
	}

	return { next };
};

/** One action per way of unlocking, so each form keeps its own message. */
function unlockWith(kind: 'pin' | 'password') {
	return async ({ request, locals, url }: Parameters<Actions[string]>[0]) => {
		const ctx = requireCtx(locals, url);
		const values = await readForm(request);
		const result = await formAction(
			values,
			() =>
				unlockSession(
					ctx,
					kind === 'pin'
						? parseWith(pinUnlockSchema, { pin: values.pin ?? '' })
						: parseWith(passwordUnlockSchema, { password: values.password ?? '' })
				),
			kind
		);
		if (result) {
			return result;
		}
		redirect(303, safeNextPath(values.next, '/today'));
	};
}

export const actions: Actions = { pin: unlockWith('pin'), password: unlockWith('password') };
