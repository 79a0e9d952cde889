import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLocked, msUntilLock, pinProblem, relockMinutes, RELOCK_MINUTES } from './relock';

const MINUTE = 60_000;
const start = new Date('2025-03-01T10:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);

describe('relockMinutes', () => {
	it('defaults to 10 and keeps a choice within 5 to 15', () => {
		expect(relockMinutes(null)).toBe(10);
		expect(relockMinutes(undefined)).toBe(10);
		expect(relockMinutes(Number.NaN)).toBe(10);
		expect(relockMinutes(7)).toBe(7);
		expect(relockMinutes(1)).toBe(RELOCK_MINUTES.min);
		expect(relockMinutes(60)).toBe(RELOCK_MINUTES.max);
	});
});

describe('isLocked and msUntilLock', () => {
	const open = { lockedAt: null, lastActiveAt: start };

	it('stays open until the idle limit, and locks from the moment it is reached', () => {
		expect(isLocked(open, 10, at(0))).toBe(false);
		expect(isLocked(open, 10, at(9.99))).toBe(false);
		expect(isLocked(open, 10, at(10))).toBe(true);
		expect(isLocked(open, 10, at(16))).toBe(true);
		expect(isLocked(open, 5, at(5))).toBe(true);
		expect(isLocked(open, 15, at(14))).toBe(false);
	});

	it('counts down to the lock', () => {
		expect(msUntilLock(open, 10, at(0))).toBe(10 * MINUTE);
		expect(msUntilLock(open, 10, at(4))).toBe(6 * MINUTE);
		expect(msUntilLock(open, 10, at(12))).toBe(0);
	});

	it('stays locked once locked, however recent the activity', () => {
		const locked = { lockedAt: at(1), lastActiveAt: at(2) };
		expect(isLocked(locked, 10, at(2))).toBe(true);
		expect(msUntilLock(locked, 10, at(2))).toBe(0);
	});

	it('never locks before the chosen minutes, never stays open after them', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 5, max: 15 }),
				fc.integer({ min: 0, max: 40 * MINUTE }),
				(minutes, idle) => {
					const locked = isLocked(open, minutes, new Date(start.getTime() + idle));
					expect(locked).toBe(idle >= minutes * MINUTE);
				}
			)
		);
	});
});

describe('pinProblem', () => {
	it.each(['4827', '13579', '90210', '20481937'])('accepts %s', (pin) => {
		expect(pinProblem(pin)).toBeNull();
	});

	it.each(['', '123', '123456789', '12a4', ' 4827', '４８２７', '48.7'])(
		'refuses the shape of %j',
		(pin) => {
			expect(pinProblem(pin)).toBe('format');
		}
	);

	it.each(['0000', '1111', '1234', '4321', '98765', '7890', '12345678'])(
		'refuses %s as too easy to guess',
		(pin) => {
			expect(pinProblem(pin)).toBe('guessable');
		}
	);
});
