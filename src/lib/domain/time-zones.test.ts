import { describe, expect, it } from 'vitest';
import { listTimeZones } from './time-zones';

describe('listTimeZones', () => {
	it('puts UTC first and offers current names such as Kyiv and Kolkata', () => {
		const zones = listTimeZones();
		expect(zones[0]).toBe('UTC');
		expect(zones).toContain('Europe/Kyiv');
		expect(zones).toContain('Asia/Kolkata');
		expect(zones).toContain('Pacific/Auckland');
		expect(new Set(zones).size).toBe(zones.length);
	});
});
