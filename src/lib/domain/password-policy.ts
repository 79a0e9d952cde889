export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'personal';

/** Words a password must not be built on: the app's own name and the relationship words. */
const CONTEXT_WORDS = ['tend', 'partner', 'password'];

/**
 * Checks a new password against the policy: 8–256 characters counted as the person sees them,
 * any characters, no composition rules; refused when it is a common password or only the
 * person's own name, email or the app's name with a little decoration.
 */
export function findPasswordProblem(
	password: string,
	context: { email?: string; name?: string; isCommon: (candidate: string) => boolean }
): PasswordProblem | null {
	const length = [...password].length;
	if (length < MIN_PASSWORD_LENGTH) {
		return 'too_short';
	}
	if (length > MAX_PASSWORD_LENGTH) {
		return 'too_long';
	}
	const lowered = password.toLowerCase();
	if (context.isCommon(lowered)) {
		return 'common';
	}
	if (isOnlyPersonalWords(lowered, [...CONTEXT_WORDS, ...personalWords(context)])) {
		return 'personal';
	}

	return null;
}

/** True when the letters are a personal word or two, with fewer than three letters besides. */
function isOnlyPersonalWords(password: string, words: string[]): boolean {
	const letters = password.replace(/[^\p{L}]/gu, '');
	let rest = letters;
	for (const word of words) {
		rest = rest.replaceAll(word, '');
	}

	return rest !== letters && [...rest].length < 3;
}

function personalWords(context: { email?: string; name?: string }): string[] {
	const words = [context.email?.split('@')[0], ...(context.name?.split(/\s+/) ?? [])];

	return words
		.map((word) => (word ?? '').toLowerCase().replace(/[^\p{L}]/gu, ''))
		.filter((word) => word.length >= 3);
}
