import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/**
 * What the migrated database really holds, read from information_schema, so the coverage tests
 * of the deletion inventory and the export registry see every table, whoever added it.
 */

/** Column names that hold a person's id, whether or not a foreign key says so. */
const PERSON_COLUMN =
	/(^|_)(user|author|owner|partner|inviter|invitee|member|person|people|recipient|sender|creator|space|account|subject|actor)_ids?$/;
const EMAIL_COLUMN = /(^|_)email(_address)?$/;

export type LiveTable = {
	name: string;
	columns: string[];
	/** Columns that tie a row to a person: a foreign key to users, or a person-like name. */
	personColumns: string[];
	emailColumns: string[];
	/** Columns that hold a couple's id. */
	coupleColumns: string[];
};

export async function readLiveSchema(db: Db): Promise<LiveTable[]> {
	const columns = await rows<{ table_name: string; column_name: string }>(
		db,
		sql`select c.table_name, c.column_name
			from information_schema.columns c
			join information_schema.tables t
				on t.table_schema = c.table_schema and t.table_name = c.table_name
			where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
			order by c.table_name, c.ordinal_position`
	);
	const toUsers = await rows<{ table_name: string; column_name: string }>(
		db,
		sql`select kcu.table_name, kcu.column_name
			from information_schema.table_constraints tc
			join information_schema.key_column_usage kcu
				on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
			join information_schema.constraint_column_usage ccu
				on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
			where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'
				and ccu.table_name = 'users'`
	);
	const referencesUsers = new Set(toUsers.map((row) => `${row.table_name}.${row.column_name}`));
	const tables = new Map<string, LiveTable>();
	for (const { table_name: table, column_name: column } of columns) {
		const entry = tables.get(table) ?? {
			name: table,
			columns: [],
			personColumns: [],
			emailColumns: [],
			coupleColumns: []
		};
		entry.columns.push(column);
		const isPerson =
			referencesUsers.has(`${table}.${column}`) ||
			PERSON_COLUMN.test(column) ||
			(table === 'users' && column === 'id');
		if (isPerson) {
			entry.personColumns.push(column);
		}
		if (EMAIL_COLUMN.test(column)) {
			entry.emailColumns.push(column);
		}
		if (/(^|_)couple_id$/.test(column)) {
			entry.coupleColumns.push(column);
		}
		tables.set(table, entry);
	}

	return [...tables.values()];
}

/** How many rows of a table have `value` in `column` (names come from information_schema). */
export async function countWhere(db: Db, table: string, column: string, value: string) {
	const [row] = await rows<{ n: number }>(
		db,
		sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)}::text = ${value}`
	);

	return row.n;
}

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
	const result = (await db.execute(query)) as unknown as { rows: T[] };

	return result.rows;
}
