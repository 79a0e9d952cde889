import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { ROOT } from '../../scripts/lib/paths.mjs';

export async function freePort() {
	const server = net.createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	await new Promise((resolve) => server.close(resolve));

	return port;
}

/** The built Tend server on loopback; resolves once /api/v1/health answers. */
export async function startTend({ dataDir, databaseUrl }) {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const env = {
		PATH: process.env.PATH ?? '',
		NODE_ENV: 'production',
		HOST: '127.0.0.1',
		PORT: String(port),
		ORIGIN: url,
		DATA_DIR: dataDir,
		MIGRATIONS_DIR: path.join(ROOT, 'drizzle'),
		LOG_LEVEL: 'warn',
		...(databaseUrl ? { DATABASE_URL: databaseUrl } : {})
	};
	const child = spawn(process.execPath, [path.join(ROOT, 'build', 'index.js')], {
		env,
		stdio: ['ignore', 'inherit', 'inherit']
	});
	await waitForHealth(url, child);

	return { url, pid: child.pid, stop: () => stopChild(child) };
}

/** The bare node:http baseline in its own process, so it does not share autocannon's thread. */
export async function startBare(bodyFile) {
	const child = spawn(process.execPath, [path.join(ROOT, 'bench', 'bare-server.mjs'), bodyFile], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const port = await new Promise((resolve, reject) => {
		child.stdout.once('data', (chunk) => resolve(/port=(\d+)/.exec(String(chunk))?.[1]));
		child.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)));
	});

	return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => stopChild(child) };
}

async function waitForHealth(url, child) {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline && child.exitCode === null) {
		try {
			const response = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
			if (response.ok) {
				return;
			}
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	child.kill('SIGKILL');
	throw new Error(`Tend at ${url} did not become ready.`);
}

function stopChild(child) {
	if (child.exitCode !== null || child.signalCode !== null) {
		return Promise.resolve();
	}

	return new Promise((resolve) => {
		const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		child.kill('SIGTERM');
	});
}
