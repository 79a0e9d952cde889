import pino from 'pino';

/**
 * Logs carry ids and event names only: never content, names, emails, moods, tokens or passwords.
 * Nothing here logs request bodies, and error handlers log stacks without `cause` payloads.
 */
export const log = pino({
	level: process.env.LOG_LEVEL || 'info',
	base: undefined,
	timestamp: pino.stdTimeFunctions.isoTime,
	redact: { paths: ['*.password', '*.email', '*.name', '*.token', '*.code'], censor: '[redacted]' }
});

export type SecurityEvent =
	| 'account.registered'
	| 'auth.login_succeeded'
	| 'auth.login_failed'
	| 'auth.logout'
	| 'auth.rate_limited'
	| 'account.password_changed'
	| 'account.password_change_failed'
	| 'account.profile_updated'
	| 'session.ended'
	| 'session.others_ended'
	| 'couple.invite_created'
	| 'couple.invite_cancelled'
	| 'couple.join_failed'
	| 'couple.linked'
	| 'couple.left'
	| 'couple.block_changed'
	| 'practice.settings_changed'
	| 'checkin.saved'
	| 'question.answered'
	| 'question.followed_up'
	| 'appreciation.created'
	| 'appreciation.shared'
	| 'response.created'
	| 'data.exported'
	| 'account.deleted'
	| 'account.delete_failed'
	| 'auth.second_step_started'
	| 'auth.second_step_failed'
	| 'auth.password_reset_requested'
	| 'auth.password_reset'
	| 'auth.password_reset_failed'
	| 'account.email_changed'
	| 'two_factor.setup_started'
	| 'two_factor.enabled'
	| 'two_factor.disabled'
	| 'two_factor.code_failed'
	| 'two_factor.recovery_codes_regenerated'
	| 'account.high_safety_changed'
	| 'mail.sent'
	| 'mail.dropped'
	| 'lock.unlock_failed'
	| 'lock.settings_changed'
	| 'lock.pin_set'
	| 'lock.pin_removed'
	| 'conversation.started'
	| 'conversation.moved'
	| 'conversation.answer_saved'
	| 'conversation.answer_shared'
	| 'conversation.answer_received'
	| 'live.stream_opened'
	| 'live.stream_closed';

/** One structured line per security event: who, what, outcome. */
export function logEvent(event: SecurityEvent, fields: { userId?: string | null } = {}) {
	log.info({ event, userId: fields.userId ?? undefined });
}

/** An unexpected error: its id, its name and its stack frames, never its message or cause. */
export function logUnexpected(id: string, error: unknown, status = 500) {
	// The message of a query error can quote the values that were being written.
	const frames =
		error instanceof Error
			? (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '))
			: [];
	log.error({
		event: 'server.unexpected_error',
		id,
		status,
		error: error instanceof Error ? error.name : 'unknown',
		stack: frames.join('\n')
	});
}
