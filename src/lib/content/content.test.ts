import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickDailyQuestion, KINDS, TOPICS, DEPTHS, type Pace } from '$lib/domain/daily-question';
import { addDays } from '$lib/domain/dates';
import { getContent, listContentLocales } from './index';

const unique = (ids: string[]) => new Set(ids).size === ids.length;

describe('content', () => {
	it.each(listContentLocales())('%s parses against the schema with unique ids', (locale) => {
		const content = getContent(locale);
		const feelings = content.feelings.families.flatMap((family) => family.feelings);
		expect(unique(content.questions.map((q) => q.id))).toBe(true);
		expect(unique(feelings.map((f) => f.id))).toBe(true);
		expect(unique(content.feelings.families.map((f) => f.id))).toBe(true);
		expect(unique(content.checkinPrompts.map((p) => p.id))).toBe(true);
		expect(unique(content.appreciationPrompts.map((p) => p.id))).toBe(true);
		expect(unique(content.responses.map((r) => r.id))).toBe(true);
		expect(unique(content.questions.map((q) => q.text.toLowerCase()))).toBe(true);
		expect(unique(content.help.sections.map((s) => s.id))).toBe(true);
	});

	it('keeps the help page honest: quick exit limits, where to get help, no phone numbers', () => {
		const help = getContent('en').help;
		const ids = help.sections.map((section) => section.id);
		expect(ids).toEqual(expect.arrayContaining(['quick-exit', 'watched', 'leave-link', 'support']));
		const text = JSON.stringify(help);
		expect(text).toMatch(/history/i);
		expect(text).toMatch(/emergency number/i);
		// Numbers differ by country and change: the operator lists real ones for their area.
		expect(text).not.toMatch(/\d{3}/);
	});

	it('has what a real product needs', () => {
		const content = getContent('en');
		expect(content.questions.length).toBeGreaterThanOrEqual(365);
		expect(content.feelings.families.flatMap((f) => f.feelings).length).toBeGreaterThanOrEqual(80);
		expect(content.checkinPrompts.length).toBeGreaterThanOrEqual(40);
		expect(content.appreciationPrompts.length).toBeGreaterThanOrEqual(30);
		expect(content.needs.map((n) => n.id).sort()).toEqual([
			'closeness',
			'distraction',
			'listen',
			'practical',
			'space'
		]);
		expect(content.responses.map((r) => r.id)).toEqual(
			expect.arrayContaining(['hear-you', 'thank-you-for-telling', 'tell-me-more', 'talk-tonight'])
		);
		for (const depth of DEPTHS) {
			expect(content.questions.some((q) => q.depth === depth)).toBe(true);
		}
	});

	it('never repeats a question within 365 days, for the strictest settings and for random ones', () => {
		const questions = getContent('en').questions;
		const strictest: Pace[] = KINDS.map((kind) => ({
			depth: 'light',
			kinds: [kind],
			avoidTopics: [...TOPICS]
		}));
		const random = fc.sample(
			fc.record({
				depth: fc.constantFrom(...DEPTHS),
				kinds: fc.subarray([...KINDS], { minLength: 1 }),
				avoidTopics: fc.subarray([...TOPICS])
			}),
			{ numRuns: 12, seed: 20261122 }
		);
		for (const pace of [...strictest, ...random]) {
			const used = new Map<string, string[]>();
			const start = '2026-01-01';
			for (let day = 0; day < 365; day++) {
				const date = addDays(start, day);
				const id = pickDailyQuestion({ questions, pace, seed: 'couple-1', date, used });
				expect(used.has(id), `${id} repeated on ${date} with ${JSON.stringify(pace)}`).toBe(false);
				used.set(id, [date]);
				const topics = questions.find((q) => q.id === id)?.topics ?? [];
				expect(topics.some((topic) => pace.avoidTopics.includes(topic))).toBe(false);
			}
		}
	});
});
