import { describe, expect, it } from 'vitest';
import { canSeeItem } from './visibility';

const me = 'me';
const partner = 'partner';

describe('canSeeItem', () => {
	it('lets authors see everything they wrote, linked or not', () => {
		expect(
			canSeeItem(
				{ userId: me, coupleId: null },
				{ authorId: me, coupleId: 'c1', visibility: 'private' }
			)
		).toBe(true);
		expect(
			canSeeItem(
				{ userId: me, coupleId: 'c2' },
				{ authorId: me, coupleId: 'c1', visibility: 'shared' }
			)
		).toBe(true);
	});

	it("shows a partner's shared item only within the current couple", () => {
		const shared = { authorId: partner, coupleId: 'c1', visibility: 'shared' as const };
		expect(canSeeItem({ userId: me, coupleId: 'c1' }, shared)).toBe(true);
		expect(canSeeItem({ userId: me, coupleId: null }, shared)).toBe(false);
		expect(canSeeItem({ userId: me, coupleId: 'c2' }, shared)).toBe(false);
	});

	it("never shows a partner's private item", () => {
		expect(
			canSeeItem(
				{ userId: me, coupleId: 'c1' },
				{ authorId: partner, coupleId: 'c1', visibility: 'private' }
			)
		).toBe(false);
	});

	it('never shows items of someone written outside any couple', () => {
		expect(
			canSeeItem(
				{ userId: me, coupleId: null },
				{ authorId: partner, coupleId: null, visibility: 'shared' }
			)
		).toBe(false);
	});
});
