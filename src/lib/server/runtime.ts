import { openDb, type DbHandle } from './db/client';
import { migrateDb } from './db/migrate';
import { loadEnv, type Env } from './env';
import { log } from './log';
import { housekeeping, startBackgroundJobs } from './jobs';
import type { LiveBus } from './live/bus';
import { openLiveBus } from './live/open';

export type Runtime = {
	env: Env;
	handle: DbHandle;
	live: LiveBus;
	stopJobs: () => Promise<void>;
};

// Kept on globalThis so a dev-server reload never opens a second database on the same directory.
const holder = globalThis as typeof globalThis & { __tendRuntime?: Promise<Runtime> };

/** Opens the database (PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL) and applies migrations. */
export function startRuntime(): Promise<Runtime> {
	holder.__tendRuntime ??= open();

	return holder.__tendRuntime;
}

let current: Runtime | undefined;

/** The started runtime; only valid after `init` (every request comes after it). */
export function getRuntime(): Runtime {
	if (!current) {
		throw new Error('The runtime has not started yet.');
	}

	return current;
}

async function open(): Promise<Runtime> {
	const env = loadEnv();
	const started = Date.now();
	const handle = await openDb({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
	await migrateDb(handle, env.migrationsDir);
	await housekeeping(handle.db, new Date());
	log.info({ event: 'server.db_ready', driver: handle.driver, ms: Date.now() - started });
	let live: LiveBus;
	try {
		live = await openLiveBus(handle, env.databaseUrl);
	} catch (error) {
		await handle.close();
		throw error;
	}
	const jobs = startBackgroundJobs(handle.db, env);
	log.info({ event: 'server.mail', enabled: env.mail !== null });

	current = { env, handle, live, stopJobs: jobs.stop };

	return current;
}

export async function stopRuntime(): Promise<void> {
	const pending = holder.__tendRuntime;
	holder.__tendRuntime = undefined;
	current = undefined;
	if (pending) {
		const { handle, live, stopJobs } = await pending;
		await stopJobs();
		await live.close();
		await handle.close();
	}
}
