/**
 * The re-lock rule for private areas (SAFE-09). A session is locked once it has been idle for
 * the person's chosen number of minutes, or once it was locked on purpose (quick exit, or the
 * browser noticing the person went away); it stays locked until they unlock it. Pure, so the
 * server, the browser timer and the tests share it.
 */

export const RELOCK_MINUTES = { min: 5, max: 15, default: 10 } as const;

export const PIN_LENGTH = { min: 4, max: 8 } as const;

const MINUTE_MS = 60 * 1000;

export type LockState = {
	/** When the session was locked, or null while it is open. */
	lockedAt: Date | null;
	/** The last request (or activity ping) of the session. */
	lastActiveAt: Date;
};

/** The person's idle limit, clamped to what the setting allows. */
export function relockMinutes(chosen: number | null | undefined): number {
	if (chosen === null || chosen === undefined || !Number.isFinite(chosen)) {
		return RELOCK_MINUTES.default;
	}

	return Math.min(RELOCK_MINUTES.max, Math.max(RELOCK_MINUTES.min, Math.round(chosen)));
}

/** Whether the private areas are locked at `now`. */
export function isLocked(state: LockState, minutes: number, now: Date): boolean {
	return state.lockedAt !== null || msUntilLock(state, minutes, now) === 0;
}

/** Milliseconds until the session locks by itself; 0 when it is locked already. */
export function msUntilLock(state: LockState, minutes: number, now: Date): number {
	if (state.lockedAt !== null) {
		return 0;
	}
	const deadline = state.lastActiveAt.getTime() + relockMinutes(minutes) * MINUTE_MS;

	return Math.max(0, deadline - now.getTime());
}

export type PinProblem = 'format' | 'guessable';

/**
 * A PIN is 4 to 8 digits. One digit repeated, or a run up or down the keypad (1234, 9876), is
 * the first thing anyone holding the phone would try, so those are refused.
 */
export function pinProblem(pin: string): PinProblem | null {
	if (!new RegExp(`^\\d{${PIN_LENGTH.min},${PIN_LENGTH.max}}$`).test(pin)) {
		return 'format';
	}
	const digits = [...pin].map(Number);
	const steps = new Set(digits.slice(1).map((digit, i) => (digit - digits[i] + 10) % 10));
	if (steps.size === 1 && [0, 1, 9].includes([...steps][0])) {
		return 'guessable';
	}

	return null;
}

/** A session's lock as the browser's timer and lock screen see it. */
export type LockView = {
	locked: boolean;
	idleMinutes: number;
	/** Seconds until the private areas lock by themselves; 0 once locked. */
	secondsLeft: number;
	/** How the person can unlock: "ready" with their PIN; "blocked" after too many wrong ones. */
	pin: 'ready' | 'blocked' | 'none';
};
