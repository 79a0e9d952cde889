import { afterAll, beforeAll, describe } from 'vitest';
import {
	availableDrivers,
	startServer,
	type Driver,
	type ServerOptions,
	type TestServer
} from './server';

export type DriverSuite = {
	driver: Driver;
	/** The running server of this block (started in beforeAll). */
	server: () => TestServer;
};

/**
 * Runs a describe block once per available driver (PGlite always, PostgreSQL when
 * TEST_DATABASE_URL is set), each against its own freshly started server.
 */
export function describeEachDriver(
	title: string,
	body: (suite: DriverSuite) => void,
	options: Omit<ServerOptions, 'driver'> = {}
) {
	for (const driver of availableDrivers()) {
		describe(`${title} [${driver}]`, () => {
			let running: TestServer | undefined;
			beforeAll(async () => {
				running = await startServer({ ...options, driver });
			});
			afterAll(async () => {
				await running?.stop();
			});
			body({
				driver,
				server: () => {
					if (!running) {
						throw new Error('The server of this block has not started.');
					}

					return running;
				}
			});
		});
	}
}
