import { daysBetween, type LocalDate } from './dates';

export const DEPTHS = ['light', 'medium', 'deep'] as const;
export const KINDS = [
	'emotional',
	'intellectual',
	'experiential',
	'spiritual',
	'physical'
] as const;
export const TOPICS = [
	'sex',
	'family-of-origin',
	'past-relationships',
	'money',
	'health',
	'parenting'
] as const;

export type Depth = (typeof DEPTHS)[number];
export type Kind = (typeof KINDS)[number];
export type Topic = (typeof TOPICS)[number];

export type QuestionMeta = { id: string; depth: Depth; kinds: Kind[]; topics: Topic[] };
export type Pace = { depth: Depth; kinds: Kind[]; avoidTopics: Topic[] };

/** How often each depth comes up for each chosen pace. A light pace never meets a deep question. */
const DEPTH_MIX: Record<Depth, Record<Depth, number>> = {
	light: { light: 0.75, medium: 0.25, deep: 0 },
	medium: { light: 0.4, medium: 0.45, deep: 0.15 },
	deep: { light: 0.25, medium: 0.4, deep: 0.35 }
};

/** A question is not asked again within this many days. */
export const NO_REPEAT_DAYS = 365;

/**
 * The pace two people share: the gentler depth of the two, the kinds both want (or either, when
 * they have none in common), and every topic either wants to avoid.
 */
export function sharedPace(mine: Pace, partner?: Pace): Pace {
	if (!partner) {
		return mine;
	}
	const depth = DEPTHS[Math.min(DEPTHS.indexOf(mine.depth), DEPTHS.indexOf(partner.depth))];
	const common = mine.kinds.filter((kind) => partner.kinds.includes(kind));
	const kinds = common.length > 0 ? common : [...new Set([...mine.kinds, ...partner.kinds])];
	const avoidTopics = [...new Set([...mine.avoidTopics, ...partner.avoidTopics])];

	return { depth, kinds, avoidTopics };
}

/**
 * The question for one date of one shared space (a couple, or a person alone). Deterministic:
 * the same inputs always give the same question. Avoided topics and depths outside the pace are
 * never chosen; a question used within a year (in `used`: id → dates) is not chosen again while
 * any other allowed question is left; chosen kinds come first, then the rest.
 */
export function pickDailyQuestion(input: {
	questions: QuestionMeta[];
	pace: Pace;
	seed: string;
	date: LocalDate;
	used: Map<string, LocalDate[]>;
}): string {
	const { questions, pace, seed, date, used } = input;
	const mix = DEPTH_MIX[pace.depth];
	const allowed = questions.filter(
		(q) => mix[q.depth] > 0 && !q.topics.some((topic) => pace.avoidTopics.includes(topic))
	);
	const pool = allowed.length > 0 ? allowed : questions;
	const fresh = pool.filter((q) => !usedWithinYear(used.get(q.id), date));
	if (fresh.length === 0) {
		return leastRecentlyUsed(pool, used, seed);
	}

	const target = depthFor(mix, hash(`${seed}|${date}|depth`));
	const wanted = (q: QuestionMeta) => q.kinds.some((kind) => pace.kinds.includes(kind));
	const tiers = [
		fresh.filter((q) => q.depth === target && wanted(q)),
		fresh.filter(wanted),
		fresh.filter((q) => q.depth === target),
		fresh
	];
	const tier = tiers.find((candidates) => candidates.length > 0) ?? fresh;
	const ordered = [...tier].sort((a, b) => hash(`${seed}|${a.id}`) - hash(`${seed}|${b.id}`));

	return ordered[hash(`${seed}|${date}|pick`) % ordered.length].id;
}

function usedWithinYear(dates: LocalDate[] | undefined, date: LocalDate): boolean {
	return (dates ?? []).some(
		(other) => other !== date && Math.abs(daysBetween(other, date)) < NO_REPEAT_DAYS
	);
}

function leastRecentlyUsed(pool: QuestionMeta[], used: Map<string, LocalDate[]>, seed: string) {
	const last = (q: QuestionMeta) => (used.get(q.id) ?? []).reduce((a, b) => (a > b ? a : b), '');
	const sorted = [...pool].sort(
		(a, b) => last(a).localeCompare(last(b)) || hash(`${seed}|${a.id}`) - hash(`${seed}|${b.id}`)
	);

	return sorted[0].id;
}

function depthFor(mix: Record<Depth, number>, value: number): Depth {
	let point = (value % 10_000) / 10_000;
	for (const depth of DEPTHS) {
		point -= mix[depth];
		if (point < 0) {
			return depth;
		}
	}

	return 'light';
}

/** FNV-1a: small, fast and stable everywhere; randomness here only needs to look varied. */
export function hash(text: string): number {
	let value = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		value ^= text.charCodeAt(i);
		value = Math.imul(value, 0x01000193);
	}

	return value >>> 0;
}
