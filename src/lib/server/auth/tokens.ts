import crypto from 'node:crypto';

/** 256 bits from the CSPRNG, URL-safe. */
export function randomToken(bytes = 32): string {
	return crypto.randomBytes(bytes).toString('base64url');
}

export function sha256Hex(value: string): string {
	return crypto.createHash('sha256').update(value).digest('hex');
}

/** A keyed hash, so rate-limit keys reveal neither an address nor an email. */
export function keyedHash(secret: string, value: string): string {
	return crypto.createHmac('sha256', secret).update(value).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
	const left = Buffer.from(a);
	const right = Buffer.from(b);

	return left.length === right.length && crypto.timingSafeEqual(left, right);
}
