import { sql } from 'drizzle-orm';
import { check, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * How a person's private areas lock: after how many idle minutes, and the optional app PIN that
 * reopens them. A person without a row has the defaults (10 minutes, no PIN).
 */
export const lockSettings = pgTable(
	'lock_settings',
	{
		userId: uuid('user_id')
			.primaryKey()
			.references(() => users.id, { onDelete: 'cascade' }),
		idleMinutes: smallint('idle_minutes').notNull().default(10),
		/** Argon2id of the PIN, like passwords; the PIN itself is never stored. */
		pinHash: text('pin_hash'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull()
	},
	(t) => [check('lock_settings_idle_range', sql`${t.idleMinutes} between 5 and 15`)]
);
