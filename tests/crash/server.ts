import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const BUILD_ENTRY = path.resolve('build', 'index.js');

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type ServerProcess = {
	child: ChildProcess;
	exited: Promise<Exit>;
	/** The last part of what the server printed, for failure messages. */
	output: () => string;
};

export type TendServer = ServerProcess & {
	url: string;
	kill9: () => Promise<Exit>;
	stop: () => Promise<Exit>;
};

export type ServerOptions = { dataDir: string; databaseUrl?: string };

const alive = new Set<ChildProcess>();
let killOnExit = false;

/** Every server still running is killed when the tests end, even after a failed assertion. */
function track(child: ChildProcess) {
	if (!killOnExit) {
		killOnExit = true;
		process.once('exit', killAll);
	}
	alive.add(child);
	child.once('exit', () => alive.delete(child));
}

export function killAll() {
	for (const child of alive) {
		child.kill('SIGKILL');
	}
}

export function assertBuilt() {
	if (!fs.existsSync(BUILD_ENTRY)) {
		throw new Error(
			'build/ is missing: run `npx vite build` (npm test does) before the http tests.'
		);
	}
}

export async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	if (!address || typeof address === 'string') {
		throw new Error('Could not find a free port.');
	}

	return address.port;
}

/**
 * Runs `node build` as `npm start` would, with a clean environment so nothing from the test
 * runner (NODE_ENV=test, a developer's DATABASE_URL) leaks in. Clients are told apart by
 * X-Forwarded-For, so each simulated person has their own rate-limit buckets.
 */
export function spawnServer(options: ServerOptions, port: number): ServerProcess {
	const env: Record<string, string> = {
		PATH: process.env.PATH ?? '',
		NODE_ENV: 'production',
		HOST: '127.0.0.1',
		PORT: String(port),
		ORIGIN: `http://127.0.0.1:${port}`,
		DATA_DIR: options.dataDir,
		MIGRATIONS_DIR: path.resolve('drizzle'),
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1',
		LOG_LEVEL: 'warn',
		...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {})
	};
	const child = spawn(process.execPath, [BUILD_ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	track(child);
	let output = '';
	const keep = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-20_000);
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	const exited = new Promise<Exit>((resolve) => {
		child.once('exit', (code, signal) => resolve({ code, signal }));
	});

	return { child, exited, output: () => output };
}

/** Starts the built server and resolves once /api/v1/health answers. */
export async function startServer(options: ServerOptions, timeoutMs = 60_000): Promise<TendServer> {
	const port = await freePort();
	const proc = spawnServer(options, port);
	const url = `http://127.0.0.1:${port}`;
	let exit: Exit | undefined;
	void proc.exited.then((value) => (exit = value));
	const deadline = Date.now() + timeoutMs;
	while (!(await isHealthy(url))) {
		if (exit || Date.now() > deadline) {
			proc.child.kill('SIGKILL');
			const why = exit ? `exited with ${exit.code ?? exit.signal}` : 'did not become ready';
			throw new Error(`The server ${why}. Its output:\n${proc.output()}`);
		}
		await sleep(100);
	}

	return {
		...proc,
		url,
		kill9: () => {
			proc.child.kill('SIGKILL');

			return proc.exited;
		},
		stop: () => stop(proc)
	};
}

/** Its exit, or, if it is still running after `ms`, the exit after SIGKILL. */
export async function exitWithin(proc: ServerProcess, ms: number): Promise<Exit> {
	const timer = setTimeout(() => proc.child.kill('SIGKILL'), ms);
	const exit = await proc.exited;
	clearTimeout(timer);

	return exit;
}

async function stop(proc: ServerProcess): Promise<Exit> {
	proc.child.kill('SIGTERM');
	const timer = setTimeout(() => proc.child.kill('SIGKILL'), 10_000);
	const exit = await proc.exited;
	clearTimeout(timer);

	return exit;
}

export async function isHealthy(url: string): Promise<boolean> {
	try {
		const response = await fetch(`${url}/api/v1/health`, {
			// The server is told to trust this header (see spawnServer), and requires it.
			headers: { 'x-forwarded-for': '127.0.0.1' },
			signal: AbortSignal.timeout(2000)
		});

		return response.ok;
	} catch {
		return false;
	}
}

export function sleep(ms: number) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
