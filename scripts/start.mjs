// `npm start`: runs Tend with no configuration needed. Settings come from the environment or from
// a .env file in the project folder (see .env.example); the environment wins.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureModernNode } from './lib/node.mjs';
import { buildApp, buildState } from './lib/build.mjs';
import { run } from './lib/proc.mjs';
import { ROOT } from './lib/paths.mjs';

await ensureModernNode(fileURLToPath(import.meta.url));
process.chdir(ROOT);
if (fs.existsSync('.env')) {
	process.loadEnvFile('.env');
}
process.exit(await start(withDefaults(process.env)));

async function start(env) {
	const state = buildState();
	if (state) {
		console.log(
			state === 'missing' ? 'Building Tend (first start)…' : 'The sources changed: rebuilding Tend…'
		);
		const code = await buildApp();
		if (code !== 0) {
			console.error('The build failed; see above.');

			return code;
		}
	}
	if (isFirstStart(env)) {
		console.log('First start: setting up the embedded database takes a few seconds.');
	}
	console.log(`Starting Tend on ${env.ORIGIN} …`);

	return run(process.execPath, ['build'], {
		env,
		onSpawn: (child) => void announceWhenReady(env, child)
	});
}

function withDefaults(source) {
	const env = { ...source };
	env.PORT ||= '3000';
	env.HOST ||= '127.0.0.1';
	// adapter-node refuses form posts whose Origin it cannot match, so it must know its address.
	env.ORIGIN ||= `http://localhost:${env.PORT}`;
	env.NODE_ENV ||= 'production';

	return env;
}

function isFirstStart(env) {
	return !env.DATABASE_URL && !fs.existsSync(path.join(path.resolve(env.DATA_DIR || 'data'), 'pg'));
}

/** Says where to go once the database is open, so a slow first start does not look stuck. */
async function announceWhenReady(env, child) {
	if (env.SOCKET_PATH) {
		return;
	}
	const health = `http://${loopbackFor(env.HOST)}:${env.PORT}/api/v1/health`;
	const deadline = Date.now() + 5 * 60_000;
	while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
		if (await answers(health)) {
			console.log(`Tend is ready: open ${env.ORIGIN} (Ctrl+C stops it).`);

			return;
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

function loopbackFor(host) {
	if (host === '0.0.0.0') {
		return '127.0.0.1';
	}
	if (host === '::') {
		return '[::1]';
	}

	return host.includes(':') ? `[${host}]` : host;
}

async function answers(url) {
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(2000) });

		return response.ok;
	} catch {
		return false;
	}
}
