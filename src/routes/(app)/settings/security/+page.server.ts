import type { Actions, PageServerLoad } from './$types';
import { formAction, parseForm, parseWith, readForm, requireUnlockedCtx } from '$lib/server/http';
import {
	confirmPasswordSchema,
	disableTwoFactorSchema,
	enableTwoFactorSchema
} from '$lib/server/two-factor/two-factor.schemas';
import {
	disableTwoFactor,
	enableTwoFactor,
	getSecuritySettings,
	regenerateRecoveryCodes,
	startTwoFactorSetup
} from '$lib/server/two-factor/two-factor.service';
import { highSafetySchema } from '$lib/server/recovery/recovery.schemas';
import { setHighSafety } from '$lib/server/recovery/recovery.service';
import { formatSetupKey, qrDataUrl } from '$lib/server/auth/totp';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { overview, setup } = await getSecuritySettings(requireUnlockedCtx(locals, url));

	return {
		overview,
		// The QR code is drawn here, on this server: the secret never goes anywhere else.
		setup: setup
			? { setupKey: formatSetupKey(setup.setupKey), qr: qrDataUrl(setup.otpauthUri) }
			: null
	};
};

export const actions: Actions = {
	setup: async ({ locals, url }) =>
		formAction(
			{},
			async () => {
				await startTwoFactorSetup(requireUnlockedCtx(locals, url));

				return { saved: 'setup' as const };
			},
			'setup'
		),
	enable: async ({ request, locals, url }) => {
		const values = await readForm(request);

		return formAction(
			values,
			async () => {
				const input = parseForm(enableTwoFactorSchema, values);
				const { recoveryCodes } = await enableTwoFactor(requireUnlockedCtx(locals, url), input);

				return { saved: 'enabled' as const, recoveryCodes };
			},
			'enable'
		);
	},
	regenerate: async ({ request, locals, url }) => {
		const values = await readForm(request);

		return formAction(
			values,
			async () => {
				const input = parseForm(confirmPasswordSchema, values);
				const { recoveryCodes } = await regenerateRecoveryCodes(
					requireUnlockedCtx(locals, url),
					input
				);

				return { saved: 'regenerated' as const, recoveryCodes };
			},
			'regenerate'
		);
	},
	disable: async ({ request, locals, url }) => {
		const values = await readForm(request);

		return formAction(
			values,
			async () => {
				await disableTwoFactor(
					requireUnlockedCtx(locals, url),
					parseForm(disableTwoFactorSchema, values)
				);

				return { saved: 'disabled' as const };
			},
			'disable'
		);
	},
	highSafety: async ({ request, locals, url }) => {
		const values = await readForm(request);

		return formAction(
			values,
			async () => {
				const input = parseWith(highSafetySchema, {
					enabled: values.enabled === 'true',
					password: values.password ?? ''
				});
				const { highSafety } = await setHighSafety(requireUnlockedCtx(locals, url), input);

				return { saved: highSafety ? ('highSafetyOn' as const) : ('highSafetyOff' as const) };
			},
			'highSafety'
		);
	}
};
