import fs from 'node:fs';
import path from 'node:path';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema';
import { lockDataDir } from './dirlock';

/** One query-builder type for both drivers: PGlite and node-postgres speak the same SQL. */
export type Db = NodePgDatabase<typeof schema>;

export type DbHandle = {
	db: Db;
	driver: 'pglite' | 'postgres';
	close: () => Promise<void>;
};

export type DbOptions = {
	/** postgres://… selects PostgreSQL; otherwise PGlite in dataDir. */
	databaseUrl?: string;
	dataDir: string;
	/** A tarball from dumpDataDir, used by tests to start from a migrated database. */
	loadDataDir?: Blob;
};

export async function openDb(options: DbOptions): Promise<DbHandle> {
	if (options.databaseUrl) {
		return openPostgres(options.databaseUrl);
	}

	return openPglite(options);
}

async function openPostgres(url: string): Promise<DbHandle> {
	const { default: pg } = await import('pg');
	const { drizzle } = await import('drizzle-orm/node-postgres');
	const pool = new pg.Pool({ connectionString: url, max: 10 });
	await assertDurablePostgres(pool);

	return {
		db: drizzle(pool, { schema }),
		driver: 'postgres',
		close: () => pool.end()
	};
}

/** PGlite replaces its start parameters wholesale, so its defaults are repeated here. */
const PGLITE_DEFAULT_PARAMS = [
	'--single',
	'-F',
	'-O',
	'-j',
	...['-c', 'search_path=public', '-c', 'exit_on_error=false', '-c', 'log_checkpoints=false'],
	...['-c', 'max_worker_processes=0', '-c', 'max_parallel_workers=0'],
	...['-c', 'max_parallel_workers_per_gather=0', '-c', 'io_method=sync'],
	...['-c', 'max_parallel_maintenance_workers=0']
];

async function openPglite(options: DbOptions): Promise<DbHandle> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const inMemory = options.dataDir === 'memory://';
	const pgDir = inMemory ? undefined : path.join(options.dataDir, 'pg');
	const lock = inMemory ? undefined : await lockOnDisk(options.dataDir);

	try {
		const client = await PGlite.create({
			dataDir: pgDir,
			loadDataDir: options.loadDataDir,
			// Never trade durability for speed: a commit is acknowledged only once written.
			relaxedDurability: false,
			// PGlite's own defaults, plus a small shared_buffers: the default costs ~140 MB of
			// memory for no gain at household size.
			startParams: [...PGLITE_DEFAULT_PARAMS, '-c', 'shared_buffers=16MB']
		});
		// drizzle's PGlite driver has the same query-builder surface as node-postgres.
		const db = drizzle(client, { schema }) as unknown as Db;

		return {
			db,
			driver: 'pglite',
			close: async () => {
				await client.close();
				await lock?.release();
			}
		};
	} catch (error) {
		await lock?.release();
		throw error;
	}
}

async function lockOnDisk(dataDir: string) {
	fs.mkdirSync(dataDir, { recursive: true });

	return lockDataDir(dataDir);
}

/** Refuses a server whose settings could lose acknowledged writes. */
async function assertDurablePostgres(pool: import('pg').Pool) {
	const { rows } = await pool.query<{ name: string; setting: string }>(
		"select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes')"
	);
	const unsafe = rows.filter((row) => row.setting === 'off').map((row) => row.name);
	if (unsafe.length > 0) {
		throw new Error(
			`PostgreSQL runs with ${unsafe.join(', ')} off; Tend refuses to risk losing writes.`
		);
	}
}

/** A transaction handle; queries take `Executor` so they run inside or outside one. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;
