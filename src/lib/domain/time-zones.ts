/** Every IANA zone the runtime knows, with UTC first. */
export function listTimeZones(): string[] {
	const zones = Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC');

	return ['UTC', ...zones];
}
