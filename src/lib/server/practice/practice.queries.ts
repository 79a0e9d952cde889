import { inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { practiceSettings } from '../db/schema';

export type PracticeSettingsRow = typeof practiceSettings.$inferSelect;

export function listPracticeSettings(db: Executor, userIds: string[]) {
	return db.select().from(practiceSettings).where(inArray(practiceSettings.userId, userIds));
}

export async function upsertPracticeSettings(
	db: Executor,
	values: typeof practiceSettings.$inferInsert,
	set: Partial<typeof practiceSettings.$inferInsert>
) {
	await db
		.insert(practiceSettings)
		.values(values)
		.onConflictDoUpdate({ target: practiceSettings.userId, set });
}
