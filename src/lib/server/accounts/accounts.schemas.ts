import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '$lib/domain/password-policy';
import * as m from '$lib/paraglide/messages';

export const MAX_NAME_LENGTH = 60;

// Messages are functions so they are read in the person's language when the input is checked.
const email = z
	.string({ error: () => m.v_email_required() })
	.trim()
	.toLowerCase()
	.max(254, { error: () => m.v_email_long() })
	.pipe(z.email({ error: () => m.v_email_format() }));

// The policy (length, common passwords) is checked in the service so it can use the name and email.
const password = z
	.string({ error: () => m.v_password_required() })
	.min(1, { error: () => m.v_password_required() })
	.max(MAX_PASSWORD_LENGTH * 4, { error: () => m.v_password_long() });

const name = z
	.string({ error: () => m.v_name_required() })
	.trim()
	.min(1, { error: () => m.v_name_required() })
	.max(MAX_NAME_LENGTH, { error: () => m.v_name_long({ max: MAX_NAME_LENGTH }) })
	.refine((value) => !/[\p{Cc}\p{Cf}]/u.test(value), { error: () => m.v_name_chars() });

const timeZone = z
	.string({ error: () => m.v_time_zone() })
	.refine(isTimeZone, { error: () => m.v_time_zone() });

export const registerSchema = z.strictObject({ email, password, name });
export type RegisterInput = z.infer<typeof registerSchema>;

export const loginSchema = z.strictObject({
	email: z
		.string({ error: () => m.v_email_required() })
		.trim()
		.toLowerCase()
		.min(1, { error: () => m.v_email_required() })
		.max(254, { error: () => m.v_email_long() }),
	password
});
export type LoginInput = z.infer<typeof loginSchema>;

export const updateProfileSchema = z
	.strictObject({ name: name.optional(), timeZone: timeZone.optional() })
	.refine((value) => value.name !== undefined || value.timeZone !== undefined, {
		error: () => m.v_profile_empty()
	});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

export const changePasswordSchema = z.strictObject({
	currentPassword: z
		.string({ error: () => m.v_current_password_required() })
		.min(1, { error: () => m.v_current_password_required() }),
	newPassword: password
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const changeEmailSchema = z.strictObject({
	newEmail: email,
	password: z
		.string({ error: () => m.v_current_password_required() })
		.min(1, { error: () => m.v_current_password_required() })
		.max(1024, { error: () => m.v_password_long() })
});
export type ChangeEmailInput = z.infer<typeof changeEmailSchema>;

export function isTimeZone(value: string): boolean {
	if (value.length > 64) {
		return false;
	}
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });

		return true;
	} catch {
		return false;
	}
}
