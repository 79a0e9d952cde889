import { describe, expect, it } from 'vitest';
import { findPasswordProblem } from './password-policy';

const common = new Set(['password1', 'iloveyou2']);
const check = (password: string, extra: { email?: string; name?: string } = {}) =>
	findPasswordProblem(password, { ...extra, isCommon: (candidate) => common.has(candidate) });

describe('findPasswordProblem', () => {
	it('counts characters as people see them: 7 emoji are too short, 8 are enough', () => {
		expect(check('🌿'.repeat(7))).toBe('too_short');
		expect(check('🌿'.repeat(8))).toBeNull();
	});

	it('accepts 8 to 256 characters of anything, with no composition rules', () => {
		expect(check('abcdefgh')).toBeNull();
		expect(check('a b c d e f g h')).toBeNull();
		expect(check('x'.repeat(256))).toBeNull();
		expect(check('x'.repeat(257))).toBe('too_long');
	});

	it('refuses common passwords whatever their case', () => {
		expect(check('Password1')).toBe('common');
		expect(check('ILOVEYOU2')).toBe('common');
	});

	it("refuses the person's own name or email, the app's name and relationship words", () => {
		expect(check('robinrobin', { name: 'Robin' })).toBe('personal');
		expect(check('Robin2024!', { name: 'Robin Hart' })).toBe('personal');
		expect(check('jo.smith99', { email: 'josmith@example.test' })).toBe('personal');
		expect(check('tend1234!')).toBe('personal');
		expect(check('partner!!')).toBe('personal');
	});

	it('allows passphrases that merely contain a name among other words', () => {
		expect(check('robin walks the quiet hills', { name: 'Robin' })).toBeNull();
	});
});
