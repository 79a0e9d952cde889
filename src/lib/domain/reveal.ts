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
