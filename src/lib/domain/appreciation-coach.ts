/**
 * The appreciation coach: tells generic praise ("you're amazing") from specific noticing ("thanks
 * for the tea at 6am") with plain, readable heuristics, and offers a warm hint when the note could
 * be more specific. It only advises; nothing is ever blocked on its answer. Pure and synchronous, so
 * it runs the same in the browser and on the server. The word lists are English; other languages
 * need their own lists before the coach judges them.
 */
export type CoachResult = { specific: boolean; hints: string[] };

export const HINT_START = 'Start small: what is one thing you noticed about them today?';
export const HINT_ACTION = 'What did they actually do? You only need one small detail.';
export const HINT_MOMENT = 'Try naming one moment: when did you notice it?';
export const HINT_SWEEPING = "Of everything you're grateful for, which one comes to mind first?";
export const HINT_EFFECT = 'You could add how it felt for you.';

/** Enough for any real note; the cap keeps the work small when someone pastes a whole essay. */
const MAX_ANALYSED_CHARS = 2000;
const SPECIFIC_THRESHOLD = 2.5;

const wordSet = (list: string) => new Set(list.trim().split(/\s+/));

/** Grammar words, pronouns and fillers: they carry no detail about what happened. */
const FUNCTION_WORDS = wordSet(`
	a an the and or but so if then than that this these those it its it's i i'm i've i'd i'll me my
	mine myself you you're you've you'd you'll your yours yourself u ur youre we we're our us they
	them their he she him her his is am are was were be been being do does did doing done have has
	had having will would can could should may might must just really very too also even still ever
	once to of in on at for with from by about as into up out over again here there when where why
	how what which who not no don't didn't can't couldn't won't isn't wasn't doesn't haven't lol
	haha oh ok okay yes well like thx ty pls honestly seriously truly literally totally usual
	enough quite pretty lot lots bit little way how's that's what's
`);

/** Verbs of feeling, thanking and knowing: they say how the writer relates, not what was done. */
const RELATING_WORDS = wordSet(`
	love loved loves loving appreciate appreciated appreciating thank thanks thanked thankful
	grateful make made makes making feel felt feels feeling know knew knows get gets got getting
	help helped helps helping support supported supports supporting say said says mean means meant
	want wanted need needed think thought see saw seen seeing notice noticed noticing watch
	watching care cares treat treated treating like liked wish hope go went
	keep kept let come came look looked chose choose bring brings inspire inspires amaze amazes
	fail complain honored bless
`);

/** Stock praise and endearing metaphors: warm, but they could be said of anyone on any day. */
const PRAISE_WORDS = wordSet(`
	amazing amazin awesome incredible wonderful great greatest best better perfect beautiful lovely
	kind kindest sweet sweetest thoughtful smart funny cute nice good fantastic brilliant special
	gorgeous lucky blessed generous caring supportive strong talented excellent adorable favorite
	fave cool super sexy handsome star rock catch gem treasure keeper sunshine angel hero
`);

/** Pet names and words for people in general: not praise, and not a detail either. */
const PEOPLE_WORDS = wordSet(`
	babe honey darling sweetheart dear hun partner husband wife boyfriend girlfriend person
	human soul heart people guy girl one job
`);

/** Sweeping words: they cover everything, so they point at nothing in particular. */
const SWEEPING_WORDS = wordSet(`
	everything always never every everyday all anything anyone anybody everyone everybody forever
	world life constantly endlessly
`);

/** Superlatives and stock phrases of devotion: heartfelt, and true of no moment in particular. */
const GUSHING_PATTERN =
	/\bthe (?:best|\w{2,}est|most \w+)\b|\bmoon and back\b|\bmore than words\b|\bwords can'?t\b|\bbest version\b|\binside and out\b|\bmean(?:s)? the world\b/g;

/** Vague stand-ins for a detail that was never named. */
const VAGUE_WORDS = wordSet(
	`thing things stuff something somehow someone sometimes much more most`
);

const TIME_WORDS = wordSet(`
	today tonight yesterday morning afternoon evening night weekend week earlier breakfast lunch
	dinner monday tuesday wednesday thursday friday saturday sunday am pm midnight noon
	birthday anniversary commute shift break call
`);

/** How the writer felt: welcome in a note, but a feeling alone is not a detail of what happened. */
const FEELING_WORDS = wordSet(`
	happy relieved touched safe calm seen heard understood cared remembered impressed proud moved
	loved okay better alone lighter grin smile smiled laugh laughed cry cried breathe
`);

