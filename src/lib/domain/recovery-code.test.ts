import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	formatRecoveryCode,
	isAuthenticatorCode,
	normalizeRecoveryCode,
	RECOVERY_CODE_LENGTH,
	recoveryCodeFromBytes
} from './recovery-code';

describe('recovery codes', () => {
	it('carry 80 bits: 16 symbols of an unambiguous alphabet', () => {
		const code = recoveryCodeFromBytes(crypto.randomBytes(10));
		expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
		expect(RECOVERY_CODE_LENGTH * 5).toBeGreaterThanOrEqual(80);
	});

	it('use every bit of the bytes: different bytes, different codes', () => {
		const codes = new Set(
			Array.from({ length: 500 }, () => recoveryCodeFromBytes(crypto.randomBytes(10)))
		);
		expect(codes.size).toBe(500);
		expect(recoveryCodeFromBytes(new Uint8Array(10))).toBe('0'.repeat(16));
		expect(recoveryCodeFromBytes(new Uint8Array(10).fill(255))).toBe('Z'.repeat(16));
	});

	it('refuse fewer than 10 bytes', () => {
		expect(() => recoveryCodeFromBytes(new Uint8Array(9))).toThrow();
	});

	it('survive formatting, case, spaces and look-alike letters', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
				const code = recoveryCodeFromBytes(bytes);
				const formatted = formatRecoveryCode(code);
				expect(formatted).toMatch(/^(.{4}-){3}.{4}$/);
				expect(normalizeRecoveryCode(formatted)).toBe(code);
				expect(normalizeRecoveryCode(` ${formatted.toLowerCase().replaceAll('-', ' ')} `)).toBe(
					code
				);
				expect(normalizeRecoveryCode(code.replaceAll('0', 'O').replaceAll('1', 'l'))).toBe(code);
			})
		);
	});

	it('reject anything that cannot be a code', () => {
		expect(normalizeRecoveryCode('')).toBeNull();
		expect(normalizeRecoveryCode('123456')).toBeNull();
		expect(normalizeRecoveryCode('U'.repeat(16))).toBeNull();
		expect(normalizeRecoveryCode('A'.repeat(17))).toBeNull();
	});

	it('tell six-digit authenticator codes from recovery codes', () => {
		expect(isAuthenticatorCode('123456')).toBe(true);
		expect(isAuthenticatorCode('123 456')).toBe(true);
		expect(isAuthenticatorCode('12345')).toBe(false);
		expect(isAuthenticatorCode('K3F9-Q7HX-M2PZ-R8WA')).toBe(false);
	});
});
