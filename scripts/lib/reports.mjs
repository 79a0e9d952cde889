import fs from 'node:fs';

/** Counts from vitest's JSON report; a file that failed to load counts as one failure. */
export function countVitest(file) {
	const report = readJson(file);
	if (!report) {
		return null;
	}
	const brokenFiles = report.testResults.filter(
		(result) =>
			result.status === 'failed' &&
			!result.assertionResults.some((assertion) => assertion.status === 'failed')
	).length;

	return {
		passed: report.numPassedTests,
		failed: report.numFailedTests + brokenFiles,
		skipped: report.numPendingTests + report.numTodoTests
	};
}

/** Counts from Playwright's JSON report; a test that passed on retry counts as passed. */
export function countPlaywright(file) {
	const report = readJson(file);
	if (!report?.stats) {
		return null;
	}
	const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;

	return {
		passed: expected + flaky,
		failed: unexpected + (report.errors?.length ?? 0),
		skipped
	};
}

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}
