// `npm test`: build, then every vitest project, then the browser tests, with one closing count.
// Extra arguments go to vitest (`npm test -- --project pglite`); the browser tests then do not run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureModernNode } from './lib/node.mjs';
import { buildApp } from './lib/build.mjs';
import { run } from './lib/proc.mjs';
import { BIN, ROOT } from './lib/paths.mjs';
import { countPlaywright, countVitest } from './lib/reports.mjs';

const CHROMIUM = '/usr/bin/chromium';

await ensureModernNode(fileURLToPath(import.meta.url));
process.chdir(ROOT);
process.exit(await main(process.argv.slice(2)));

async function main(args) {
	const totals = { passed: 0, failed: 0, skipped: 0 };
	const problems = [];
	const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-test-reports-'));
	const browser = planBrowserTests(args);
	if (browser.problem) {
		problems.push(browser.problem);
	}

	if (needsBuild(args)) {
		console.log('\n▶ Building (vite build)');
		if ((await buildApp()) !== 0) {
			problems.push('The build failed, so no test ran.');

			return finish(totals, problems);
		}
	}

	console.log('\n▶ Unit, service and HTTP tests (vitest)');
	await runStage('vitest', () => runVitest(args, reports), totals, problems);

	if (browser.run) {
		console.log('\n▶ Browser tests (playwright)');
		await runStage('playwright', () => runPlaywright(reports), totals, problems);
	}
	fs.rmSync(reports, { recursive: true, force: true });

	return finish(totals, problems);
}

/** Whether Playwright runs, and a problem when it must but cannot (CI without Chromium). */
function planBrowserTests(args) {
	if (!fs.existsSync('playwright.config.ts')) {
		return { run: false };
	}
	if (args.length > 0) {
		console.log('Extra arguments go to vitest; the browser tests do not run (npm run test:e2e).');

		return { run: false };
	}
	if (fs.existsSync(CHROMIUM)) {
		return { run: true };
	}
	const install = 'apt-get install -y chromium';
	if (process.env.CI) {
		const problem = `${CHROMIUM} is missing, so the browser tests cannot run. Install it: ${install}`;
		console.error(`\n✖ ${problem}\n`);

		return { run: false, problem };
	}
	console.warn(
		`\n⚠ ${CHROMIUM} is missing: the browser tests are SKIPPED. To run them: ${install}\n`
	);

	return { run: false };
}

/** The HTTP tests run the built server; a run limited to other projects needs no build. */
function needsBuild(args) {
	const projects = [];
	args.forEach((arg, index) => {
		if (arg === '--project') {
			projects.push(args[index + 1]);
		} else if (arg.startsWith('--project=')) {
			projects.push(arg.slice('--project='.length));
		}
	});

	return projects.length === 0 || projects.includes('http');
}

async function runStage(name, start, totals, problems) {
	const { code, counts } = await start();
	if (!counts) {
		problems.push(`${name} exited with code ${code} and wrote no report.`);

		return;
	}
	totals.passed += counts.passed;
	totals.failed += counts.failed;
	totals.skipped += counts.skipped;
	if (code !== 0 && counts.failed === 0) {
		problems.push(`${name} exited with code ${code}.`);
	}
}

async function runVitest(args, reports) {
	const output = path.join(reports, 'vitest.json');
	const code = await run(process.execPath, [
		BIN.vitest,
		'run',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${output}`,
		...args
	]);

	return { code, counts: countVitest(output) };
}

async function runPlaywright(reports) {
	const output = path.join(reports, 'playwright.json');
	const code = await run(process.execPath, [BIN.playwright, 'test', '--reporter=list,json'], {
		env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: output }
	});

	return { code, counts: countPlaywright(output) };
}

function finish({ passed, failed, skipped }, problems) {
	console.log('');
	for (const problem of problems) {
		console.error(`✖ ${problem}`);
	}
	if (passed + failed === 0) {
		console.error('✖ No test ran.');
	}
	console.log(
		`Tests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`
	);

	return failed > 0 || problems.length > 0 || passed + failed === 0 ? 1 : 0;
}
