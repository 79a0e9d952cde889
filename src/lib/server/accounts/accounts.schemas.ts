import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '$lib/domain/password-policy';

export const MAX_NAME_LENGTH = 60;

const email = z
	.string({ error: 'Enter your email address.' })
	.trim()
	.toLowerCase()
	.max(254, 'That email address is too long.')
	.pipe(z.email({ error: 'Enter an email address like name@example.com.' }));

// The policy (length, common passwords) is checked in the service so it can use the name and email.
const password = z
	.string({ error: 'Enter a password.' })
	.min(1, 'Enter a password.')
	.max(MAX_PASSWORD_LENGTH * 4, 'That password is too long.');

const name = z
	.string({ error: 'Enter your name.' })
	.trim()
	.min(1, 'Enter your name.')
	.max(MAX_NAME_LENGTH, `Keep your name to ${MAX_NAME_LENGTH} characters.`)
	.refine((value) => !/[\p{Cc}\p{Cf}]/u.test(value), 'Use letters, spaces and punctuation only.');

const timeZone = z
	.string({ error: 'Choose your time zone.' })
	.refine(isTimeZone, 'Choose a time zone from the list.');

export const registerSchema = z.strictObject({ email, password, name });
export type RegisterInput = z.infer<typeof registerSchema>;

export const loginSchema = z.strictObject({
	email: z.string({ error: 'Enter your email address.' }).trim().toLowerCase().max(254),
	password
});
export type LoginInput = z.infer<typeof loginSchema>;

export const updateProfileSchema = z
	.strictObject({ name: name.optional(), timeZone: timeZone.optional() })
	.refine((value) => value.name !== undefined || value.timeZone !== undefined, {
		message: 'Send a name or a time zone.'
	});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

export const changePasswordSchema = z.strictObject({
	currentPassword: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.'),
	newPassword: password
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export function isTimeZone(value: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });

		return value.length <= 64;
	} catch {
		return false;
	}
}
