import { describe, expect, it } from 'vitest';
import { pickDailyQuestion, sharedPace, type Pace, type QuestionMeta } from './daily-question';

const q = (
	id: string,
	depth: QuestionMeta['depth'],
	topics: QuestionMeta['topics'] = []
): QuestionMeta => ({
	id,
	depth,
	kinds: ['emotional'],
	topics
});

describe('sharedPace', () => {
	it('takes the gentler depth, the kinds both want, and every topic either avoids', () => {
		const a: Pace = { depth: 'deep', kinds: ['emotional', 'spiritual'], avoidTopics: ['money'] };
		const b: Pace = { depth: 'light', kinds: ['emotional', 'physical'], avoidTopics: ['sex'] };
		expect(sharedPace(a, b)).toEqual({
			depth: 'light',
			kinds: ['emotional'],
			avoidTopics: ['money', 'sex']
		});
	});

	it('uses the kinds of either when they share none', () => {
		const a: Pace = { depth: 'medium', kinds: ['spiritual'], avoidTopics: [] };
		const b: Pace = { depth: 'medium', kinds: ['physical'], avoidTopics: [] };
		expect(sharedPace(a, b).kinds).toEqual(['spiritual', 'physical']);
	});
});

describe('pickDailyQuestion', () => {
	const questions = [q('a', 'light'), q('b', 'medium'), q('c', 'deep'), q('d', 'light', ['sex'])];
	const pace: Pace = { depth: 'light', kinds: ['emotional'], avoidTopics: ['sex'] };

	it('is the same for the same space and date, and varies across spaces', () => {
		const pick = (seed: string) =>
			pickDailyQuestion({ questions, pace, seed, date: '2026-01-01', used: new Map() });
		expect(pick('x')).toBe(pick('x'));
		const seeds = Array.from({ length: 40 }, (_, i) => pick(`space-${i}`));
		expect(new Set(seeds).size).toBeGreaterThan(1);
	});

	it('never picks an avoided topic or a depth beyond the pace', () => {
		for (let i = 0; i < 50; i++) {
			const id = pickDailyQuestion({
				questions,
				pace,
				seed: `s${i}`,
				date: '2026-01-01',
				used: new Map()
			});
			expect(['a', 'b']).toContain(id);
		}
	});

	it('repeats the least recently used question only when every allowed one was used this year', () => {
		const used = new Map([
			['a', ['2025-12-01']],
			['b', ['2025-06-01']]
		]);
		expect(pickDailyQuestion({ questions, pace, seed: 's', date: '2026-01-01', used })).toBe('b');
	});
});
