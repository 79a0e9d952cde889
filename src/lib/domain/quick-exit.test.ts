import { describe, expect, it } from 'vitest';
import { countExitPresses, isExitShortcut } from './quick-exit';

/** Replays keys at the given times (ms) and says whether the shortcut fired. */
function replay(keys: [string, number][]): boolean {
	let presses: number[] = [];
	for (const [key, time] of keys) {
		presses = countExitPresses(presses, key, time);
		if (isExitShortcut(presses)) {
			return true;
		}
	}

	return false;
}

describe('the Shift×3 shortcut', () => {
	it('fires on three Shift presses within five seconds', () => {
		expect(
			replay([
				['Shift', 0],
				['Shift', 400],
				['Shift', 900]
			])
		).toBe(true);
		expect(
			replay([
				['Shift', 0],
				['Shift', 2000],
				['Shift', 4999]
			])
		).toBe(true);
	});

	it('does not fire when the presses are spread over five seconds or more', () => {
		expect(
			replay([
				['Shift', 0],
				['Shift', 2500],
				['Shift', 5000]
			])
		).toBe(false);
		expect(
			replay([
				['Shift', 0],
				['Shift', 6000],
				['Shift', 7000]
			])
		).toBe(false);
	});

	it('still fires on three close presses after an old one', () => {
		expect(
			replay([
				['Shift', 0],
				['Shift', 6000],
				['Shift', 6100],
				['Shift', 6200]
			])
		).toBe(true);
	});

	it('does not fire while typing capital letters', () => {
		expect(
			replay([
				['Shift', 0],
				['I', 50],
				['Shift', 300],
				['A', 350],
				['Shift', 600],
				['H', 650]
			])
		).toBe(false);
	});

	it('does not fire on two presses', () => {
		expect(
			replay([
				['Shift', 0],
				['Shift', 100]
			])
		).toBe(false);
	});
});
