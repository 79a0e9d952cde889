import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, inject } from 'vitest';
import { openDb, type DbHandle } from '../db/client';
import { adminQuery, withDatabase } from './global-setup';

/**
 * A fresh, migrated database for one test file: PGlite by default, PostgreSQL when the test
 * project runs with TEST_DRIVER=postgres (TEST_DATABASE_URL set). Closed and dropped afterwards.
 */
export async function createTestDb(): Promise<DbHandle & { url?: string }> {
	if (process.env.TEST_DRIVER === 'postgres') {
		return createPostgresDb();
	}
	const snapshot = fs.readFileSync(inject('pgliteSnapshot'));
	const handle = await openDb({ dataDir: 'memory://', loadDataDir: new Blob([snapshot]) });
	afterAll(() => handle.close());

	return handle;
}

async function createPostgresDb(): Promise<DbHandle & { url: string }> {
	const baseUrl = process.env.TEST_DATABASE_URL ?? '';
	const name = `tend_test_${crypto.randomBytes(6).toString('hex')}`;
	await adminQuery(baseUrl, `create database ${name} template ${inject('pgTemplate')}`);
	const url = withDatabase(baseUrl, name);
	const handle = await openDb({ databaseUrl: url, dataDir: 'memory://' });
	afterAll(async () => {
		await handle.close();
		await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
	});

	return { ...handle, url };
}
