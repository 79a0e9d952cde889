import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canSeeItem, canTakePart } from './visibility';

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

describe('canSeeItem while locked', () => {
	const locked = { userId: me, coupleId: 'c1', locked: true };

	it('shows the viewer only their own items that the partner can see too', () => {
		expect(canSeeItem(locked, { authorId: me, coupleId: 'c1', visibility: 'shared' })).toBe(true);
		expect(canSeeItem(locked, { authorId: me, coupleId: 'c1', visibility: 'private' })).toBe(false);
		expect(canSeeItem(locked, { authorId: me, coupleId: null, visibility: 'private' })).toBe(false);
		expect(canSeeItem(locked, { authorId: me, coupleId: 'c0', visibility: 'shared' })).toBe(false);
		expect(
			canSeeItem(
				{ ...locked, coupleId: null },
				{ authorId: me, coupleId: null, visibility: 'shared' }
			)
		).toBe(false);
	});

	it("still shows the partner's shared items, and never their private ones", () => {
		expect(canSeeItem(locked, { authorId: partner, coupleId: 'c1', visibility: 'shared' })).toBe(
			true
		);
		expect(canSeeItem(locked, { authorId: partner, coupleId: 'c1', visibility: 'private' })).toBe(
			false
		);
	});

	it('shows a locked viewer exactly what their partner sees of them', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(null, 'c1', 'c2'),
				fc.constantFrom(null, 'c1', 'c2'),
				fc.constantFrom('private' as const, 'shared' as const),
				(viewerCouple, itemCouple, visibility) => {
					const item = { authorId: me, coupleId: itemCouple, visibility };
					const partnerView = { userId: partner, coupleId: viewerCouple };
					expect(canSeeItem({ userId: me, coupleId: viewerCouple, locked: true }, item)).toBe(
						viewerCouple !== null && canSeeItem(partnerView, item)
					);
				}
			)
		);
	});
});

describe('canTakePart', () => {
	it("admits exactly the members of the conversation's couple now, or the one person alone", () => {
		const id = fc.constantFrom('a', 'b', 'c');
		const maybe = fc.option(id, { nil: null });
		fc.assert(
			fc.property(id, maybe, maybe, maybe, (userId, coupleId, spaceCouple, spaceUser) => {
				const allowed = canTakePart(
					{ userId, coupleId },
					{ coupleId: spaceCouple, userId: spaceUser }
				);
				const expected = spaceCouple !== null ? spaceCouple === coupleId : spaceUser === userId;
				expect(allowed).toBe(expected);
			})
		);
	});

	it('keeps an ex, and the same two after a re-link, out of an earlier couple conversation', () => {
		const space = { coupleId: 'c1', userId: null };
		expect(canTakePart({ userId: me, coupleId: null }, space)).toBe(false);
		expect(canTakePart({ userId: me, coupleId: 'c2' }, space)).toBe(false);
		expect(canTakePart({ userId: me, coupleId: 'c1' }, space)).toBe(true);
		expect(canTakePart({ userId: partner, coupleId: null }, { coupleId: null, userId: me })).toBe(
			false
		);
	});
});
