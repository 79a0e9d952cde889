import type { Env } from './env';

export type CookieOptions = {
	path: '/';
	httpOnly: true;
	secure: boolean;
	sameSite: 'lax' | 'strict';
	maxAge: number;
};

/** Over https the cookies carry the __Host- prefix and Secure; over plain http (localhost) neither. */
export function sessionCookie(env: Pick<Env, 'secure'>) {
	return {
		name: env.secure ? '__Host-tend_session' : 'tend_session',
		options: (maxAgeSeconds: number): CookieOptions => ({
			path: '/',
			httpOnly: true,
			secure: env.secure,
			sameSite: 'lax',
			maxAge: maxAgeSeconds
		})
	};
}

/** Marks a browser that has signed in to an account before; see sign-in.service. */
export function deviceCookie(env: Pick<Env, 'secure'>) {
	return {
		name: env.secure ? '__Host-tend_device' : 'tend_device',
		options: (): CookieOptions => ({
			path: '/',
			httpOnly: true,
			secure: env.secure,
			sameSite: 'strict',
			maxAge: 400 * 24 * 60 * 60
		})
	};
}

/**
 * Carries the ticket of a sign-in between its password step and its code step, for a few
 * minutes. Strict: only ever sent by Tend's own pages.
 */
export function pendingSignInCookie(env: Pick<Env, 'secure'>) {
	return {
		name: env.secure ? '__Host-tend_pending' : 'tend_pending',
		options: (maxAgeSeconds: number): CookieOptions => ({
			path: '/',
			httpOnly: true,
			secure: env.secure,
			sameSite: 'strict',
			maxAge: maxAgeSeconds
		})
	};
}

/** Headers on every answer that passes through the server (pages, API, errors). */
export function securityHeaders(env: Pick<Env, 'secure'>): Record<string, string> {
	return {
		'x-content-type-options': 'nosniff',
		// Nothing leaves for other sites. Not no-referrer: with it Chromium sends `Origin: null` on
		// plain form posts, and the origin check then refuses every form used without JavaScript.
		'referrer-policy': 'same-origin',
		'x-frame-options': 'DENY',
		'cross-origin-opener-policy': 'same-origin',
		'cross-origin-resource-policy': 'same-origin',
		'permissions-policy': 'geolocation=(), camera=(), microphone=(), interest-cohort=()',
		'cache-control': 'no-store',
		...(env.secure ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {})
	};
}

/** Answers that are not HTML pages get a CSP that allows nothing at all. */
export const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'";
