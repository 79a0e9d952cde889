import { parse } from 'yaml';
import { contentSchema, type Content } from './schema';

/**
 * Content is data: the files under /content/<locale>/ are bundled at build time and checked
 * against the schema the first time a locale is used (a test checks every locale up front).
 */
const files = import.meta.glob('/content/*/*.yaml', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

const FILE_KEYS: Record<string, keyof Content> = {
	'questions.yaml': 'questions',
	'feelings.yaml': 'feelings',
	'needs.yaml': 'needs',
	'checkin-prompts.yaml': 'checkinPrompts',
	'appreciation-prompts.yaml': 'appreciationPrompts',
	'responses.yaml': 'responses',
	'closer.yaml': 'closer',
	'stems.yaml': 'stems',
	'ten-minutes.yaml': 'tenMinutes',
	'phones-down.yaml': 'phonesDown',
	'listening.yaml': 'listening'
};

export const BASE_LOCALE = 'en';
const cache = new Map<string, Content>();

/** The content of a locale; anything a locale lacks comes from English. */
export function getContent(locale: string = BASE_LOCALE): Content {
	const cached = cache.get(locale);
	if (cached) {
		return cached;
	}
	const raw: Record<string, unknown> = {
		...(locale === BASE_LOCALE ? {} : readLocale(BASE_LOCALE)),
		...readLocale(locale)
	};
	const content = contentSchema.parse(raw);
	cache.set(locale, content);

	return content;
}

export function listContentLocales(): string[] {
	return [...new Set(Object.keys(files).map((path) => path.split('/')[2]))].sort();
}

function readLocale(locale: string): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [path, source] of Object.entries(files)) {
		const [, , fileLocale, name] = path.split('/');
		const key = FILE_KEYS[name];
		if (fileLocale === locale && key) {
			out[key] = parse(source);
		}
	}

	return out;
}
