import { eq } from 'drizzle-orm';
import type { Executor as Db } from '../db/client';
import { users } from '../db/schema';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
	const [row] = await db.select().from(users).where(eq(users.id, id));

	return row;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
	const [row] = await db.select().from(users).where(eq(users.email, email));

	return row;
}

/** Inserts unless the email is taken; returns undefined then (the unique index decides). */
export async function insertUser(db: Db, values: NewUserRow): Promise<UserRow | undefined> {
	const [row] = await db
		.insert(users)
		.values(values)
		.onConflictDoNothing({ target: users.email })
		.returning();

	return row;
}

export async function updateUser(
	db: Db,
	id: string,
	values: Partial<
		Pick<
			UserRow,
			'name' | 'timeZone' | 'onboardedAt' | 'passwordHash' | 'email' | 'highSafety' | 'updatedAt'
		>
	>
) {
	await db.update(users).set(values).where(eq(users.id, id));
}
