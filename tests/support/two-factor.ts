import { expect } from 'vitest';
import { totpCode } from '../../src/lib/server/testing/totp';
import type { Person } from './client';

export { totpCode };

/** Turns two-step sign-in on for `person` through the API, as their authenticator app would. */
export async function turnOnTwoFactor(
	person: Person
): Promise<{ setupKey: string; codes: string[] }> {
	const setup = await person.post('/api/v1/me/two-factor/setup');
	expect(setup.status, setup.text).toBe(200);
	const { setupKey } = setup.body as { setupKey: string };
	const enabled = await person.post('/api/v1/me/two-factor/enable', {
		code: totpCode(setupKey, new Date())
	});
	expect(enabled.status, enabled.text).toBe(200);

	return { setupKey, codes: (enabled.body as { recoveryCodes: string[] }).recoveryCodes };
}

/** A code for the next 30-second step: accepted (one step of drift) and never used before. */
export function nextCode(setupKey: string): string {
	return totpCode(setupKey, new Date(Date.now() + 30_000));
}
