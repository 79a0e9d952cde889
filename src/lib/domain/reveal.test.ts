import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canSeePartnerAnswer } from './reveal';

describe('canSeePartnerAnswer', () => {
	it('is true exactly when linked in the same couple and the viewer answered without passing', () => {
		const couple = fc.constantFrom(null, 'c1', 'c2');
		fc.assert(
			fc.property(
				couple,
				couple,
				fc.option(fc.boolean(), { nil: null }),
				(viewer, answer, passed) => {
					const expected = viewer !== null && answer === viewer && passed === false;
					expect(
						canSeePartnerAnswer({
							viewerCoupleId: viewer,
							answerCoupleId: answer,
							viewerAnswer: passed === null ? null : { passed }
						})
					).toBe(expected);
				}
			)
		);
	});
});
