import * as m from '$lib/paraglide/messages';
import type { SecurityEventKind } from '$lib/domain/security-events';

const LABELS: Record<SecurityEventKind, () => string> = {
	'account.created': m.event_account_created,
	sign_in: m.event_sign_in,
	'sign_in.second_step_failed': m.event_second_step_failed,
	'password.changed': m.event_password_changed,
	'password.reset_requested': m.event_password_reset_requested,
	'password.reset': m.event_password_reset,
	'two_factor.enabled': m.event_two_factor_enabled,
	'two_factor.disabled': m.event_two_factor_disabled,
	'recovery_code.used': m.event_recovery_code_used,
	'recovery_codes.regenerated': m.event_recovery_codes_regenerated,
	'high_safety.enabled': m.event_high_safety_enabled,
	'high_safety.disabled': m.event_high_safety_disabled,
	'email.changed': m.event_email_changed,
	'session.ended': m.event_session_ended,
	'sessions.others_ended': m.event_sessions_others_ended,
	'partner.linked': m.event_partner_linked,
	'partner.left': m.event_partner_left,
	'data.exported': m.event_data_exported
};

/** What a security log entry says, in the person's language. */
export function securityEventLabel(kind: SecurityEventKind): string {
	return LABELS[kind]();
}
