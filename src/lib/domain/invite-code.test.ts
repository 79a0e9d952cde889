import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	formatInviteCode,
	INVITE_CODE_LENGTH,
	inviteCodeFromBytes,
	normalizeInviteCode
} from './invite-code';

describe('invite codes', () => {
	it('carry 125 bits: 25 symbols of an unambiguous alphabet', () => {
		const code = inviteCodeFromBytes(crypto.randomBytes(16));
		expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{25}$/);
		expect(INVITE_CODE_LENGTH * 5).toBeGreaterThanOrEqual(125);
	});

	it('differ for different bytes', () => {
		const codes = new Set(
			Array.from({ length: 500 }, () => inviteCodeFromBytes(crypto.randomBytes(16)))
		);
		expect(codes.size).toBe(500);
	});

	it('refuse fewer than 16 bytes', () => {
		expect(() => inviteCodeFromBytes(new Uint8Array(15))).toThrow();
	});

	it('survive formatting, case, spaces, look-alike letters and being pasted as a link', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
				const code = inviteCodeFromBytes(bytes);
				const formatted = formatInviteCode(code);
				expect(normalizeInviteCode(formatted)).toBe(code);
				expect(normalizeInviteCode(` ${formatted.toLowerCase().replaceAll('-', ' ')} `)).toBe(code);
				expect(normalizeInviteCode(`https://tend.example/join/${code}`)).toBe(code);
				expect(normalizeInviteCode(code.replaceAll('0', 'O').replaceAll('1', 'l'))).toBe(code);
			})
		);
	});

	it('reject anything that cannot be a code', () => {
		expect(normalizeInviteCode('')).toBeNull();
		expect(normalizeInviteCode('ABCDE')).toBeNull();
		expect(normalizeInviteCode('U'.repeat(25))).toBeNull();
		expect(normalizeInviteCode('A'.repeat(26))).toBeNull();
	});
});
