// `npm run bench:pages`: the weight of real pages on a hard load in Debian's Chromium, signed in,
// against the landing page as the baseline measured in the same run. Every response the page
// loads is counted (document, scripts, styles, images), raw and gzip -9.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { ensureModernNode } from '../scripts/lib/node.mjs';
import { buildApp, buildState } from '../scripts/lib/build.mjs';
import { chromium } from '@playwright/test';
import { startTend } from './lib/servers.mjs';

await ensureModernNode(fileURLToPath(import.meta.url));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-pages-'));
let server;
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
});
try {
	if (buildState() && (await buildApp()) !== 0) {
		throw new Error('The build failed.');
	}
	server = await startTend({ dataDir: path.join(work, 'pglite') });
	const cookie = await signUp(server.url);
	const rows = [];
	for (const [name, page, headers] of [
		['landing / (baseline)', '/', {}],
		['/today, signed in', '/today', { cookie }],
		['/home, signed in', '/home', { cookie }],
		['/conversations, signed in', '/conversations', { cookie }]
	]) {
		rows.push({ name, ...(await weigh(server.url, page, headers)) });
	}
	printTable(rows);
} finally {
	await browser.close();
	await server?.stop();
	fs.rmSync(work, { recursive: true, force: true });
}

async function weigh(base, page, headers) {
	const context = await browser.newContext({ extraHTTPHeaders: headers });
	const tab = await context.newPage();
	const bodies = [];
	tab.on('response', (response) => {
		// A live event stream never ends and is not part of what the page weighs.
		if ((response.headers()['content-type'] ?? '').startsWith('text/event-stream')) {
			return;
		}
		bodies.push(response.body().then((body) => [response, body]));
	});
	await tab.goto(`${base}${page}`, { waitUntil: 'networkidle' });
	const sizes = { jsRaw: 0, jsGzip: 0, totalRaw: 0, totalGzip: 0 };
	for (const [response, body] of await Promise.all(bodies)) {
		const isScript = response.request().resourceType() === 'script';
		sizes.totalRaw += body.length;
		sizes.totalGzip += gzip(body);
		if (isScript) {
			sizes.jsRaw += body.length;
			sizes.jsGzip += gzip(body);
		}
	}
	await context.close();

	return sizes;
}

async function signUp(base) {
	const response = await fetch(`${base}/api/v1/auth/register`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			email: 'pages@example.test',
			password: 'a calm lake at dawn 7',
			name: 'Page'
		})
	});
	const cookie = response.headers.getSetCookie().find((line) => line.startsWith('tend_session='));
	if (response.status !== 201 || !cookie) {
		throw new Error(`Sign-up answered ${response.status}`);
	}
	const session = cookie.split(';')[0];
	await fetch(`${base}/api/v1/me`, {
		method: 'PATCH',
		headers: { cookie: session, 'content-type': 'application/json' },
		body: JSON.stringify({ timeZone: 'UTC' })
	});

	return session;
}

function gzip(content) {
	return zlib.gzipSync(content, { level: 9 }).length;
}

function kb(bytes) {
	return (bytes / 1024).toFixed(1);
}

function printTable(rows) {
	const base = rows[0];
	console.log(
		'page                     JS raw KB  JS gzip KB  total raw KB  total gzip KB  gzip vs baseline'
	);
	for (const row of rows) {
		console.log(
			[
				row.name.padEnd(24),
				kb(row.jsRaw).padStart(9),
				kb(row.jsGzip).padStart(11),
				kb(row.totalRaw).padStart(13),
				kb(row.totalGzip).padStart(14),
				(row.totalGzip / base.totalGzip).toFixed(2).padStart(17)
			].join(' ')
		);
	}
}
