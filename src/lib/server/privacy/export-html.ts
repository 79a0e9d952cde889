import { getContent } from '$lib/content';
import type { Depth, Kind, Topic } from '$lib/domain/daily-question';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/**
 * The readable export: one self-contained HTML page with no scripts, no external anything and
 * only inline styles, that opens from a disk years from now. Every piece of text, ours or the
 * person's, goes through `escapeHtml` here and nowhere else.
 */

/** One thing in a part of the export: a heading, some labelled values and a free text. */
export type ExportItem = {
	title: string;
	fields?: readonly (readonly [label: string, value: string])[];
	text?: string | null;
};

export type ExportPart = { id: string; title: string; items: ExportItem[] };

/** Turns ids and times into words, in the person's language and time zone. */
export type Presenter = {
	date: (localDate: string) => string;
	moment: (iso: string) => string;
	mood: (mood: number) => string;
	feeling: (id: string) => string;
	need: (id: string) => string;
	visibility: (visibility: 'private' | 'shared') => string;
	depth: (depth: Depth) => string;
	kind: (kind: Kind) => string;
	topic: (topic: Topic) => string;
	/** "You", or the partner's name. */
	who: (mine: boolean) => string;
};

const MOODS = [m.mood_1, m.mood_2, m.mood_3, m.mood_4, m.mood_5];
const DEPTH = { light: m.depth_light, medium: m.depth_medium, deep: m.depth_deep };
const KIND = {
	emotional: m.kind_emotional,
	intellectual: m.kind_intellectual,
	experiential: m.kind_experiential,
	spiritual: m.kind_spiritual,
	physical: m.kind_physical
};
const TOPIC = {
	sex: m.topic_sex,
	'family-of-origin': m.topic_family,
	'past-relationships': m.topic_past,
	money: m.topic_money,
	health: m.topic_health,
	parenting: m.topic_parenting
};

export function createPresenter(timeZone: string, partnerName: string | null): Presenter {
	const locale = getLocale();
	const content = getContent(locale);
	const feelings = new Map(
		content.feelings.families.flatMap((family) => family.feelings.map((f) => [f.id, f.label]))
	);
	const needs = new Map(content.needs.map((need) => [need.id as string, need.label]));
	const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
	const moments = new Intl.DateTimeFormat(locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone
	});

	return {
		date: (localDate) => dates.format(new Date(`${localDate}T12:00:00Z`)),
		moment: (iso) => moments.format(new Date(iso)),
		mood: (mood) => MOODS[mood - 1]?.() ?? String(mood),
		feeling: (id) => feelings.get(id) ?? id,
		need: (id) => needs.get(id) ?? id,
		visibility: (visibility) => (visibility === 'shared' ? m.export_shared() : m.export_private()),
		depth: (depth) => DEPTH[depth](),
		kind: (kind) => KIND[kind](),
		topic: (topic) => TOPIC[topic](),
		who: (mine) => (mine ? m.export_you() : (partnerName ?? m.export_your_partner()))
	};
}

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

const STYLE = `
body{margin:0;background:#fbf8f4;color:#2b2622;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:42rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.25rem;margin:2rem 0 .75rem}
h3{font-size:1rem;margin:0 0 .25rem}
nav ul{padding-left:1.25rem}a{color:#7a3b2e}
.item{background:#fff;border:1px solid #e6ddd3;border-radius:.5rem;padding:.75rem 1rem;margin:.5rem 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:.25rem 0}
dt{color:#5f554d}dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:.25rem 0 0}
.muted{color:#5f554d}
@media print{body{background:#fff}.item{break-inside:avoid}}
`;

/** The whole page. `exportedAt` is a moment already put into words. */
export function renderExportPage(parts: ExportPart[], exportedAt: string): string {
	const e = escapeHtml;
	const nav = parts.map((part) => `<li><a href="#${e(part.id)}">${e(part.title)}</a></li>`);
	const sections = parts.map(
		(part) =>
			`<section id="${e(part.id)}" aria-labelledby="${e(part.id)}-h"><h2 id="${e(part.id)}-h">${e(part.title)}</h2>` +
			(part.items.length === 0
				? `<p class="muted">${e(m.export_nothing())}</p>`
				: part.items.map(renderItem).join('')) +
			'</section>'
	);

	return (
		`<!doctype html><html lang="${e(getLocale())}"><head><meta charset="utf-8">` +
		`<meta name="viewport" content="width=device-width, initial-scale=1">` +
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
		`<meta name="referrer" content="no-referrer">` +
		`<title>${e(m.export_page_title())}</title><style>${STYLE}</style></head><body><main>` +
		`<h1>${e(m.export_page_heading())}</h1>` +
		`<p>${e(m.export_page_intro({ when: exportedAt }))}</p>` +
		`<p class="muted">${e(m.export_page_private())}</p>` +
		`<nav aria-label="${e(m.export_page_contents())}"><ul>${nav.join('')}</ul></nav>` +
		`${sections.join('')}</main></body></html>\n`
	);
}

function renderItem(item: ExportItem): string {
	const e = escapeHtml;
	const fields = item.fields ?? [];
	const list =
		fields.length > 0
			? `<dl>${fields.map(([label, value]) => `<dt>${e(label)}</dt><dd>${e(value)}</dd>`).join('')}</dl>`
			: '';
	const text = item.text ? `<p class="text">${e(item.text)}</p>` : '';

	return `<article class="item"><h3>${e(item.title)}</h3>${text}${list}</article>`;
}
