/** A calendar date as people say it, `YYYY-MM-DD`, with no time and no zone. */
export type LocalDate = string;

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date it is right now for someone in `timeZone`. */
export function localDate(instant: Date, timeZone: string): LocalDate {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).formatToParts(instant);
	const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';

	return `${get('year')}-${get('month')}-${get('day')}`;
}

/** True for a real calendar date written `YYYY-MM-DD` (no 2026-02-30). */
export function isLocalDate(value: string): value is LocalDate {
	const match = ISO_DATE.exec(value);
	if (!match) {
		return false;
	}
	const [, year, month, day] = match.map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));

	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function addDays(date: LocalDate, days: number): LocalDate {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
