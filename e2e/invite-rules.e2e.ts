import { test, expect } from './fixtures';
import { HomePage, PartnerPage } from './pages/partner';
import { seedAccount } from './seed';

test('your own code, a replaced code and a typed code', async ({ people }) => {
	const ines = await people.add('Ines');
	const bruno = await people.add('Bruno');
	await seedAccount(ines);
	await seedAccount(bruno);

	const inesPartner = new PartnerPage(ines.page);
	await inesPartner.open();
	const first = await inesPartner.makeInvite();

	// Entering your own code says so plainly, and links nobody.
	await inesPartner.join(first.code);
	await inesPartner.expectJoinRefused("That's your own invite");

	// A new link voids the old one.
	const second = await inesPartner.makeNewInvite(first);
	expect(second.code).not.toBe(first.code);
	const brunoPartner = new PartnerPage(bruno.page);
	await brunoPartner.open();
	await brunoPartner.join(first.code);
	await brunoPartner.expectJoinRefused();
	// What was typed stays in the field, so it can be corrected.
	await expect(bruno.page.getByLabel('Invite code or link')).toHaveValue(first.code);

	// Typed by hand: lower case, dashes and spaces do not matter.
	await brunoPartner.join(` ${second.code.toLowerCase().replaceAll('-', ' - ')} `);
	await expect(bruno.page).toHaveURL(/\/home$/);
	await new HomePage(bruno.page).expectLinked('Bruno', 'Ines');

	await inesPartner.open();
	await expect(ines.page.getByText('You are linked with Bruno.')).toBeVisible();
	await expect(ines.page.getByRole('button', { name: 'Make an invite link' })).toHaveCount(0);
});

test('a cancelled invite stops working, and a pasted link works', async ({ people }) => {
	const clara = await people.add('Clara');
	const dmitri = await people.add('Dmitri');
	await seedAccount(clara);
	await seedAccount(dmitri);

	const claraPartner = new PartnerPage(clara.page);
	await claraPartner.open();
	const cancelled = await claraPartner.makeInvite();
	await claraPartner.cancelInvite();

	const dmitriPartner = new PartnerPage(dmitri.page);
	await dmitriPartner.open();
	await dmitriPartner.join(cancelled.url);
	await dmitriPartner.expectJoinRefused();

	// After a reload the open invite is mentioned, but its code is never shown again.
	const fresh = await claraPartner.makeInvite();
	await claraPartner.open();
	await expect(clara.page.getByText('You have an open invite')).toBeVisible();
	await expect(clara.page.getByTestId('invite-code')).toHaveCount(0);

	await dmitriPartner.join(fresh.url);
	await expect(dmitri.page).toHaveURL(/\/home$/);
	await new HomePage(dmitri.page).expectLinked('Dmitri', 'Clara');
});
