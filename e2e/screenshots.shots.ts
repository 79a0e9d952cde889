import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, visit } from './fixtures';
import { PartnerPage } from './pages/partner';
import { seedAccount, seedCouple } from './seed';

/**
 * Phone-sized screenshots in light and dark, for a person to look at (not compared by a test).
 * SHOTS_DIR=/some/dir npx playwright test --project shots
 */
const dir = process.env.SHOTS_DIR ?? 'test-results/shots';

for (const colorScheme of ['light', 'dark'] as const) {
	test(`phone screenshots, ${colorScheme}`, async ({ people }) => {
		const phone = { viewport: { width: 390, height: 844 }, colorScheme, isMobile: true };
		const shot = (page: Page, name: string) =>
			page.screenshot({ path: path.join(dir, `${name}-${colorScheme}.png`), fullPage: true });

		const visitor = await people.add('Visitor', phone);
		await visit(visitor.page, '/');
		await shot(visitor.page, 'landing');
		await visit(visitor.page, '/signup');
		await shot(visitor.page, 'signup');

		const amara = await people.add('Amara', phone);
		const jonas = await people.add('Jonas', phone);
		await seedAccount(amara);
		await seedAccount(jonas);
		const partner = new PartnerPage(amara.page);
		await partner.open();
		await partner.makeInvite();
		await shot(amara.page, 'partner-invite');

		await seedCouple(amara, jonas);
		await visit(amara.page, '/home');
		await shot(amara.page, 'home-linked');
		await visit(amara.page, '/settings');
		await shot(amara.page, 'settings');
		for (const [name, where] of [
			['today', '/today'],
			['jar', '/jar'],
			['conversations', '/conversations'],
			['help', '/help']
		]) {
			await visit(amara.page, where);
			await shot(amara.page, name);
		}
	});
}
