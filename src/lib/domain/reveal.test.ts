import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canSeePartnerAnswer, isOwnAnswerShared } from './reveal';

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

describe('isOwnAnswerShared', () => {
	const answer = (coupleId: string | null, passed = false) => ({ coupleId, passed });

	it('is true only once the partner answered in the same couple and neither passed', () => {
		expect(
			isOwnAnswerShared({ viewerCoupleId: 'c1', own: answer('c1'), partnerAnswer: answer('c1') })
		).toBe(true);
		expect(
			isOwnAnswerShared({ viewerCoupleId: 'c1', own: answer('c1'), partnerAnswer: null })
		).toBe(false);
		expect(
			isOwnAnswerShared({
				viewerCoupleId: 'c1',
				own: answer('c1'),
				partnerAnswer: answer('c1', true)
			})
		).toBe(false);
		expect(
			isOwnAnswerShared({
				viewerCoupleId: 'c1',
				own: answer('c1', true),
				partnerAnswer: answer('c1')
			})
		).toBe(false);
		expect(
			isOwnAnswerShared({ viewerCoupleId: null, own: answer(null), partnerAnswer: null })
		).toBe(false);
		expect(
			isOwnAnswerShared({ viewerCoupleId: 'c2', own: answer('c1'), partnerAnswer: answer('c2') })
		).toBe(false);
	});
});
