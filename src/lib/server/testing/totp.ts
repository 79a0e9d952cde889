import { Secret, TOTP } from 'otpauth';

/** The code an authenticator app would show for this setup key at this time. */
export function totpCode(setupKey: string, at: Date): string {
	return new TOTP({
		secret: Secret.fromBase32(setupKey.replace(/\s/g, '')),
		digits: 6,
		period: 30,
		algorithm: 'SHA1'
	}).generate({ timestamp: at.getTime() });
}
