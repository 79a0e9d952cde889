import { describe, expect, it } from 'vitest';
import { seal, unseal } from './sealed';

const SECRET = 'a-server-secret-of-at-least-32-characters';

describe('sealing', () => {
	it('round-trips, and the sealed text does not contain the value', () => {
		const sealed = seal(SECRET, 'totp-secret', 'JBSWY3DPEHPK3PXP');
		expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
		expect(unseal(SECRET, 'totp-secret', sealed)).toBe('JBSWY3DPEHPK3PXP');
	});

	it('seals the same value differently each time', () => {
		expect(seal(SECRET, 'mail-payload', 'x')).not.toBe(seal(SECRET, 'mail-payload', 'x'));
	});

	it('refuses another secret, another purpose, or an altered value', () => {
		const sealed = seal(SECRET, 'totp-secret', 'value');
		expect(unseal(`${SECRET}-other`, 'totp-secret', sealed)).toBeNull();
		expect(unseal(SECRET, 'mail-payload', sealed)).toBeNull();
		const [v, iv, body, tag] = sealed.split('.');
		const flipped = body.startsWith('A') ? `B${body.slice(1)}` : `A${body.slice(1)}`;
		expect(unseal(SECRET, 'totp-secret', [v, iv, flipped, tag].join('.'))).toBeNull();
		expect(unseal(SECRET, 'totp-secret', 'garbage')).toBeNull();
	});
});
