import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { NEUTRAL_SITE, OPERATOR_NAME } from './e2e/neutral-site';

/**
 * End-to-end journeys against the built app (`node build`), in Debian's Chromium: Playwright
 * cannot download its own browsers here. Build first (see CONTRIBUTING.md), then `npm run test:e2e`.
 */
// E2E_PORT lets two checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
// The local SMTP server of global-setup.ts (see e2e/mail.ts): mail never leaves this machine.
const SMTP_PORT = PORT + 20_000;
const ORIGIN = `http://localhost:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// A missing browser is a failed run, never a quietly skipped one.
if (!existsSync(CHROMIUM)) {
	throw new Error(`No Chromium at ${CHROMIUM}: install it (apt-get install -y chromium).`);
}

const chromium = {
	...devices['Desktop Chrome'],
	launchOptions: {
		executablePath: CHROMIUM,
		// Without these Chromium keeps calling home, which floods a closed network.
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	}
};

export default defineConfig({
	testDir: 'e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 2,
	retries: 0,
	forbidOnly: true,
	globalSetup: './e2e/global-setup.ts',
	reporter: 'list',
	timeout: 30_000,
	expect: { timeout: 5_000 },
	use: {
		baseURL: ORIGIN,
		actionTimeout: 10_000,
		navigationTimeout: 15_000,
		trace: 'retain-on-failure'
	},
	projects: [
		{ name: 'chromium', use: chromium },
		// Screenshots for a person to look at, only when asked for: SHOTS_DIR=… --project shots
		...(process.env.SHOTS_DIR ? [{ name: 'shots', testMatch: '**/*.shots.ts', use: chromium }] : [])
	],
	webServer: {
		// A fresh database every run; the first PGlite start runs initdb and takes a few seconds.
		command: 'rm -rf e2e/.data && exec node build',
		port: PORT,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN,
			DATA_DIR: 'e2e/.data',
			// The embedded database, whatever the calling shell has configured.
			DATABASE_URL: '',
			// Each browser context sends its own address, so the sign-up limit is per person here.
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			LOG_LEVEL: 'warn',
			SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
			MAIL_FROM: 'Tend <tend@tend.test>',
			QUICK_EXIT_URL: NEUTRAL_SITE,
			OPERATOR_NAME
		}
	}
});
