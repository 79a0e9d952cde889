/**
 * Where to send a person after signing in: only a path on this site, never another origin
 * (an open redirect would let a crafted link bounce people to a look-alike page).
 */
export function safeNextPath(value: string | null | undefined, fallback = '/home'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
		return fallback;
	}

	return value;
}
