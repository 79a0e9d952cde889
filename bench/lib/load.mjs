import autocannon from 'autocannon';

/** A short unmeasured run first, so JIT and connection set-up do not count. */
export async function measure(url, { headers = {}, connections, seconds, warmupSeconds }) {
	if (warmupSeconds > 0) {
		await autocannon({ url, headers, connections, duration: warmupSeconds });
	}
	const result = await autocannon({ url, headers, connections, duration: seconds });

	return {
		requestsPerSecond: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		failures: result.non2xx + result.errors + result.timeouts
	};
}
