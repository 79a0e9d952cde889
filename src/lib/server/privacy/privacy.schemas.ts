import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '$lib/domain/password-policy';
import * as m from '$lib/paraglide/messages';

/** Deleting the account is confirmed with the password, whoever holds the session. */
export const deleteAccountSchema = z.strictObject({
	password: z
		.string({ error: () => m.v_delete_password_required() })
		.min(1, { error: () => m.v_delete_password_required() })
		.max(MAX_PASSWORD_LENGTH * 4, { error: () => m.v_password_long() })
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
