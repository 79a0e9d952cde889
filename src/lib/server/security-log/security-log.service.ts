import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { requireUnlocked } from '../access';
import type { SecurityEventKind } from '$lib/domain/security-events';
import {
	deleteSecurityEventsBefore,
	insertSecurityEvent,
	listSecurityEventsOf
} from './security-log.queries';

/** Entries are kept this long, then dropped by the server's housekeeping. */
export const SECURITY_LOG_RETENTION_DAYS = 180;
/** The log shows the most recent entries only. */
export const SECURITY_LOG_LIMIT = 100;

export type SecurityLogEntry = { kind: SecurityEventKind; at: string; device: string | null };

type CtxLike = Pick<Ctx, 'now' | 'device'> & { db: Executor };
type Source = CtxLike | Executor;

function isCtx(source: Source): source is CtxLike {
	return typeof (source as { now?: unknown }).now === 'function';
}

/**
 * Adds an entry to a person's own security log. With a request context, the time is its clock
 * and the device its device; with a bare database handle (or a transaction), the database's
 * clock and no device. Pass `device: null` when the person is not the one acting (their partner
 * accepted their invite, say), so nobody's device is shown in someone else's log.
 */
export async function recordSecurityEvent(
	source: Source,
	userId: string,
	kind: SecurityEventKind,
	options: { device?: string | null } = {}
): Promise<void> {
	if (isCtx(source)) {
		const device = options.device === undefined ? source.device : options.device;
		await insertSecurityEvent(source.db, { userId, kind, device, createdAt: source.now() });

		return;
	}
	await insertSecurityEvent(source, { userId, kind, device: options.device ?? null });
}

/** The person's own log, newest first. Nobody else can read it, not even a count of it. */
export async function listSecurityLog(ctx: Ctx): Promise<SecurityLogEntry[]> {
	const userId = requireUnlocked(ctx);
	const rows = await listSecurityEventsOf(ctx.db, userId, SECURITY_LOG_LIMIT);

	return rows.map((row) => ({
		kind: row.kind,
		at: row.createdAt.toISOString(),
		device: row.device
	}));
}

export async function pruneSecurityLog(db: Executor, now: Date): Promise<void> {
	const before = new Date(now.getTime() - SECURITY_LOG_RETENTION_DAYS * 24 * 60 * 60 * 1000);
	await deleteSecurityEventsBefore(db, before);
}
