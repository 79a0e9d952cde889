import * as m from '$lib/paraglide/messages';
import type { ConversationKind, Status } from '$lib/domain/conversation-turns';

/** The name of a practice, as people see it. */
export function practiceName(kind: ConversationKind): string {
	switch (kind) {
		case 'closer':
			return m.conv_name_closer();
		case 'vulnerability':
			return m.conv_name_vulnerability();
		case 'ten-minutes':
			return m.conv_name_ten();
		case 'phones-down':
			return m.conv_name_phones();
	}
}

export function statusLabel(status: Status): string {
	switch (status) {
		case 'waiting':
			return m.conv_status_waiting();
		case 'active':
			return m.conv_status_active();
		case 'paused':
			return m.conv_status_paused();
		case 'between-sets':
			return m.conv_status_between();
		case 'completed':
			return m.conv_status_completed();
		case 'ended':
			return m.conv_status_ended();
	}
}

/** "12:05" from milliseconds, rounded up so the last second still shows 0:01. */
export function clock(ms: number): string {
	const seconds = Math.max(0, Math.ceil(ms / 1000));
	const minutes = Math.floor(seconds / 60);

	return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
