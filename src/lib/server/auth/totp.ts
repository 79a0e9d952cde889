import { Secret, TOTP } from 'otpauth';
import { renderSVG } from 'uqr';

/** Authenticator codes (RFC 6238): six digits, a new one every 30 seconds, SHA-1 as every app expects. */
export const TOTP_PERIOD_SECONDS = 30;

function totp(secretBase32: string, label = 'Tend') {
	return new TOTP({
		issuer: 'Tend',
		label,
		algorithm: 'SHA1',
		digits: 6,
		period: TOTP_PERIOD_SECONDS,
		secret: Secret.fromBase32(secretBase32)
	});
}

/** A new 160-bit secret, in base32 as authenticator apps take it. */
export function newTotpSecret(): string {
	return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address a QR code carries. */
export function totpUri(secretBase32: string, label: string): string {
	return totp(secretBase32, label).toString();
}

/**
 * The 30-second step a code belongs to, if it is right for `now` or one step either side (phone
 * clocks drift); null otherwise. Callers refuse steps already used, so no code works twice.
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
	const token = code.replace(/\s/g, '');
	if (!/^\d{6}$/.test(token)) {
		return null;
	}
	const delta = totp(secretBase32).validate({ token, timestamp: now.getTime(), window: 1 });

	return delta === null ? null : stepAt(now) + delta;
}

export function stepAt(now: Date): number {
	return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The setup key in groups of four, easier to type into an app by hand. */
export function formatSetupKey(secretBase32: string): string {
	return secretBase32.match(/.{1,4}/g)?.join(' ') ?? secretBase32;
}

/** A QR code as an SVG data: address, made here: nothing is asked of any other service. */
export function qrDataUrl(text: string): string {
	const svg = renderSVG(text, { border: 2, pixelSize: 6, ecc: 'M' });

	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
