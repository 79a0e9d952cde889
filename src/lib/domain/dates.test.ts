import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isLocalDate, localDate } from './dates';

describe('dates', () => {
	it('gives each person their own date at the same instant', () => {
		const instant = new Date('2026-03-01T20:00:00Z');
		expect(localDate(instant, 'America/Los_Angeles')).toBe('2026-03-01');
		expect(localDate(instant, 'Australia/Sydney')).toBe('2026-03-02');
		expect(localDate(instant, 'UTC')).toBe('2026-03-01');
	});

	it('turns the day exactly at local midnight', () => {
		expect(localDate(new Date('2026-03-02T07:59:59Z'), 'America/Los_Angeles')).toBe('2026-03-01');
		expect(localDate(new Date('2026-03-02T08:00:00Z'), 'America/Los_Angeles')).toBe('2026-03-02');
		expect(localDate(new Date('2026-03-01T10:59:59Z'), 'Pacific/Auckland')).toBe('2026-03-01');
		expect(localDate(new Date('2026-03-01T11:00:00Z'), 'Pacific/Auckland')).toBe('2026-03-02');
	});

	it('counts days across a change of clocks', () => {
		expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
		expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});

	it('accepts only real dates', () => {
		expect(isLocalDate('2028-02-29')).toBe(true);
		expect(isLocalDate('2026-02-29')).toBe(false);
		expect(isLocalDate('2026-13-01')).toBe(false);
		expect(isLocalDate('2026-1-01')).toBe(false);
		expect(isLocalDate('today')).toBe(false);
	});
});