const ACTION_PATTERN =
	/\b(?:when|while|after|before|how) you\b|\bthe way you \w+|\bfor (?!being\b|doing\b|loving\b|everything\b)\w+ing\b|\byou (?!were\b|are\b|always\b|just\b|never\b)\w+ed\b|\byou (?:took|brought|gave|held|kept|found|sent|left|wrote|put|drove|stood|ran|told|sat|spent|bought|taught|sang|cut|paid|fed|met|swept|made me a|got up|came to)\b/;
const MOMENT_PATTERN =
	/\b(?:today|tonight|yesterday|this (?:morning|afternoon|evening|weekend)|last (?:night|week|weekend)|at (?:breakfast|lunch|dinner|work|the \w+)|on (?:the|our) (?:call|phone|way)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|\d{1,2}(?::\d\d)? ?(?:am|pm)\b|at \d{1,2}\b|before (?:work|bed|school)|after (?:work|school|my|the|our))/;
const EFFECT_PATTERN =
	/\b(?:made me|i felt|i feel|i could|i was|i needed|i didn't have to|so i|because|got me|it meant|that meant|it mattered|i stopped|i believed|i noticed)\b/;

type Signals = {
	content: number;
	determinedNouns: number;
	action: boolean;
	moment: boolean;
	effect: boolean;
	sweeping: number;
	praise: number;
	vague: number;
};

function isContentWord(word: string): boolean {
	const bare = word.replace(/'s$/, '');
	return (
		bare.length > 1 &&
		!/^\d/.test(bare) &&
		![
			FUNCTION_WORDS,
			RELATING_WORDS,
			PRAISE_WORDS,
			PEOPLE_WORDS,
			SWEEPING_WORDS,
			VAGUE_WORDS,
			TIME_WORDS,
			FEELING_WORDS
		].some((list) => list.has(word) || list.has(bare))
	);
}

function readSignals(text: string): Signals {
	const lowered = text.toLowerCase().replace(/[’‘]/g, "'");
	const all = lowered.match(/[a-z0-9']+/g) ?? [];
	const count = (list: Set<string>) => all.filter((word) => list.has(word)).length;
	let determinedNouns = 0;
	all.forEach((word, index) => {
		if (index > 0 && /^(?:the|my|your|our|his|her|their)$/.test(all[index - 1] ?? '')) {
			determinedNouns += isContentWord(word) ? 1 : 0;
		}
	});

	return {
		content: all.filter(isContentWord).length,
		determinedNouns,
		action: ACTION_PATTERN.test(lowered),
		moment: MOMENT_PATTERN.test(lowered) || count(TIME_WORDS) > 0,
		effect: EFFECT_PATTERN.test(lowered),
		sweeping: count(SWEEPING_WORDS) + (lowered.match(GUSHING_PATTERN)?.length ?? 0),
		praise: count(PRAISE_WORDS),
		vague: count(VAGUE_WORDS)
	};
}

/** Detail counts for the note; sweeping and vague words count against it. */
function specificityScore(signals: Signals): number {
	return (
		signals.content +
		0.5 * Math.min(signals.determinedNouns, 2) +
		(signals.action ? 1 : 0) +
		(signals.moment ? 1 : 0) +
		(signals.effect ? 0.5 : 0) -
		signals.sweeping -
		0.5 * signals.praise -
		0.5 * signals.vague
	);
}

/** Up to two hints, for what is missing first: one thing out of many, a detail, a moment, a feeling. */
function hintsFor(signals: Signals): string[] {
	const hints: string[] = [];
	if (signals.sweeping > 0) {
		hints.push(HINT_SWEEPING);
	}
	if (signals.content === 0) {
		hints.push(HINT_ACTION);
	}
	if (!signals.moment) {
		hints.push(HINT_MOMENT);
	}
	if (!signals.effect) {
		hints.push(HINT_EFFECT);
	}

	return hints.length > 0 ? hints.slice(0, 2) : [HINT_ACTION];
}

/** Advises on one appreciation. Specific notes get no hints; others get one or two. */
export function coachAppreciation(text: string): CoachResult {
	const trimmed = text.slice(0, MAX_ANALYSED_CHARS).trim();
	if (trimmed === '') {
		return { specific: false, hints: [HINT_START] };
	}
	const signals = readSignals(trimmed);
	const specific = signals.content > 0 && specificityScore(signals) >= SPECIFIC_THRESHOLD;

	return specific ? { specific, hints: [] } : { specific, hints: hintsFor(signals) };
}
