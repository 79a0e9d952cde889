/**
 * Timers of guided conversations, as data: a limit, the time already used, and since when it has
 * been running. The deadline always comes from these stored values and the server's clock, never
 * from a timer in a browser, so two phones and a phone that comes back all show the same time.
 */
export type Timer = {
	limitMs: number;
	/** Time used before the current run (pauses and breaks between sets do not count). */
	elapsedMs: number;
	/** Epoch milliseconds when the current run started, or null while stopped. */
	since: number | null;
};

export const MINUTE_MS = 60_000;

export function newTimer(limitMs: number): Timer {
	return { limitMs, elapsedMs: 0, since: null };
}

export function startTimer(timer: Timer, at: number): Timer {
	return timer.since === null ? { ...timer, since: at } : timer;
}

export function stopTimer(timer: Timer, at: number): Timer {
	if (timer.since === null) {
		return timer;
	}

	return { ...timer, elapsedMs: timer.elapsedMs + Math.max(0, at - timer.since), since: null };
}

export function usedMs(timer: Timer, now: number): number {
	return timer.elapsedMs + (timer.since === null ? 0 : Math.max(0, now - timer.since));
}

export function remainingMs(timer: Timer, now: number): number {
	return Math.max(0, timer.limitMs - usedMs(timer, now));
}

/** When the time runs out, if the timer is running; null while it is stopped. */
export function deadline(timer: Timer): number | null {
	return timer.since === null ? null : timer.since + timer.limitMs - timer.elapsedMs;
}

export function isTimeUp(timer: Timer, now: number): boolean {
	return remainingMs(timer, now) === 0;
}
