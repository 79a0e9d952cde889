// `npm run bench`: GET /api/v1/me (or --path /api/v1/today) under load, on PGlite and (with
// BENCH_DATABASE_URL or TEST_DATABASE_URL) PostgreSQL, against a bare node:http server serving
// the same body. Loopback only, bounded in time.
// Options: --path /api/v1/me --connections 20 --duration 8 --warmup 2
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureModernNode } from '../scripts/lib/node.mjs';
import { buildApp, buildState } from '../scripts/lib/build.mjs';
import { measure } from './lib/load.mjs';
import { createScratchDatabase } from './lib/postgres.mjs';
import { startBare, startTend } from './lib/servers.mjs';

await ensureModernNode(fileURLToPath(import.meta.url));
const load = readOptions();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-bench-'));
const cleanups = [];
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => void cleanUp().then(() => process.exit(130)));
}
try {
	await ensureBuilt();
	printTable(await runAll());
} finally {
	await cleanUp();
}

async function runAll() {
	const rows = [];
	const pglite = await started(startTend({ dataDir: path.join(work, 'pglite') }));
	const { cookie, body } = await signUp(pglite.url);
	const bodyFile = path.join(work, 'answer.json');
	fs.writeFileSync(bodyFile, body);
	console.log(`GET ${load.path} answers ${Buffer.byteLength(body)} bytes of JSON.`);

	const bare = await started(startBare(bodyFile));
	rows.push(await target('bare node:http, same body', bare.url, {}));
	await bare.stop();
	rows.push(await target('Tend on PGlite', `${pglite.url}${load.path}`, { cookie }));
	await pglite.stop();

	const baseUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
	if (baseUrl) {
		rows.push(await postgresTarget(baseUrl));
	} else {
		console.log('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to measure PostgreSQL too.');
	}

	return rows;
}

async function postgresTarget(baseUrl) {
	const database = await createScratchDatabase(baseUrl);
	cleanups.push(database.drop);
	const dataDir = path.join(work, 'postgres');
	const tend = await started(startTend({ dataDir, databaseUrl: database.url }));
	const { cookie } = await signUp(tend.url);
	const row = await target('Tend on PostgreSQL', `${tend.url}${load.path}`, { cookie });
	await tend.stop();

	return row;
}

async function target(name, url, headers) {
	console.log(
		`Measuring ${name}: -c ${load.connections} -d ${load.seconds} (warm-up ${load.warmupSeconds} s)…`
	);

	const result = await measure(url, { headers, ...load });
	// Requests still queued when the load stops would otherwise meet a server shutting down.
	await new Promise((resolve) => setTimeout(resolve, 1000));

	return { name, ...result };
}

async function signUp(base) {
	const register = await fetch(`${base}/api/v1/auth/register`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			email: 'bench@example.test',
			password: 'a calm lake at dawn 7',
			name: 'Bench'
		})
	});
	const cookie = register.headers.getSetCookie().find((line) => line.startsWith('tend_session='));
	if (register.status !== 201 || !cookie) {
		throw new Error(`Sign-up answered ${register.status}: ${await register.text()}`);
	}
	const session = cookie.split(';')[0];
	await seedDay(base, session);
	const answer = await fetch(`${base}${load.path}`, { headers: { cookie: session } });
	if (answer.status !== 200) {
		throw new Error(`GET ${load.path} answered ${answer.status}: ${await answer.text()}`);
	}

	return { cookie: session, body: await answer.text() };
}

/** A day with something in it, so GET /api/v1/today does its real work. */
async function seedDay(base, cookie) {
	const headers = { cookie, 'content-type': 'application/json' };
	const today = (await (await fetch(`${base}/api/v1/today`, { headers })).json()).date;
	const writes = [
		[
			'PUT',
			`/api/v1/checkins/${today}`,
			{ mood: 4, feelings: ['glad'], note: 'a note', visibility: 'private' }
		],
		['POST', `/api/v1/questions/${today}/answer`, { text: 'An answer of a few words.' }],
		['POST', '/api/v1/appreciations', { text: 'Thank you for the tea this morning.' }]
	];
	for (const [method, url, body] of writes) {
		const response = await fetch(`${base}${url}`, { method, headers, body: JSON.stringify(body) });
		if (response.status >= 300) {
			throw new Error(`${method} ${url} answered ${response.status}: ${await response.text()}`);
		}
	}
}

function printTable(rows) {
	const bare = rows[0].requestsPerSecond;
	const lines = [
		['target', 'req/s', 'p50 ms', 'p99 ms', 'vs bare', 'failed'],
		...rows.map((row) => [
			row.name,
			row.requestsPerSecond.toFixed(0),
			String(row.p50),
			String(row.p99),
			row === rows[0] ? '1' : `1/${(bare / row.requestsPerSecond).toFixed(1)}`,
			String(row.failures)
		])
	];
	const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)));
	console.log('');
	for (const line of lines) {
		console.log(
			line
				.map((cell, column) =>
					column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])
				)
				.join('  ')
		);
	}
	console.log(
		`\nNode ${process.version}, ${os.cpus().length} cores; autocannon shares them with the server.`
	);
	if (rows.some((row) => row.failures > 0)) {
		process.exitCode = 1;
	}
}

function readOptions() {
	const { values } = parseArgs({
		options: {
			path: { type: 'string', default: '/api/v1/me' },
			connections: { type: 'string', default: '20' },
			duration: { type: 'string', default: '8' },
			warmup: { type: 'string', default: '2' }
		}
	});

	return {
		path: values.path,
		connections: Number(values.connections),
		seconds: Number(values.duration),
		warmupSeconds: Number(values.warmup)
	};
}

async function ensureBuilt() {
	if (buildState() && (await buildApp()) !== 0) {
		throw new Error('The build failed.');
	}
}

async function started(pending) {
	const server = await pending;
	cleanups.push(server.stop);

	return server;
}

async function cleanUp() {
	while (cleanups.length > 0) {
		await cleanups
			.pop()()
			.catch((error) => console.error(String(error)));
	}
	fs.rmSync(work, { recursive: true, force: true });
}
