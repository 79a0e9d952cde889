import { hash, verify } from '@node-rs/argon2';
import { findPasswordProblem, type PasswordProblem } from '$lib/domain/password-policy';
import commonPasswordsText from './common-passwords.txt?raw';

/** OWASP's Argon2id floor: 19 MiB, two passes, one lane. */
export const ARGON2_OPTIONS = {
	// Algorithm.Argon2id; the library's const enum cannot be imported under isolated modules.
	algorithm: 2,
	memoryCost: 19_456,
	timeCost: 2,
	parallelism: 1
} as const;

let commonPasswords: Set<string> | undefined;

function isCommon(candidate: string): boolean {
	commonPasswords ??= new Set(
		commonPasswordsText.split('\n').filter((line) => line && !line.startsWith('#'))
	);

	return commonPasswords.has(candidate);
}

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
	try {
		return await verify(storedHash, password);
	} catch {
		return false;
	}
}

/** Spent on unknown emails so a wrong email costs the same time as a wrong password. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
	dummyHash ??= hashPassword('tend-timing-equaliser');
	await verifyPassword(await dummyHash, password);
}

export function checkNewPassword(
	password: string,
	context: { email?: string; name?: string }
): PasswordProblem | null {
	return findPasswordProblem(password, { ...context, isCommon });
}
