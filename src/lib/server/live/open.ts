import { sql } from 'drizzle-orm';
import type { DbHandle } from '../db/client';
import { createMemoryBus, type LiveBus } from './bus';
import { openPostgresBus } from './postgres';

/**
 * The bus for this instance: in-process on the embedded database (one process holds it), and
 * LISTEN/NOTIFY on PostgreSQL so instances sharing one database hear each other.
 */
export async function openLiveBus(
	handle: DbHandle,
	databaseUrl: string | undefined
): Promise<LiveBus> {
	if (handle.driver !== 'postgres' || !databaseUrl) {
		return createMemoryBus();
	}
	const { default: pg } = await import('pg');

	return openPostgresBus({
		notify: async (channel, payload) => {
			await handle.db.execute(sql`select pg_notify(${channel}, ${payload})`);
		},
		connect: async () => {
			const client = new pg.Client({ connectionString: databaseUrl, keepAlive: true });
			// Until the bus adds its own, an error must not go unhandled (it would end the process).
			client.on('error', () => undefined);
			await client.connect();

			return client;
		}
	});
}
