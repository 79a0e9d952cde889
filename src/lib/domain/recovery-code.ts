/** Crockford base32, as in invite codes: no I, L, O or U, so codes are hard to misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_CODE_LENGTH = 16;
export const RECOVERY_CODE_COUNT = 10;

/** 16 symbols of 5 bits: 80 bits from the given random bytes (at least 10). */
export function recoveryCodeFromBytes(bytes: Uint8Array): string {
	if (bytes.length < 10) {
		throw new Error('recoveryCodeFromBytes needs at least 10 bytes');
	}
	let bits = 0;
	let value = 0;
	let out = '';
	for (const byte of bytes) {
		value = ((value << 8) | byte) & 0xffff;
		bits += 8;
		while (bits >= 5 && out.length < RECOVERY_CODE_LENGTH) {
			out += ALPHABET[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
	}

	return out;
}

/** "K3F9-Q7HX-M2PZ-R8WA", for writing down. */
export function formatRecoveryCode(code: string): string {
	return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** What a person typed (any case, spaces or dashes, look-alike letters) as a code, or null. */
export function normalizeRecoveryCode(input: string): string | null {
	const cleaned = input
		.toUpperCase()
		.replace(/[\s-]/g, '')
		.replace(/O/g, '0')
		.replace(/[IL]/g, '1');
	if (cleaned.length !== RECOVERY_CODE_LENGTH) {
		return null;
	}

	return [...cleaned].every((char) => ALPHABET.includes(char)) ? cleaned : null;
}

/** Six digits is an authenticator code; anything else is taken as a recovery code. */
export function isAuthenticatorCode(input: string): boolean {
	return /^\d{6}$/.test(input.replace(/\s/g, ''));
}
