// REL-01: every write acknowledged with a 2xx survives the server being killed with SIGKILL, and
// a second server never opens a data directory that one is using. Sign-ups, links, unlinks,
// check-ins, answers and account deletions are written; after each kill the data is checked at
// rest and through a restarted server. Repeat a run with CRASH_SEED; run more rounds with
// `npm run test:crash -- --rounds N` (CRASH_ROUNDS=N).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	assertBuilt,
	exitWithin,
	freePort,
	isHealthy,
	killAll,
	spawnServer,
	startServer,
	type TendServer
} from './crash/server';
import { crashRounds } from './crash/rounds';
import { seedFromEnv } from './crash/random';
import { createScratchDatabase } from './support/postgres';

const seed = seedFromEnv();
/** A few rounds in `npm test`, so CI stays quick; more on request. */
const requested = Number(process.env.CRASH_ROUNDS);
const rounds = (ciRounds: number) =>
	Number.isInteger(requested) && requested > 0 ? requested : ciRounds;
/** A round takes well under 20 s; the first start of PGlite takes longer. */
const budget = (count: number) => 60_000 + count * 30_000;
const testDatabaseUrl = process.env.TEST_DATABASE_URL;
const scratchDirs: string[] = [];
const running: TendServer[] = [];

function scratchDir() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-crash-'));
	scratchDirs.push(dir);

	return dir;
}

beforeAll(() => {
	assertBuilt();
	console.log(`crash test seed ${seed} (repeat with CRASH_SEED=${seed})`);
});

afterAll(async () => {
	await Promise.all(running.map((server) => server.stop()));
	killAll();
	for (const dir of scratchDirs) {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});

describe('on PGlite', () => {
	const dataDir = scratchDir();

	it(
		'keeps every acknowledged write across kill -9, round after round',
		async () => {
			const run = { label: 'pglite', options: { dataDir }, rounds: rounds(3), seed };
			const { server, figures } = await crashRounds(run);
			running.push(server);
			expect(figures.signUps).toBeGreaterThan(0);
		},
		budget(rounds(3))
	);

	it('refuses a second server on a data directory in use', async () => {
		// The server the crash rounds left running, or a new one if they failed early.
		let first = running[0];
		if (!first) {
			first = await startServer({ dataDir });
			running.push(first);
		}
		const second = spawnServer({ dataDir }, await freePort());
		const exit = await exitWithin(second, 30_000);

		expect(exit.code, second.output()).not.toBe(0);
		expect(second.output()).toMatch(/data directory .* is in use/);
		expect(await isHealthy(first.url)).toBe(true);
	}, 60_000);
});

describe.runIf(testDatabaseUrl)('on PostgreSQL', () => {
	let drop: (() => Promise<void>) | undefined;

	afterAll(async () => {
		await drop?.();
	});

	it(
		'keeps every acknowledged write across kill -9 of the app',
		async () => {
			const database = await createScratchDatabase(testDatabaseUrl ?? '', 'tend_crash');
			drop = database.drop;
			const options = { dataDir: scratchDir(), databaseUrl: database.url };
			const run = { label: 'postgres', options, rounds: rounds(2), seed: seed + 2 };
			const { server, figures } = await crashRounds(run);
			await server.stop();
			expect(figures.signUps).toBeGreaterThan(0);
		},
		budget(rounds(2))
	);
});
