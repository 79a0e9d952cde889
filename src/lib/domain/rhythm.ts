import { addDays, daysBetween, type LocalDate } from './dates';
import { hash } from './daily-question';

/** Practice comes in seasons with an end, not in endless streaks. */
export const SEASON_DAYS = 21;

export type Rhythm = { season: number; day: number; length: number; practisedDays: number };

/**
 * Where the person is in their current season, counted from their first day, and on how many of
 * its days they practised. Only ever shown to the person: a missed day costs nothing.
 */
export function seasonRhythm(
	firstDay: LocalDate,
	today: LocalDate,
	practisedDates: LocalDate[]
): Rhythm {
	const first = firstDay > today ? today : firstDay;
	const elapsed = daysBetween(first, today);
	const season = Math.floor(elapsed / SEASON_DAYS);
	const start = addDays(first, season * SEASON_DAYS);
	const inSeason = new Set(practisedDates.filter((d) => d >= start && d <= today));

	return {
		season: season + 1,
		day: (elapsed % SEASON_DAYS) + 1,
		length: SEASON_DAYS,
		practisedDays: inSeason.size
	};
}

/** The prompt of the day from a rotating list: stable for a person and date, varied over days. */
export function rotate<T>(items: T[], key: string): T {
	return items[hash(key) % items.length];
}
