import { openDb } from '../../src/lib/server/db/client';
import { countWhere, readLiveSchema } from '../../src/lib/server/testing/live-schema';
import type { Ledger } from './ledger';
import type { ServerOptions } from './server';

/**
 * With the server down after a kill -9, reads the data as it lies on disk (the same way the
 * server opens it, lock included). An account deletion is all or nothing: either the account is
 * there with everything of it, or no row of it is left in any table. An acknowledged deletion
 * must be done; one left in doubt is settled to what happened.
 */
export async function inspectAtRest(options: ServerOptions, ledger: Ledger): Promise<string[]> {
	const targets = ledger.accounts.filter(
		(account) => account.deleted !== 'no' && !account.goneConfirmed
	);
	if (targets.length === 0) {
		return [];
	}
	const violations: string[] = [];
	const handle = await openDb({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
	try {
		const tables = await readLiveSchema(handle.db);
		for (const account of targets) {
			if ((await countWhere(handle.db, 'users', 'id', account.id)) > 0) {
				if (account.deleted === 'yes') {
					violations.push(`${account.email}: its acknowledged deletion was lost`);
				}
				account.deleted = 'no';
				continue;
			}
			account.deleted = 'yes';
			for (const table of tables) {
				for (const column of table.personColumns) {
					const left = await countWhere(handle.db, table.name, column, account.id);
					if (left > 0) {
						violations.push(`${account.email}: deleted, yet ${table.name}.${column} has ${left}`);
					}
				}
				for (const column of table.emailColumns) {
					if ((await countWhere(handle.db, table.name, column, account.email)) > 0) {
						violations.push(`${account.email}: deleted, yet ${table.name}.${column} has it`);
					}
				}
			}
		}
	} finally {
		await handle.close();
	}

	return violations;
}
