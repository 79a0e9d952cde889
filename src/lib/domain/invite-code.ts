/** Crockford base32: no I, L, O or U, so a code read aloud or typed is hard to get wrong. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const INVITE_CODE_LENGTH = 25;
const GROUP = 5;

/** 25 symbols of 5 bits: 125 bits of entropy from the given random bytes (at least 16). */
export function inviteCodeFromBytes(bytes: Uint8Array): string {
	let bits = 0;
	let value = 0;
	let out = '';
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5 && out.length < INVITE_CODE_LENGTH) {
			out += ALPHABET[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
		value &= (1 << bits) - 1;
	}
	if (out.length < INVITE_CODE_LENGTH) {
		throw new Error('inviteCodeFromBytes needs at least 16 bytes');
	}

	return out;
}

/** "K3F9Q-…" in five groups of five, for reading and typing. */
export function formatInviteCode(code: string): string {
	return code.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? code;
}

/**
 * Turns what a person typed or pasted (a code or a whole link, any case, with spaces or dashes)
 * into the canonical code, or null when it cannot be one.
 */
export function normalizeInviteCode(input: string): string | null {
	const lastPart = input.trim().split('/').pop() ?? '';
	const cleaned = lastPart
		.toUpperCase()
		.replace(/[\s-]/g, '')
		.replace(/O/g, '0')
		.replace(/[IL]/g, '1');
	if (cleaned.length !== INVITE_CODE_LENGTH) {
		return null;
	}
	for (const char of cleaned) {
		if (!ALPHABET.includes(char)) {
			return null;
		}
	}

	return cleaned;
}
