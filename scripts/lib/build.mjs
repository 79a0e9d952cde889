import fs from 'node:fs';
import path from 'node:path';
import { run } from './proc.mjs';
import { BIN, ROOT } from './paths.mjs';

/** What the build is made from. Generated code (src/lib/paraglide) is left out. */
const SOURCES = ['src', 'drizzle', 'messages', 'static', 'project.inlang', 'vite.config.ts'];
const GENERATED = new Set([path.join(ROOT, 'src', 'lib', 'paraglide')]);
/** Written last by adapter-node, so it only exists after a complete build. */
const BUILD_MARKER = path.join(ROOT, 'build', 'handler.js');

/** 'missing', 'outdated' (a source is newer than the build) or null when the build is current. */
export function buildState() {
	const built = mtimeOf(BUILD_MARKER);
	if (built === 0) {
		return 'missing';
	}

	return SOURCES.some((source) => newestMtime(path.join(ROOT, source)) > built) ? 'outdated' : null;
}

export async function buildApp() {
	if (!fs.existsSync(BIN.vite)) {
		console.error('The dependencies are not installed: run `npm install` first.');

		return 1;
	}

	return run(process.execPath, [BIN.vite, 'build'], { cwd: ROOT });
}

function mtimeOf(file) {
	try {
		return fs.statSync(file).mtimeMs;
	} catch {
		return 0;
	}
}

function newestMtime(entry) {
	if (GENERATED.has(entry)) {
		return 0;
	}
	let stat;
	try {
		stat = fs.statSync(entry);
	} catch {
		return 0;
	}
	if (!stat.isDirectory()) {
		return stat.mtimeMs;
	}
	// Directory times are left out: regenerating src/lib/paraglide touches src/lib.
	let newest = 0;
	for (const name of fs.readdirSync(entry)) {
		newest = Math.max(newest, newestMtime(path.join(entry, name)));
	}

	return newest;
}
