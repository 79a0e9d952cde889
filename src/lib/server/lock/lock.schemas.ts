import { z } from 'zod';
import { PIN_LENGTH, RELOCK_MINUTES } from '$lib/domain/relock';
import * as m from '$lib/paraglide/messages';

const pin = z
	.string({ error: () => m.v_pin_required() })
	.min(1, { error: () => m.v_pin_required() })
	// Room for stray spaces; the shape itself is checked by the PIN rule.
	.max(PIN_LENGTH.max * 4, { error: () => m.v_pin_format() });

const password = z
	.string({ error: () => m.v_password_required() })
	.min(1, { error: () => m.v_password_required() })
	.max(1024, { error: () => m.v_password_long() });

export const pinUnlockSchema = z.strictObject({ pin });
export const passwordUnlockSchema = z.strictObject({ password });

/** Unlock with the app PIN, or with the account password. */
export const unlockSchema = z.union([pinUnlockSchema, passwordUnlockSchema], {
	error: () => m.v_unlock_required()
});
export type UnlockInput = z.infer<typeof unlockSchema>;

export const lockSettingsSchema = z.strictObject({
	idleMinutes: z
		.number({ error: () => m.v_idle_minutes() })
		.int({ error: () => m.v_idle_minutes() })
		.min(RELOCK_MINUTES.min, { error: () => m.v_idle_minutes() })
		.max(RELOCK_MINUTES.max, { error: () => m.v_idle_minutes() })
});
export type LockSettingsInput = z.infer<typeof lockSettingsSchema>;

/** A new PIN needs the current password: whoever holds an unlocked phone cannot set one. */
export const setPinSchema = z.strictObject({
	pin,
	currentPassword: z
		.string({ error: () => m.v_current_password_required() })
		.min(1, { error: () => m.v_current_password_required() })
		.max(1024, { error: () => m.v_password_long() })
});
export type SetPinInput = z.infer<typeof setPinSchema>;
