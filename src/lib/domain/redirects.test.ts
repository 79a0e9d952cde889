import { describe, expect, it } from 'vitest';
import { safeNextPath } from './redirects';

describe('safeNextPath', () => {
	it('keeps paths on this site', () => {
		expect(safeNextPath('/join/ABC')).toBe('/join/ABC');
		expect(safeNextPath('/settings?x=1')).toBe('/settings?x=1');
	});

	it.each(['https://evil.test', '//evil.test', '/\\evil.test', 'javascript:alert(1)', '', null])(
		'refuses %s and falls back',
		(value) => {
			expect(safeNextPath(value)).toBe('/home');
		}
	);
});
