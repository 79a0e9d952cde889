import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
	HINT_ACTION,
	HINT_EFFECT,
	HINT_MOMENT,
	HINT_START,
	HINT_SWEEPING,
	coachAppreciation
} from './appreciation-coach';

type LabelledCase = { text: string; specific: boolean };
type Scores = {
	cases: number;
	specificPrecision: number;
	specificRecall: number;
	genericPrecision: number;
	genericRecall: number;
};

function readCases(): LabelledCase[] {
	const parsed: unknown = parse(
		readFileSync(new URL('./appreciation-coach.cases.yaml', import.meta.url), 'utf8')
	);
	if (!Array.isArray(parsed)) {
		throw new Error('The cases file must hold a list.');
	}

	return parsed.map((entry: unknown, index) => {
		if (
			typeof entry !== 'object' ||
			entry === null ||
			!('text' in entry) ||
			typeof entry.text !== 'string' ||
			!('specific' in entry) ||
			typeof entry.specific !== 'boolean'
		) {
			throw new Error(`Case ${index} needs a text and a true or false "specific".`);
		}

		return { text: entry.text, specific: entry.specific };
	});
}

const cases = readCases();

/** Cases alternate specific/generic; every 4th pair was kept out of tuning (see the cases file). */
const isHeldOut = (index: number) => index % 8 >= 6;

function score(selection: LabelledCase[]): Scores {
	let truePositive = 0;
	let falsePositive = 0;
	let falseNegative = 0;
	let trueNegative = 0;
	for (const { text, specific } of selection) {
		const predicted = coachAppreciation(text).specific;
		if (predicted && specific) {
			truePositive++;
		} else if (predicted) {
			falsePositive++;
		} else if (specific) {
			falseNegative++;
		} else {
			trueNegative++;
		}
	}

	return {
		cases: selection.length,
		specificPrecision: truePositive / (truePositive + falsePositive),
		specificRecall: truePositive / (truePositive + falseNegative),
		genericPrecision: trueNegative / (trueNegative + falseNegative),
		genericRecall: trueNegative / (trueNegative + falsePositive)
	};
}

const HINTS = [HINT_START, HINT_ACTION, HINT_MOMENT, HINT_SWEEPING, HINT_EFFECT];

describe('coachAppreciation on the labelled cases', () => {
	const all = score(cases);
	const heldOut = score(cases.filter((_, index) => isHeldOut(index)));
	const rounded = (scores: Scores) =>
		Object.fromEntries(
			Object.entries(scores).map(([key, value]) => [key, Number(value.toFixed(3))])
		);
	console.log('Appreciation coach, precision and recall');
	console.table({ all: rounded(all), 'held out': rounded(heldOut) });

	it('has enough cases, about half of each kind', () => {
		const specific = cases.filter((entry) => entry.specific).length;
		expect(cases.length).toBeGreaterThanOrEqual(160);
		expect(specific / cases.length).toBeGreaterThan(0.4);
		expect(specific / cases.length).toBeLessThan(0.6);
	});

	it('tells specific from generic on all cases', () => {
		expect(all.specificPrecision).toBeGreaterThanOrEqual(0.9);
		expect(all.specificRecall).toBeGreaterThanOrEqual(0.9);
		expect(all.genericPrecision).toBeGreaterThanOrEqual(0.9);
		expect(all.genericRecall).toBeGreaterThanOrEqual(0.9);
	});

	it('holds up on the cases kept out of tuning', () => {
		expect(heldOut.specificPrecision).toBeGreaterThanOrEqual(0.85);
		expect(heldOut.specificRecall).toBeGreaterThanOrEqual(0.85);
		expect(heldOut.genericPrecision).toBeGreaterThanOrEqual(0.85);
		expect(heldOut.genericRecall).toBeGreaterThanOrEqual(0.85);
	});
});

describe('coachAppreciation', () => {
	it('offers one gentle starter for empty or blank text', () => {
		for (const text of ['', ' ', '\n\t  \n', '\u00a0']) {
			expect(coachAppreciation(text)).toEqual({ specific: false, hints: [HINT_START] });
		}
	});

	it('gives no hints to a specific note', () => {
		const result = coachAppreciation(
			'Thank you for making coffee before my early shift this morning. I noticed.'
		);
		expect(result).toEqual({ specific: true, hints: [] });
	});

	it('gives one or two hints to generic praise, fitted to what is missing', () => {
		expect(coachAppreciation("You're amazing").hints).toEqual([HINT_ACTION, HINT_MOMENT]);
		expect(coachAppreciation('thanks for everything').hints[0]).toBe(HINT_SWEEPING);
		expect(coachAppreciation('Thank you for what you did this morning.').hints).toEqual([
			HINT_ACTION,
			HINT_EFFECT
		]);
	});

	it('always answers with zero hints when specific and one or two otherwise', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 300 }), (text) => {
				const { specific, hints } = coachAppreciation(text);
				if (specific) {
					expect(hints).toEqual([]);
				} else {
					expect(hints.length).toBeGreaterThanOrEqual(1);
					expect(hints.length).toBeLessThanOrEqual(2);
				}
				expect(hints.every((hint) => HINTS.includes(hint))).toBe(true);
				expect(new Set(hints).size).toBe(hints.length);
			})
		);
	});

	it('answers the same way every time', () => {
		for (const { text } of cases.slice(0, 40)) {
			expect(coachAppreciation(text)).toEqual(coachAppreciation(text));
		}
	});

	it('stays quick on very long text', () => {
		const texts = [
			'you are amazing and wonderful '.repeat(400),
			'Thanks for the tea at 6am when you '.repeat(300),
			'a'.repeat(10_000),
			'when you '.repeat(1_200)
		];
		for (const text of texts) {
			expect(text.length).toBeGreaterThanOrEqual(10_000);
			const started = performance.now();
			const result = coachAppreciation(text);
			expect(performance.now() - started).toBeLessThan(50);
			expect(typeof result.specific).toBe('boolean');
		}
	});

	it('keeps every hint short and in the second person', () => {
		for (const hint of HINTS) {
			expect(hint.length).toBeLessThanOrEqual(80);
			expect(hint).toMatch(/\byou\b/i);
		}
	});
});
