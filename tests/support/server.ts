/**
 * The HTTP tests (vitest project `http`) run the built app as a separate process, as it runs in
 * production. Build first (`npx vite build`); set TEST_DATABASE_URL (e.g.
 * postgres://postgres@127.0.0.1:5432/test) to run every file against PostgreSQL too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createScratchDatabase } from './postgres';

export type Driver = 'pglite' | 'postgres';

export type TestServer = {
	/** e.g. http://127.0.0.1:41234 */
	url: string;
	/** The ORIGIN the server was started with (its public address). */
	origin: string;
	driver: Driver;
	/** The PostgreSQL database it runs on (postgres driver), for a second instance to share. */
	databaseUrl?: string;
	/** Everything the server printed so far, stdout and stderr together. */
	logs: () => string;
	stop: () => Promise<void>;
};

export type ServerOptions = {
	driver?: Driver;
	/** Defaults to http://127.0.0.1:<port>. */
	origin?: string;
	/** Extra environment for the server process. */
	env?: Record<string, string>;
	/**
	 * An existing PostgreSQL database to run on, e.g. another instance's: several app instances on
	 * one database. It is left in place on stop (its first server drops it).
	 */
	databaseUrl?: string;
};

const ROOT = path.resolve(import.meta.dirname, '../..');
const ENTRY = path.join(ROOT, 'build', 'index.js');
const READY_TIMEOUT_MS = 60_000;

/** Every driver this run can test: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function availableDrivers(): Driver[] {
	return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * Starts the built app (`node build`) on a free port with its own database: a temporary DATA_DIR
 * for PGlite, or a new PostgreSQL database that is dropped again on stop.
 */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
	if (!fs.existsSync(ENTRY)) {
		throw new Error(
			'build/ is missing: the HTTP tests run the built server. Run `npx svelte-kit sync`, ' +
				'`npx paraglide-js compile --project ./project.inlang --outdir ./src/lib/paraglide` and ' +
				'`npx vite build` first.'
		);
	}
	warnIfBuildIsStale();
	const driver = options.driver ?? 'pglite';
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const origin = options.origin ?? url;
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-http-'));
	const shared = options.databaseUrl
		? { url: options.databaseUrl, drop: async () => {} }
		: undefined;
	const database = driver === 'postgres' ? (shared ?? (await createDatabase())) : undefined;

	const output: string[] = [];
	const child = spawn(process.execPath, [ENTRY], {
		cwd: ROOT,
		env: {
			PATH: process.env.PATH ?? '',
			NODE_ENV: 'production',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATA_DIR: dataDir,
			MIGRATIONS_DIR: path.join(ROOT, 'drizzle'),
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			LOG_LEVEL: 'info',
			...(database ? { DATABASE_URL: database.url } : {}),
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
	child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
	const logs = () => output.join('');

	let stopped = false;
	const stop = async () => {
		if (stopped) {
			return;
		}
		stopped = true;
		await terminate(child);
		fs.rmSync(dataDir, { recursive: true, force: true });
		await database?.drop();
	};

	try {
		await waitUntilReady(url, child, logs);
	} catch (error) {
		await stop();
		throw error;
	}

	return { url, origin, driver, databaseUrl: database?.url, logs, stop };
}

let staleChecked = false;

/** The tests run the build, not the source: say so when the source changed after the build. */
function warnIfBuildIsStale() {
	if (staleChecked) {
		return;
	}
	staleChecked = true;
	const built = fs.statSync(ENTRY).mtimeMs;
	const newer = newestFile(path.join(ROOT, 'src'), built);
	if (newer) {
		console.warn(`build/ is older than ${path.relative(ROOT, newer)}: run \`npx vite build\`.`);
	}
}

function newestFile(dir: string, than: number): string | undefined {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory() && entry.name !== 'paraglide') {
			const found = newestFile(full, than);
			if (found) {
				return found;
			}
		} else if (entry.isFile() && fs.statSync(full).mtimeMs > than) {
			return full;
		}
	}

	return undefined;
}

async function waitUntilReady(url: string, child: ChildProcess, logs: () => string) {
	const deadline = Date.now() + READY_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) {
			throw new Error(`The server exited with ${child.exitCode} before it was ready:\n${logs()}`);
		}
		try {
			const response = await fetch(`${url}/api/v1/health`, {
				headers: { 'x-forwarded-for': '127.0.0.1' },
				signal: AbortSignal.timeout(2_000)
			});
			if (response.ok) {
				return;
			}
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(
		`The server did not answer /api/v1/health within ${READY_TIMEOUT_MS} ms:\n${logs()}`
	);
}

async function terminate(child: ChildProcess) {
	if (child.exitCode !== null || child.signalCode !== null) {
		return;
	}
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
	await exited;
	clearTimeout(timer);
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.unref();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}

async function createDatabase() {
	const baseUrl = process.env.TEST_DATABASE_URL;
	if (!baseUrl) {
		throw new Error('The postgres driver needs TEST_DATABASE_URL.');
	}

	return createScratchDatabase(baseUrl, 'tend_http');
}
