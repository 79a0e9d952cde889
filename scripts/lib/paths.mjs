import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const TOOLS_NODE = path.join(ROOT, '.tools', 'node_modules', '.bin', 'node');

/** Entry scripts of the local dev tools, run with the chosen node rather than through npx. */
export const BIN = {
	vite: path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
	vitest: path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
	playwright: path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js')
};
