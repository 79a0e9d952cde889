import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * One row per link between two people. A re-link of the same two people creates a new row, so
 * every shared item (keyed by couple) starts from an empty space.
 */
export const couples = pgTable('couples', {
	id: uuid('id').primaryKey().defaultRandom(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
	endedAt: timestamp('ended_at', { withTimezone: true })
});

/**
 * Current members of a live couple. The primary key on user_id is what makes "one active link per
 * person" hold under concurrency; rows are deleted when the link ends.
 */
export const coupleMembers = pgTable(
	'couple_members',
	{
		userId: uuid('user_id')
			.primaryKey()
			.references(() => users.id, { onDelete: 'cascade' }),
		coupleId: uuid('couple_id')
			.notNull()
			.references(() => couples.id, { onDelete: 'cascade' })
	},
	(t) => [index('couple_members_couple_idx').on(t.coupleId)]
);

/**
 * Who has been linked with whom, kept so a person can block further invites from an ex. Rows go
 * with either account. The name is the partner's name as it was when the link ended, so a later
 * change of name (or of anything else) never reaches the ex.
 */
export const pastPartners = pgTable(
	'past_partners',
	{
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		partnerId: uuid('partner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		partnerName: text('partner_name').notNull(),
		blockedAt: timestamp('blocked_at', { withTimezone: true })
	},
	(t) => [primaryKey({ columns: [t.userId, t.partnerId] })]
);

export const invites = pgTable(
	'invites',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** SHA-256 of the normalised code, hex. */
		codeHash: text('code_hash').notNull().unique(),
		inviterId: uuid('inviter_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		/** Set when the code is used or replaced; a closed code never works again. */
		closedAt: timestamp('closed_at', { withTimezone: true })
	},
	(t) => [index('invites_inviter_idx').on(t.inviterId)]
);
