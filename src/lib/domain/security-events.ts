/**
 * What a person's own security log can record. Only kinds, never content or anyone's name.
 * `data.exported` is recorded by the export; every other kind by the account services.
 */
export const SECURITY_EVENT_KINDS = [
	'account.created',
	'sign_in',
	'sign_in.second_step_failed',
	'password.changed',
	'password.reset_requested',
	'password.reset',
	'two_factor.enabled',
	'two_factor.disabled',
	'recovery_code.used',
	'recovery_codes.regenerated',
	'high_safety.enabled',
	'high_safety.disabled',
	'email.changed',
	'session.ended',
	'sessions.others_ended',
	'partner.linked',
	'partner.left',
	'data.exported'
] as const;

export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];
