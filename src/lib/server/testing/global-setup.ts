import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDb } from '../db/client';
import { migrateDb } from '../db/migrate';

/**
 * Migrates one database per driver once; each test file then starts from a copy (a PGlite
 * snapshot, or a PostgreSQL database made from a template), which is far faster than migrating.
 */
export default async function setup(project: TestProject) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-test-'));
	const snapshotPath = path.join(dir, 'migrated.tar');
	const handle = await openDb({ dataDir: 'memory://' });
	await migrateDb(handle, path.resolve('drizzle'));
	const client = (
		handle.db as unknown as { $client: { dumpDataDir: (c: 'none') => Promise<Blob> } }
	).$client;
	const dump = await client.dumpDataDir('none');
	fs.writeFileSync(snapshotPath, Buffer.from(await dump.arrayBuffer()));
	await handle.close();
	project.provide('pgliteSnapshot', snapshotPath);

	const baseUrl = process.env.TEST_DATABASE_URL;
	let template = '';
	if (baseUrl) {
		template = `tend_template_${process.pid}`;
		await adminQuery(baseUrl, `drop database if exists ${template}`);
		await adminQuery(baseUrl, `create database ${template}`);
		const pg = await openDb({ databaseUrl: withDatabase(baseUrl, template), dataDir: dir });
		await migrateDb(pg, path.resolve('drizzle'));
		await pg.close();
	}
	project.provide('pgTemplate', template);

	return async () => {
		if (baseUrl && template) {
			await adminQuery(baseUrl, `drop database if exists ${template}`);
		}
		fs.rmSync(dir, { recursive: true, force: true });
	};
}

export function withDatabase(url: string, database: string): string {
	const parsed = new URL(url);
	parsed.pathname = `/${database}`;

	return parsed.toString();
}

export async function adminQuery(url: string, sql: string) {
	const { default: pg } = await import('pg');
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteSnapshot: string;
		pgTemplate: string;
	}
}
