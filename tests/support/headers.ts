import { expect } from 'vitest';
import type { Answer } from './client';

/** `default-src 'self'; script-src …` → directive → sources. */
export function parseCsp(header: string): Map<string, string[]> {
	const directives = new Map<string, string[]>();
	for (const part of header.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) {
			directives.set(name.toLowerCase(), sources);
		}
	}

	return directives;
}

/** Headers every answer carries, pages, API, redirects and errors alike (XSS-04, XSS-05). */
export function expectBaseHeaders(answer: Answer, label: string) {
	expect(answer.headers.get('x-content-type-options'), `${label}: nosniff`).toBe('nosniff');
	expect(answer.headers.get('referrer-policy'), `${label}: referrer-policy`).toBe('same-origin');
	expect(answer.headers.get('cache-control') ?? '', `${label}: cache-control`).toMatch(/no-store/);
	expect(answer.headers.get('content-security-policy'), `${label}: a CSP`).toBeTruthy();
	expect(
		parseCsp(answer.headers.get('content-security-policy') ?? '').get('frame-ancestors'),
		`${label}: frame-ancestors`
	).toEqual(["'none'"]);
}

/**
 * An HTML page's CSP (XSS-03, HDR-02): scripts only by nonce or hash, never inline or eval, no
 * host or scheme allow-lists; no plugins, no <base>, no framing. Returns the nonce, if any.
 */
export function expectPageCsp(answer: Answer, label: string): string | undefined {
	const csp = parseCsp(answer.headers.get('content-security-policy') ?? '');
	const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];

	expect(
		scripts.some((source) => /^'(nonce-|sha(256|384|512)-)/.test(source)),
		`${label}: script-src has a nonce or hash (${scripts.join(' ')})`
	).toBe(true);
	for (const source of scripts) {
		expect(
			["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'"],
			`${label}: script-src allows ${source}`
		).not.toContain(source);
		expect(
			source === "'self'" || source === "'strict-dynamic'" || /^'(nonce-|sha\d+-)/.test(source),
			`${label}: script-src has a host or scheme source ${source}`
		).toBe(true);
	}
	expect(csp.get('object-src'), `${label}: object-src`).toEqual(["'none'"]);
	expect(csp.get('base-uri'), `${label}: base-uri`).toEqual(["'none'"]);
	expect(csp.get('frame-ancestors'), `${label}: frame-ancestors`).toEqual(["'none'"]);

	const nonce = scripts.find((source) => source.startsWith("'nonce-"))?.slice(7, -1);
	if (nonce) {
		for (const tag of answer.text.match(/<script\b[^>]*>/g) ?? []) {
			const external = /\bsrc=/.test(tag);
			expect(
				external || tag.includes(`nonce="${nonce}"`),
				`${label}: inline script without the nonce: ${tag}`
			).toBe(true);
		}
	}

	return nonce;
}
