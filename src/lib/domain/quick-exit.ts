/**
 * The quick-exit shortcut: Shift pressed three times within five seconds. Any other key in
 * between starts the count again, so typing capital letters never sets it off.
 */

export const EXIT_PRESSES = 3;
export const EXIT_WINDOW_MS = 5_000;

/** The Shift presses that still count after a key went down at `now` (milliseconds). */
export function countExitPresses(earlier: number[], key: string, now: number): number[] {
	if (key !== 'Shift') {
		return [];
	}

	return [...earlier, now].filter((time) => now - time < EXIT_WINDOW_MS).slice(-EXIT_PRESSES);
}

export function isExitShortcut(presses: number[]): boolean {
	return presses.length >= EXIT_PRESSES;
}
