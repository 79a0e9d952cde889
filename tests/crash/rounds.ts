import { expect } from 'vitest';
import { sleep, startServer, type ServerOptions, type TendServer } from './server';
import { figures, newLedger, summarize, type Figures, type Ledger } from './ledger';
import { startWriters } from './writers';
import { verifyLedger } from './verify';
import { inspectAtRest } from './at-rest';
import { seededRandom } from './random';

export type CrashRun = {
	label: string;
	options: ServerOptions;
	rounds: number;
	seed: number;
};

type Run = CrashRun & { random: () => number };

export type CrashResult = { server: TendServer; figures: Figures; ms: number };

/**
 * Each round: writers run against the server, which is killed with SIGKILL at a random moment;
 * the data is checked at rest (deletions all or nothing), then a new server starts on it and
 * must show every acknowledged write. Rounds go on from the data the last one left, so recovery
 * is repeated, not just done once.
 */
export async function crashRounds(crashRun: CrashRun): Promise<CrashResult> {
	const started = Date.now();
	// Kill moments get their own generator, so a seed repeats them whatever the writers drew.
	const killMoment = seededRandom(crashRun.seed);
	const run: Run = { ...crashRun, random: seededRandom(crashRun.seed + 1) };
	const ledger = newLedger();
	let server = await startServer(run.options);
	try {
		for (let round = 1; round <= run.rounds; round += 1) {
			const killAfterMs = Math.round(1500 + killMoment() * 2500);
			await writeUntilKilled(server, ledger, run, { round, killAfterMs });
			server = await restartAndVerify(
				run,
				ledger,
				`round ${round}, killed after ${killAfterMs} ms`
			);
		}
	} catch (error) {
		// The data directory stays locked while a server runs on it.
		await server.kill9();
		throw error;
	}
	const totals = figures(ledger);
	console.log(
		`[${run.label}] ${run.rounds} rounds in ${Math.round((Date.now() - started) / 1000)} s: ` +
			`${summarize(ledger)}; ${totals.unanswered} writes unanswered; no violation`
	);

	return { server, figures: totals, ms: Date.now() - started };
}

async function restartAndVerify(run: Run, ledger: Ledger, label: string) {
	const started = Date.now();
	const atRest = await inspectAtRest(run.options, ledger);
	const server = await startServer(run.options);
	const violations = [...atRest, ...(await verifyLedger(server.url, ledger))];
	console.log(
		`[${run.label}] ${label}; ${summarize(ledger)}; ${ledger.unanswered} writes unanswered; ` +
			`back up and verified in ${Date.now() - started} ms`
	);
	try {
		expect(ledger.unexpected, 'answers other than the expected 2xx').toEqual([]);
		expect(violations, 'violations after the restart').toEqual([]);
	} catch (error) {
		await server.kill9();
		throw error;
	}

	return server;
}

async function writeUntilKilled(
	server: TendServer,
	ledger: Ledger,
	run: Run,
	{ round, killAfterMs }: { round: number; killAfterMs: number }
) {
	const writers = startWriters({
		base: server.url,
		ledger,
		random: run.random,
		tag: `${run.label}-${round}`,
		signUpWriters: 2,
		pairWriters: 4
	});
	await sleep(killAfterMs);
	writers.stop();
	const exit = await server.kill9();
	expect(exit.signal).toBe('SIGKILL');
	await writers.finished;
}
