import { UAParser } from 'ua-parser-js';

/** "Firefox on Android": enough to recognise a session, never the raw user agent. */
export function describeDevice(userAgent: string | null): string {
	if (!userAgent) {
		return 'Unknown device';
	}
	const { browser, os } = UAParser(userAgent.slice(0, 512));
	const browserName = browser.name ?? 'A browser';
	const osName = os.name;

	return (osName ? `${browserName} on ${osName}` : browserName).slice(0, 80);
}
