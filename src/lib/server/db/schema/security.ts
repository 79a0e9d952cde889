import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SecurityEventKind } from '$lib/domain/security-events';
import { users } from './users';

/**
 * Account security: two-step sign-in, recovery, the outgoing mail queue and the person's own
 * security log. Every table is keyed by user_id and goes with the account.
 */

/**
 * A person's authenticator secret. While `enabled_at` is null the secret is only being set up;
 * sign-in asks for a code once it is set. The secret is sealed with the server key (see
 * auth/sealed.ts), so a copy of the database alone does not give it away.
 */
export const twoFactor = pgTable('two_factor', {
	userId: uuid('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	secretSealed: text('secret_sealed').notNull(),
	enabledAt: timestamp('enabled_at', { withTimezone: true }),
	/** The last 30-second step whose code was accepted: a code of that step or before never works again. */
	lastUsedStep: bigint('last_used_step', { mode: 'number' }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull()
});

/** One-time recovery codes; only their SHA-256 is kept. A new set replaces the old one. */
export const recoveryCodes = pgTable(
	'recovery_codes',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		codeHash: text('code_hash').notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull()
	},
	(t) => [index('recovery_codes_user_idx').on(t.userId)]
);

/**
 * A sign-in waiting for its second step: the password was right, the code is still to come.
 * Short-lived and single-use; only the SHA-256 of its ticket is kept.
 */
export const pendingSignIns = pgTable(
	'pending_sign_ins',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		ticketHash: text('ticket_hash').notNull().unique(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** Wrong codes against this ticket; past a few, the ticket is void. */
		failures: integer('failures').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('pending_sign_ins_user_idx').on(t.userId)]
);

/** Password reset links sent by email: single-use, short-lived, only a SHA-256 kept. */
export const passwordResets = pgTable(
	'password_resets',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		tokenHash: text('token_hash').notNull().unique(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('password_resets_user_idx').on(t.userId)]
);

/**
 * Mail waiting to be sent. Requests only add rows; a sender loop in the server claims them
 * (FOR UPDATE SKIP LOCKED with a lease, so several instances never send one twice), sends and
 * deletes them. The recipient and any link are sealed with the server key.
 */
export const mailOutbox = pgTable(
	'mail_outbox',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** The account the mail is about; a deleted account takes its queued mail with it. */
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		template: text('template').notNull(),
		payloadSealed: text('payload_sealed').notNull(),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
		/** Set while a sender holds the row; another sender may take it once this has passed. */
		lockedUntil: timestamp('locked_until', { withTimezone: true }),
		/** Mail that is useless after this time (a reset link that has expired) is dropped unsent. */
		expiresAt: timestamp('expires_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull()
	},
	(t) => [
		index('mail_outbox_due_idx').on(t.nextAttemptAt),
		index('mail_outbox_user_idx').on(t.userId)
	]
);

/**
 * The person's own security log: what happened to their account, when, and from which kind of
 * device. Never content, never anyone's name. Only its owner can read it.
 */
export const securityEvents = pgTable(
	'security_events',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind').$type<SecurityEventKind>().notNull(),
		/** A short description such as "Firefox on Android", or null when not the person's own act. */
		device: text('device'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('security_events_user_time_idx').on(t.userId, t.createdAt)]
);
