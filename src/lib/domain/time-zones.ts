/**
 * Current names of zones that some runtimes still list only under an older name (ICU keeps the
 * old ones as canonical), so people find Kyiv and Kolkata where they expect them.
 */
const CURRENT_NAMES = [
	'Africa/Asmara',
	'America/Argentina/Buenos_Aires',
	'America/Atikokan',
	'America/Indiana/Indianapolis',
	'America/Kentucky/Louisville',
	'America/Nuuk',
	'Asia/Ho_Chi_Minh',
	'Asia/Kathmandu',
	'Asia/Kolkata',
	'Asia/Yangon',
	'Atlantic/Faroe',
	'Europe/Kyiv',
	'Pacific/Chuuk',
	'Pacific/Kanton',
	'Pacific/Pohnpei'
];

/** Every IANA zone the runtime knows, current names included, sorted, with UTC first. */
export function listTimeZones(): string[] {
	const known = new Set(Intl.supportedValuesOf('timeZone'));
	for (const zone of CURRENT_NAMES) {
		if (isKnownZone(zone)) {
			known.add(zone);
		}
	}
	known.delete('UTC');

	return ['UTC', ...[...known].sort()];
}

function isKnownZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });

		return true;
	} catch {
		return false;
	}
}
