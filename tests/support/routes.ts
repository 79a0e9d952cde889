import fs from 'node:fs';
import path from 'node:path';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Operation = { path: string; method: Method };

const ROUTES = path.resolve(import.meta.dirname, '../../src/routes');
const METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Every (path, method) the API route files export, read from the files themselves, with
 * `[id]` written as `{id}` as in OpenAPI: `/api/v1/sessions/{id}` DELETE, …
 */
export function scanApiOperations(): Operation[] {
	const operations: Operation[] = [];
	for (const file of findFiles(path.join(ROUTES, 'api'), '+server.ts')) {
		const source = fs.readFileSync(file, 'utf8');
		const routePath = toUrlPath(path.dirname(file)).replace(/\[(\w+)\]/g, '{$1}');
		for (const method of METHODS) {
			const exported = new RegExp(
				`export\\s+(const\\s+${method}\\b|(async\\s+)?function\\s+${method}\\b|\\{[^}]*\\b${method}\\b[^}]*\\})`
			);
			if (exported.test(source)) {
				operations.push({ path: routePath, method });
			}
		}
	}

	return operations.sort((a, b) => key(a).localeCompare(key(b)));
}

/**
 * A URL for every page route in the checkout: groups dropped, each `[param]` filled with a
 * sample value, rest and optional parameters left empty.
 */
export function scanPagePaths(): string[] {
	const paths = new Set<string>();
	for (const file of findFiles(ROUTES, '+page.svelte')) {
		const url = toUrlPath(path.dirname(file))
			.replace(/\/\[\[[^\]]+\]\]/g, '')
			.replace(/\/\[\.\.\.[^\]]+\]/g, '')
			.replace(/\[[^\]]+\]/g, 'SAMPLE0000');
		paths.add(url === '' ? '/' : url);
	}

	return [...paths].sort();
}

export function key(operation: Operation): string {
	return `${operation.method} ${operation.path}`;
}

function toUrlPath(dir: string): string {
	const segments = path
		.relative(ROUTES, dir)
		.split(path.sep)
		.filter((segment) => segment !== '' && !/^\(.*\)$/.test(segment));

	return segments.length === 0 ? '' : `/${segments.join('/')}`;
}

function findFiles(dir: string, name: string): string[] {
	if (!fs.existsSync(dir)) {
		return [];
	}
	const found: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			found.push(...findFiles(full, name));
		} else if (entry.name === name) {
			found.push(full);
		}
	}

	return found;
}
