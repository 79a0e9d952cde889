import { z } from 'zod';
import * as m from '$lib/paraglide/messages';

/** An authenticator code or a recovery code; which one is told apart by its shape. */
export const secondFactorCode = z
	.string({ error: () => m.v_auth_code_required() })
	.trim()
	.min(1, { error: () => m.v_auth_code_required() })
	.max(40, { error: () => m.v_code_format() });

const authenticatorCode = z
	.string({ error: () => m.v_auth_code_required() })
	.trim()
	.min(1, { error: () => m.v_auth_code_required() })
	.max(12, { error: () => m.v_code_format() });

const password = z
	.string({ error: () => m.v_current_password_required() })
	.min(1, { error: () => m.v_current_password_required() })
	.max(1024, { error: () => m.v_password_long() });

export const enableTwoFactorSchema = z.strictObject({ code: authenticatorCode });
export type EnableTwoFactorInput = z.infer<typeof enableTwoFactorSchema>;

export const disableTwoFactorSchema = z.strictObject({ password, code: secondFactorCode });
export type DisableTwoFactorInput = z.infer<typeof disableTwoFactorSchema>;

export const confirmPasswordSchema = z.strictObject({ password });
export type ConfirmPasswordInput = z.infer<typeof confirmPasswordSchema>;

export const secondStepSchema = z.strictObject({
	ticket: z
		.string({ error: () => m.error_second_step_expired() })
		.min(1, { error: () => m.error_second_step_expired() })
		.max(200, { error: () => m.error_second_step_expired() }),
	code: secondFactorCode
});
export type SecondStepInput = z.infer<typeof secondStepSchema>;
