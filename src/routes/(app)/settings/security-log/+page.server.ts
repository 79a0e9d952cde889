import type { PageServerLoad } from './$types';
import { requireUnlockedCtx } from '$lib/server/http';
import {
	listSecurityLog,
	SECURITY_LOG_RETENTION_DAYS
} from '$lib/server/security-log/security-log.service';

export const load: PageServerLoad = async ({ locals, url }) => ({
	events: await listSecurityLog(requireUnlockedCtx(locals, url)),
	timeZone: locals.user?.timeZone ?? 'UTC',
	retentionDays: SECURITY_LOG_RETENTION_DAYS
});
