import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
	id: uuid('id').primaryKey().defaultRandom(),
	/** Stored lower-cased and trimmed; unique. */
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash').notNull(),
	timeZone: text('time_zone').notNull().default('UTC'),
	onboardedAt: timestamp('onboarded_at', { withTimezone: true }),
	/** High-safety mode: no password reset by email, only with a recovery code. */
	highSafety: boolean('high_safety').notNull().default(false),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull()
});

export const sessions = pgTable(
	'sessions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** SHA-256 of the cookie token, hex. The token itself is never stored. */
		tokenHash: text('token_hash').notNull().unique(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** A short description such as "Firefox on Android"; never the raw user agent. */
		device: text('device').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		/**
		 * Set while the person's private areas are locked in this session: after the idle time
		 * they chose (from last_used_at), or at once by quick exit. Cleared by unlocking.
		 */
		lockedAt: timestamp('locked_at', { withTimezone: true })
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/**
 * Fixed-window counters for rate limits. Keys hold hashes, never an address or an email in clear.
 * Kept in the database so limits hold across restarts and across app instances.
 */
export const rateLimits = pgTable(
	'rate_limits',
	{
		key: text('key').primaryKey(),
		count: integer('count').notNull(),
		windowStart: timestamp('window_start', { withTimezone: true }).notNull()
	},
	(t) => [index('rate_limits_window_idx').on(t.windowStart)]
);
