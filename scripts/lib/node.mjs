import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { run } from './proc.mjs';
import { ROOT, TOOLS_NODE } from './paths.mjs';

const MINIMUM = [22, 12];

export function isModern(version) {
	const [major, minor] = version.replace(/^v/, '').split('.').map(Number);

	return major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1]);
}

/**
 * Makes sure the script runs on Node 22.12 or newer. On an older Node (machines often ship 20),
 * Node 24 is installed once from the npm registry into .tools and the script starts again on it.
 * Returns only when already on a modern Node; otherwise exits with the re-run's code.
 */
export async function ensureModernNode(script) {
	if (isModern(process.versions.node)) {
		return;
	}
	if (process.env.TEND_NODE_REEXEC) {
		console.error(`Still on Node ${process.version} after installing Node 24 into .tools.`);
		process.exit(1);
	}
	if (!toolsNodeIsModern()) {
		console.log(
			`Tend needs Node 22.12 or newer (this is ${process.version}): installing Node 24 into .tools once…`
		);
		installToolsNode();
	}
	const env = {
		...process.env,
		TEND_NODE_REEXEC: '1',
		PATH: `${path.dirname(TOOLS_NODE)}${path.delimiter}${process.env.PATH ?? ''}`
	};
	process.exit(await run(TOOLS_NODE, [script, ...process.argv.slice(2)], { env }));
}

function toolsNodeIsModern() {
	if (!fs.existsSync(TOOLS_NODE)) {
		return false;
	}
	try {
		return isModern(execFileSync(TOOLS_NODE, ['--version'], { encoding: 'utf8' }).trim());
	} catch {
		return false;
	}
}

function installToolsNode() {
	const args = [
		'install',
		'--prefix',
		'.tools',
		'node@24',
		'--no-audit',
		'--no-fund',
		'--loglevel=error'
	];
	// Under `npm start` the running npm is known; otherwise the one on PATH.
	const npmCli = process.env.npm_execpath;
	const [command, commandArgs] = npmCli?.endsWith('.js')
		? [process.execPath, [npmCli, ...args]]
		: ['npm', args];
	try {
		execFileSync(command, commandArgs, { cwd: ROOT, stdio: 'inherit' });
	} catch {
		console.error('Installing Node 24 failed. Install Node 22.12 or newer yourself and try again.');
		process.exit(1);
	}
}
