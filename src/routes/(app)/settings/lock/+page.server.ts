import type { Actions, PageServerLoad } from './$types';
import { formAction, parseForm, parseWith, readForm, requireUnlockedCtx } from '$lib/server/http';
import { lockSettingsSchema, setPinSchema } from '$lib/server/lock/lock.schemas';
import {
	getLockSettings,
	removePin,
	setPin,
	updateLockSettings
} from '$lib/server/lock/lock-settings.service';
import { AppError } from '$lib/server/errors';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals, url }) => ({
	settings: await getLockSettings(requireUnlockedCtx(locals, url))
});

export const actions: Actions = {
	idle: async ({ request, locals, url }) => {
		const ctx = requireUnlockedCtx(locals, url);
		const values = await readForm(request);

		return formAction(
			values,
			async () => {
				await updateLockSettings(
					ctx,
					parseWith(lockSettingsSchema, { idleMinutes: Number(values.idleMinutes) })
				);

				return { saved: 'idle' as const };
			},
			'idle'
		);
	},
	pin: async ({ request, locals, url }) => {
		const ctx = requireUnlockedCtx(locals, url);
		const values = await readForm(request);

		return formAction(
			values,
			async () => {
				// Typed twice on the page only: the API takes the PIN once.
				if (values.pin !== values.pinAgain) {
					throw new AppError('INVALID', m.v_pin_mismatch(), {
						fields: { pinAgain: [m.v_pin_mismatch()] }
					});
				}
				await setPin(ctx, parseForm(setPinSchema, values));

				return { saved: 'pin' as const };
			},
			'pin'
		);
	},
	removePin: async ({ locals, url }) =>
		formAction(
			{},
			async () => {
				await removePin(requireUnlockedCtx(locals, url));

				return { saved: 'pinRemoved' as const };
			},
			'removePin'
		)
};
