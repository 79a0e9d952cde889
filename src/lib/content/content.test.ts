import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickDailyQuestion, KINDS, TOPICS, DEPTHS, type Pace } from '$lib/domain/daily-question';
import { addDays } from '$lib/domain/dates';
import { getContent, listContentLocales } from './index';
import {
	CLOSER_SET_IDS,
	closerPromptId,
	closerSchema,
	listeningSchema,
	phonesDownSchema,
	stemsSchema,
	tenMinutesSchema
} from './schema';

const unique = (ids: string[]) => new Set(ids).size === ids.length;
const listeningLines = ({ listening }: ReturnType<typeof getContent>) => [
	...listening.listenerGuidance,
	...listening.reflectStarters,
	...listening.speakerConfirm,
	...listening.receivingResponses
];

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
		expect(unique(content.closer.sets.flatMap((set) => set.prompts.map((p) => p.id)))).toBe(true);
		expect(unique(content.stems.items.map((item) => item.id))).toBe(true);
		expect(unique(content.tenMinutes.questions.map((q) => q.id))).toBe(true);
		expect(unique(content.phonesDown.prompts.map((p) => p.id))).toBe(true);
		expect(unique(listeningLines(content).map((line) => line.id))).toBe(true);
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

describe('guided conversation schemas', () => {
	const evidence =
		'A plain note on what the research found, what it did not find, and how far it can go.';
	const closer = () => ({
		evidence,
		sets: CLOSER_SET_IDS.map((setId, s) => ({
			id: setId,
			title: `Set ${s + 1}`,
			intro: 'A warm sentence to begin.',
			minutes: 15,
			prompts: Array.from({ length: 12 }, (_, p) => ({
				id: closerPromptId(s + 1, p + 1),
				kind: p % 4 === 0 ? 'task' : 'question',
				text: `Prompt ${p + 1} of set ${s + 1}?`
			}))
		}))
	});

	it('accepts three sets of twelve in order', () => {
		expect(closerSchema.safeParse(closer()).success).toBe(true);
		expect(closerPromptId(3, 12)).toBe('c3-12');
	});

	it('refuses a set with eleven prompts, sets out of order and renumbered prompts', () => {
		const short = closer();
		short.sets[1].prompts.pop();
		const swapped = closer();
		swapped.sets.reverse();
		const renumbered = closer();
		[renumbered.sets[0].prompts[0].id, renumbered.sets[0].prompts[1].id] = ['c1-02', 'c1-01'];
		const wrongSet = closer();
		wrongSet.sets[2].prompts[0].id = 'c2-01';
		for (const bad of [short, swapped, renumbered, wrongSet]) {
			expect(closerSchema.safeParse(bad).success).toBe(false);
		}
	});

	it('refuses a fourth set, other minutes, another kind and over-long text', () => {
		const four = closer();
		four.sets.push(four.sets[0]);
		const minutes = { ...closer(), sets: closer().sets.map((set) => ({ ...set, minutes: 20 })) };
		const kind = closer();
		kind.sets[0].prompts[0].kind = 'quiz';
		const long = closer();
		long.sets[0].prompts[0].text = 'x'.repeat(201);
		const noEvidence = { ...closer(), evidence: 'x'.repeat(901) };
		for (const bad of [four, minutes, kind, long, noEvidence]) {
			expect(closerSchema.safeParse(bad).success).toBe(false);
		}
	});

	it('wants stems that end in " …", numbered ids and a depth', () => {
		const items = (text: string, id = 'v001', depth = 'light') =>
			Array.from({ length: 44 }, () => ({ id, text, depth }));
		expect(stemsSchema.safeParse({ evidence, items: items('Something I want is …') }).success).toBe(
			true
		);
		for (const bad of [
			items('Something I want is…'),
			items('Something I want is'),
			items(`${'x'.repeat(119)} …`),
			items('Something I want is …', 's001'),
			items('Something I want is …', 'v001', 'very deep'),
			items('Something I want is …').slice(1)
		]) {
			expect(stemsSchema.safeParse({ evidence, items: bad }).success).toBe(false);
		}
	});

	it('wants ten-minute questions as questions and phones-down prompts with p ids', () => {
		const questions = (text: string) =>
			Array.from({ length: 60 }, () => ({ id: 't001', text, depth: 'medium' }));
		expect(tenMinutesSchema.safeParse({ evidence, questions: questions('Why?!?') }).success).toBe(
			true
		);
		expect(tenMinutesSchema.safeParse({ evidence, questions: questions('Tell me.') }).success).toBe(
			false
		);
		const prompts = (id: string) => Array.from({ length: 30 }, () => ({ id, text: 'Look up.' }));
		expect(phonesDownSchema.safeParse({ evidence, prompts: prompts('p001') }).success).toBe(true);
		expect(phonesDownSchema.safeParse({ evidence, prompts: prompts('P001') }).success).toBe(false);
	});

	it('keeps the listening lists within their sizes', () => {
		const lines = (n: number, text = 'I am here.') =>
			Array.from({ length: n }, (_, i) => ({ id: `l-${i}`, text }));
		const listening = {
			evidence,
			listenerGuidance: lines(6),
			reflectStarters: lines(6, 'What I heard is …'),
			speakerConfirm: lines(3),
			receivingResponses: lines(6)
		};
		expect(listeningSchema.safeParse(listening).success).toBe(true);
		for (const bad of [
			{ ...listening, listenerGuidance: lines(11) },
			{ ...listening, reflectStarters: lines(6) },
			{ ...listening, speakerConfirm: lines(2) },
			{ ...listening, receivingResponses: lines(5) },
			{ ...listening, extra: [] }
		]) {
			expect(listeningSchema.safeParse(bad).success).toBe(false);
		}
	});
});

