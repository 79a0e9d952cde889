import { desc, eq, lt } from 'drizzle-orm';
import type { Executor as Db } from '../db/client';
import { securityEvents } from '../db/schema';

export async function insertSecurityEvent(db: Db, values: typeof securityEvents.$inferInsert) {
	await db.insert(securityEvents).values(values);
}

export function listSecurityEventsOf(db: Db, userId: string, limit: number) {
	return db
		.select({
			kind: securityEvents.kind,
			device: securityEvents.device,
			createdAt: securityEvents.createdAt
		})
		.from(securityEvents)
		.where(eq(securityEvents.userId, userId))
		.orderBy(desc(securityEvents.createdAt))
		.limit(limit);
}

export async function deleteSecurityEventsBefore(db: Db, before: Date) {
	await db.delete(securityEvents).where(lt(securityEvents.createdAt, before));
}
