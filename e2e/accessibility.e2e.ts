import type { Locator } from '@playwright/test';
import { test, expect, visit } from './fixtures';
import { expectBasicAccessibility } from './pages/a11y';
import { PartnerPage } from './pages/partner';
import { seedAccount, seedCouple, seedInvite, signOutViaApi } from './seed';

test('every page has one h1, a skip link and labelled controls', async ({ people }) => {
	const visitor = await people.add('Visitor');
	const olga = await people.add('Olga');
	const pavel = await people.add('Pavel');
	await seedAccount(olga);
	await seedAccount(pavel);
	const invite = await seedInvite(olga);

	const recovery = ['/forgot', '/forgot/recovery', '/reset/an-old-link'];
	for (const path of [
		'/',
		'/signin',
		'/signup',
		'/signin?next=%2Fsettings',
		invite.url,
		...recovery
	]) {
		await visit(visitor.page, path);
		await expectBasicAccessibility(visitor.page);
	}

	const olgasPages = ['/onboarding', '/onboarding/partner', '/home', '/partner', '/conversations'];
	const settingsPages = [
		'/settings',
		'/settings/sessions',
		'/settings/password',
		'/settings/delete',
		'/settings/security',
		'/settings/security-log',
		'/settings/email'
	];
	for (const path of [...olgasPages, ...settingsPages]) {
		await visit(olga.page, path);
		await expectBasicAccessibility(olga.page);
	}
	// The partner page with a fresh invite shown, and with a refused code.
	const partner = new PartnerPage(olga.page);
	await partner.open();
	await partner.makeNewInvite();
	await expectBasicAccessibility(olga.page);
	await partner.join('AAAAA-AAAAA-AAAAA-AAAAA-AAAAA');
	await partner.expectJoinRefused();
	await expectBasicAccessibility(olga.page);

	// The accept page, and a linked person's pages.
	await visit(pavel.page, invite.url);
	await expectBasicAccessibility(pavel.page);
	await seedCouple(olga, pavel);
	for (const path of [
		'/home',
		'/partner',
		'/settings',
		'/settings/leave',
		'/conversations',
		'/conversations/past'
	]) {
		await visit(pavel.page, path);
		await expectBasicAccessibility(pavel.page);
	}

	// A page that does not exist still has its landmarks.
	await signOutViaApi(pavel);
	const missing = await visit(pavel.page, '/no-such-page');
	expect(missing?.status()).toBe(404);
	await expectBasicAccessibility(pavel.page);
});

test('signing in with the keyboard alone', async ({ people }) => {
	const kofi = await people.add('Kofi');
	await seedAccount(kofi);
	await signOutViaApi(kofi);
	const { page } = kofi;
	await visit(page, '/signin');

	// The first Tab reaches the skip link.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();

	const email = page.getByLabel('Email');
	for (let presses = 0; presses < 10 && !(await isFocused(email)); presses += 1) {
		await page.keyboard.press('Tab');
	}
	await expect(email).toBeFocused();
	await page.keyboard.type(kofi.email);
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
	await page.keyboard.type(kofi.password);
	await page.keyboard.press('Enter');

	await expect(page).toHaveURL(/\/home$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Kofi');
});

async function isFocused(locator: Locator) {
	return locator.evaluate((element) => element === document.activeElement);
}
