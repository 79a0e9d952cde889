import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '$lib/domain/password-policy';
import * as m from '$lib/paraglide/messages';

const email = z
	.string({ error: () => m.v_email_required() })
	.trim()
	.toLowerCase()
	.min(1, { error: () => m.v_email_required() })
	.max(254, { error: () => m.v_email_long() });

const newPassword = z
	.string({ error: () => m.v_password_required() })
	.min(1, { error: () => m.v_password_required() })
	.max(MAX_PASSWORD_LENGTH * 4, { error: () => m.v_password_long() });

const password = z
	.string({ error: () => m.v_current_password_required() })
	.min(1, { error: () => m.v_current_password_required() })
	.max(1024, { error: () => m.v_password_long() });

export const resetRequestSchema = z.strictObject({ email });
export type ResetRequestInput = z.infer<typeof resetRequestSchema>;

export const resetConfirmSchema = z.strictObject({
	token: z
		.string({ error: () => m.error_reset_link() })
		.min(1, { error: () => m.error_reset_link() })
		.max(200, { error: () => m.error_reset_link() }),
	newPassword
});
export type ResetConfirmInput = z.infer<typeof resetConfirmSchema>;

export const recoveryResetSchema = z.strictObject({
	email,
	recoveryCode: z
		.string({ error: () => m.v_recovery_code_required() })
		.trim()
		.min(1, { error: () => m.v_recovery_code_required() })
		.max(40, { error: () => m.v_code_format() }),
	newPassword
});
export type RecoveryResetInput = z.infer<typeof recoveryResetSchema>;

export const highSafetySchema = z.strictObject({
	enabled: z.boolean({ error: () => m.v_high_safety_choice() }),
	password
});
export type HighSafetyInput = z.infer<typeof highSafetySchema>;
