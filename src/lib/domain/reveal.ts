/**
 * When a partner's answer to the day's question may be shown: only to someone linked with them,
 * in the same couple the answer was given in, who has answered the same day's question
 * themselves. Passing ("not today") is always fine, and never unlocks the partner's answer.
 */
export function canSeePartnerAnswer(input: {
	viewerCoupleId: string | null;
	answerCoupleId: string | null;
	viewerAnswer: { passed: boolean } | null;
}): boolean {
	const { viewerCoupleId, answerCoupleId, viewerAnswer } = input;

	return (
		viewerCoupleId !== null &&
		answerCoupleId === viewerCoupleId &&
		viewerAnswer !== null &&
		!viewerAnswer.passed
	);
}

/**
 * Whether the partner can read the viewer's own answer right now: it is an answer (not a pass),
 * given in the current couple, and the partner has answered that day too. While the viewer's
 * private areas are locked, only such an answer is shown to whoever holds the device.
 */
export function isOwnAnswerShared(input: {
	viewerCoupleId: string | null;
	own: { coupleId: string | null; passed: boolean };
	partnerAnswer: { coupleId: string | null; passed: boolean } | null;
}): boolean {
	const { viewerCoupleId, own, partnerAnswer } = input;

	return (
		!own.passed &&
		canSeePartnerAnswer({
			viewerCoupleId,
			answerCoupleId: own.coupleId,
			viewerAnswer:
				partnerAnswer && partnerAnswer.coupleId === viewerCoupleId ? partnerAnswer : null
		})
	);
}
