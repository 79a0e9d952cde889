import crypto from 'node:crypto';

/**
 * Sealing: AES-256-GCM with a key derived from the server secret for one purpose. Used for the
 * few values Tend must read back (authenticator secrets, a queued mail's recipient and link), so
 * a copy of the database without the server secret does not give them away.
 */
export type SealPurpose = 'totp-secret' | 'mail-payload';

function keyFor(secret: string, purpose: SealPurpose): Buffer {
	return Buffer.from(crypto.hkdfSync('sha256', secret, 'tend', `seal:${purpose}`, 32));
}

export function seal(secret: string, purpose: SealPurpose, plaintext: string): string {
	const iv = crypto.randomBytes(12);
	const cipher = crypto.createCipheriv('aes-256-gcm', keyFor(secret, purpose), iv);
	const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);

	return ['v1', iv, body, cipher.getAuthTag()]
		.map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
		.join('.');
}

/** The sealed value, or null when it was sealed with another secret or altered. */
export function unseal(secret: string, purpose: SealPurpose, sealed: string): string | null {
	const [version, iv, body, tag] = sealed.split('.');
	if (version !== 'v1' || !iv || body === undefined || !tag) {
		return null;
	}
	try {
		const decipher = crypto.createDecipheriv(
			'aes-256-gcm',
			keyFor(secret, purpose),
			Buffer.from(iv, 'base64url')
		);
		decipher.setAuthTag(Buffer.from(tag, 'base64url'));

		return Buffer.concat([
			decipher.update(Buffer.from(body, 'base64url')),
			decipher.final()
		]).toString('utf8');
	} catch {
		return null;
	}
}
