import { describe, expect, it } from 'vitest';
import { totpCode } from '../testing/totp';
import { formatSetupKey, matchTotpStep, newTotpSecret, qrDataUrl, stepAt, totpUri } from './totp';

// RFC 6238's SHA-1 test key ("12345678901234567890") in base32.
const RFC_KEY = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('authenticator codes', () => {
	it('match the RFC 6238 test vectors (last six digits)', () => {
		expect(totpCode(RFC_KEY, new Date(59_000))).toBe('287082');
		expect(totpCode(RFC_KEY, new Date(1_111_111_109_000))).toBe('081804');
		expect(matchTotpStep(RFC_KEY, '287082', new Date(59_000))).toBe(1);
	});

	it('accept one step of clock drift either way, and nothing further', () => {
		const now = new Date('2026-05-01T12:00:10Z');
		const key = newTotpSecret();
		const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
		expect(matchTotpStep(key, totpCode(key, now), now)).toBe(stepAt(now));
		expect(matchTotpStep(key, totpCode(key, at(-30)), now)).toBe(stepAt(now) - 1);
		expect(matchTotpStep(key, totpCode(key, at(30)), now)).toBe(stepAt(now) + 1);
		expect(matchTotpStep(key, totpCode(key, at(-60)), now)).toBeNull();
		expect(matchTotpStep(key, totpCode(key, at(60)), now)).toBeNull();
	});

	it('refuse what is not six digits, and allow spaces a person types', () => {
		const now = new Date();
		const key = newTotpSecret();
		const code = totpCode(key, now);
		expect(matchTotpStep(key, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(stepAt(now));
		expect(matchTotpStep(key, code.slice(1), now)).toBeNull();
		expect(matchTotpStep(key, 'abcdef', now)).toBeNull();
	});

	it('make 160-bit setup keys, an otpauth address and a QR code drawn here', () => {
		const key = newTotpSecret();
		expect(key).toMatch(/^[A-Z2-7]{32}$/);
		expect(formatSetupKey(key)).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
		const uri = totpUri(key, 'robin@example.test');
		expect(uri).toMatch(/^otpauth:\/\/totp\/Tend:robin%40example\.test\?/);
		expect(uri).toContain(`secret=${key}`);
		const qr = qrDataUrl(uri);
		expect(qr).toMatch(/^data:image\/svg\+xml;base64,/);
		const svg = Buffer.from(qr.split(',')[1], 'base64').toString('utf8');
		expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
		expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
	});
});
