// `npm run test:crash -- --rounds N [--seed S]`: the crash test (REL-01) alone, with as many
// kill -9 rounds as asked (on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set). Builds
// first when the build is missing or older than the sources. Prints the figures of each run.
import { fileURLToPath } from 'node:url';
import { ensureModernNode } from './lib/node.mjs';
import { buildApp, buildState } from './lib/build.mjs';
import { run } from './lib/proc.mjs';
import { BIN, ROOT } from './lib/paths.mjs';

await ensureModernNode(fileURLToPath(import.meta.url));
process.chdir(ROOT);
process.exit(await main(process.argv.slice(2)));

async function main(args) {
	const env = { ...process.env };
	for (let i = 0; i < args.length; i += 1) {
		const [flag, inline] = args[i].split('=');
		const value = inline ?? args[i + 1];
		const name = { '--rounds': 'CRASH_ROUNDS', '--seed': 'CRASH_SEED' }[flag];
		if (!name || !/^[1-9]\d*$/.test(value ?? '')) {
			console.error(`Unknown or incomplete option ${args[i]}. Use --rounds N and --seed S.`);

			return 2;
		}
		env[name] = value;
		i += inline === undefined ? 1 : 0;
	}
	if (buildState() !== null) {
		console.log('▶ Building (vite build)');
		if ((await buildApp()) !== 0) {
			return 1;
		}
	}

	return run(process.execPath, [BIN.vitest, 'run', '--project', 'http', 'tests/crash.test.ts'], {
		env
	});
}
