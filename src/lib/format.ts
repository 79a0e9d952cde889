import { getLocale } from '$lib/paraglide/runtime';

/** "Saturday 29 November", in the person's own time zone. */
export function formatDate(iso: string, timeZone: string): string {
	return new Date(iso).toLocaleDateString(getLocale(), {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		timeZone
	});
}

/** "29 Nov, 14:05", in the person's own time zone. */
export function formatDateTime(iso: string, timeZone: string): string {
	return new Date(iso).toLocaleString(getLocale(), {
		day: 'numeric',
		month: 'short',
		hour: '2-digit',
		minute: '2-digit',
		timeZone
	});
}
