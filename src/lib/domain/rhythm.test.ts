import { describe, expect, it } from 'vitest';
import { rotate, seasonRhythm } from './rhythm';

describe('seasonRhythm', () => {
	it('counts practice days in the current 21-day season only', () => {
		const rhythm = seasonRhythm('2026-01-01', '2026-01-25', [
			'2025-12-31',
			'2026-01-05',
			'2026-01-22',
			'2026-01-25',
			'2026-01-25'
		]);
		expect(rhythm).toEqual({ season: 2, day: 4, length: 21, practisedDays: 2 });
	});

	it('starts on the first day, and copes with a first day after today', () => {
		expect(seasonRhythm('2026-01-01', '2026-01-01', [])).toEqual({
			season: 1,
			day: 1,
			length: 21,
			practisedDays: 0
		});
		expect(seasonRhythm('2026-02-01', '2026-01-01', ['2026-01-01']).practisedDays).toBe(1);
	});
});

describe('rotate', () => {
	it('is stable for a key and spreads over the list', () => {
		const items = ['a', 'b', 'c', 'd'];
		expect(rotate(items, 'k')).toBe(rotate(items, 'k'));
		expect(
			new Set(Array.from({ length: 40 }, (_, i) => rotate(items, `day-${i}`))).size
		).toBeGreaterThan(2);
	});
});