/** Lower-case words, so near-duplicates that differ only in punctuation or case still match. */
const words = (text: string) => text.toLowerCase().match(/[a-z']+/g) ?? [];
const opening = (text: string) => words(text).slice(0, 5).join(' ');

function conversationTexts(content: ReturnType<typeof getContent>): string[] {
	return [
		...content.closer.sets.flatMap((set) => set.prompts.map((p) => p.text)),
		...content.stems.items.map((item) => item.text),
		...content.tenMinutes.questions.map((q) => q.text),
		...content.phonesDown.prompts.map((p) => p.text),
		...listeningLines(content).map((line) => line.text)
	];
}

describe('guided conversation content', () => {
	it('Closer has three sets of twelve in order, 15 minutes each, with two to four tasks a set', () => {
		const { closer } = getContent('en');
		expect(closer.sets.map((set) => set.id)).toEqual([...CLOSER_SET_IDS]);
		closer.sets.forEach((set, s) => {
			expect(set.minutes).toBe(15);
			expect(set.prompts.map((p) => p.id)).toEqual(
				Array.from({ length: 12 }, (_, p) => closerPromptId(s + 1, p + 1))
			);
			const tasks = set.prompts.filter((p) => p.kind === 'task').length;
			expect(tasks).toBeGreaterThanOrEqual(2);
			expect(tasks).toBeLessThanOrEqual(4);
		});
		expect(closer.sets.flatMap((set) => set.prompts)).toHaveLength(36);
	});

	it('has at least 44 stems, about a third at each depth, numbered in order', () => {
		const { items } = getContent('en').stems;
		expect(items.length).toBeGreaterThanOrEqual(44);
		expect(items.map((item) => item.id)).toEqual(
			items.map((_, i) => `v${String(i + 1).padStart(3, '0')}`)
		);
		for (const depth of DEPTHS) {
			const share = items.filter((item) => item.depth === depth).length / items.length;
			expect(share, depth).toBeGreaterThanOrEqual(0.25);
			expect(share, depth).toBeLessThanOrEqual(0.42);
		}
	});

	it('has at least 60 ten-minute questions at every depth, numbered in order', () => {
		const { questions } = getContent('en').tenMinutes;
		expect(questions.length).toBeGreaterThanOrEqual(60);
		expect(questions.map((q) => q.id)).toEqual(
			questions.map((_, i) => `t${String(i + 1).padStart(3, '0')}`)
		);
		for (const depth of DEPTHS) {
			expect(questions.filter((q) => q.depth === depth).length, depth).toBeGreaterThanOrEqual(15);
		}
	});

	it('has at least 30 phones-down prompts, numbered in order', () => {
		const { prompts } = getContent('en').phonesDown;
		expect(prompts.length).toBeGreaterThanOrEqual(30);
		expect(prompts.map((p) => p.id)).toEqual(
			prompts.map((_, i) => `p${String(i + 1).padStart(3, '0')}`)
		);
	});

	it('offers listening lines in their ranges, with the receiving responses the practice promises', () => {
		const { listening } = getContent('en');
		expect(listening.listenerGuidance.length).toBeGreaterThanOrEqual(6);
		expect(listening.reflectStarters.map((line) => line.text)).toContain('What I heard is …');
		expect(listening.speakerConfirm.length).toBeGreaterThanOrEqual(3);
		expect(listening.receivingResponses.map((line) => line.text)).toEqual(
			expect.arrayContaining([
				'Thank you for telling me.',
				'I want to understand.',
				'What do you need from me?',
				"I'm here."
			])
		);
		// A receiving response never turns the share into advice, a question of fault or a correction.
		for (const { text } of listening.receivingResponses) {
			expect(text, text).not.toMatch(/\b(should|but|why did|you always|you never|at least)\b/i);
		}
	});

	it("uses none of the study's own questions", () => {
		const study = [
			'dinner guest',
			'famous',
			'rehearse',
			'perfect day',
			'crystal ball',
			'treasured memory',
			'terrible memory',
			'die this evening',
			'catches fire',
			'your mother',
			'life story',
			'too serious to be joked'
		];
		const texts = conversationTexts(getContent('en')).map((text) => text.toLowerCase());
		for (const phrase of study) {
			expect(texts.filter((text) => text.includes(phrase))).toEqual([]);
		}
	});

	it('repeats no text, and no five-word opening, across the conversations and daily questions', () => {
		const content = getContent('en');
		const texts = conversationTexts(content);
		expect(unique(texts.map((text) => words(text).join(' ')))).toBe(true);
		const long = texts.filter((text) => words(text).length >= 5);
		const seen = new Map(content.questions.map((q) => [opening(q.text), q.text]));
		const clashes: string[][] = [];
		for (const text of long) {
			const earlier = seen.get(opening(text));
			if (earlier) {
				clashes.push([earlier, text]);
			}
			seen.set(opening(text), text);
		}
		expect(clashes).toEqual([]);
	});
});
