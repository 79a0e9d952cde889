import { spawn } from 'node:child_process';
import os from 'node:os';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs a command with inherited stdio and resolves with its exit code. Signals sent to this
 * process reach the child too: a process manager may signal only the parent.
 */
export function run(command, args, options = {}) {
	return new Promise((resolve) => {
		const child = spawn(command, args, { stdio: 'inherit', ...options });
		const forward = (signal) => child.kill(signal);
		for (const signal of FORWARDED) {
			process.on(signal, forward);
		}
		const watch = watchLauncher(() => child.kill('SIGTERM'));
		const done = (code) => {
			for (const signal of FORWARDED) {
				process.off(signal, forward);
			}
			clearInterval(watch);
			resolve(code);
		};
		child.once('error', (error) => {
			console.error(`Could not run ${command}: ${error.message}`);
			done(1);
		});
		child.once('exit', (code, signal) => done(code ?? 128 + (os.constants.signals[signal] ?? 1)));
		options.onSpawn?.(child);
	});
}

/**
 * Under `npm start`, npm runs this script through `sh -c`; a SIGTERM to npm ends the shell but
 * never reaches this process, which would keep the server running with nobody to stop it.
 * So when the process that launched this one is gone, the child is stopped too.
 */
function watchLauncher(stop) {
	if (!process.env.npm_lifecycle_event) {
		return undefined;
	}
	const launcher = process.ppid;
	const timer = setInterval(() => {
		if (process.ppid !== launcher) {
			clearInterval(timer);
			stop();
		}
	}, 500);
	timer.unref();

	return timer;
}
