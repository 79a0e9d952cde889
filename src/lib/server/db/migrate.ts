import type { DbHandle } from './client';

/** Applies the generated migrations in ./drizzle; the same files on both drivers. */
export async function migrateDb(handle: DbHandle, migrationsFolder: string): Promise<void> {
	if (handle.driver === 'postgres') {
		const { migrate } = await import('drizzle-orm/node-postgres/migrator');
		await migrate(handle.db, { migrationsFolder });

		return;
	}

	const { migrate } = await import('drizzle-orm/pglite/migrator');
	// The PGlite migrator wants its own driver type; the runtime object is the same query builder.
	await migrate(handle.db as unknown as Parameters<typeof migrate>[0], { migrationsFolder });
}
