import { test, expect, visit, reload } from './fixtures';
import { AppShell, OnboardingPage, SignupPage, signUpAndOnboard } from './pages/account';
import { HomePage, JoinPage, PartnerPage } from './pages/partner';
import { SettingsPage } from './pages/settings';
import { expectBasicAccessibility } from './pages/a11y';
import { seedAccount } from './seed';

const MONTHS_OR_NUMBERS =
	/\b(January|February|March|April|May|June|July|August|September|October|November|December)\b|\d/;

test('two people link through an invite link, and one leaves on their own', async ({ people }) => {
	const marisol = await people.add('Marisol', { timezoneId: 'Europe/Berlin' });
	const tobias = await people.add('Tobias', { timezoneId: 'America/New_York' });

	// Marisol signs up, says who she is, and makes an invite.
	await signUpAndOnboard(marisol, { timeZone: 'Europe/Berlin', choice: 'Invite my partner' });
	const marisolsPartnerPage = new PartnerPage(marisol.page);
	await marisolsPartnerPage.expectOpen();
	const invite = await marisolsPartnerPage.makeInvite();
	await expectBasicAccessibility(marisol.page);
	expect(new URL(invite.url).origin).toBe(new URL(marisol.page.url()).origin);

	// Tobias opens the link signed out, makes his account through it, and comes back to accept.
	await visit(tobias.page, invite.url);
	const join = new JoinPage(tobias.page);
	await expectBasicAccessibility(tobias.page);
	await join.createAccount();
	const signup = new SignupPage(tobias.page);
	await expectBasicAccessibility(tobias.page);
	await signup.signUp(tobias);
	await new OnboardingPage(tobias.page).aboutYou(tobias.name, 'America/New_York');
	await expect(tobias.page).toHaveURL(invite.url);
	await expectBasicAccessibility(tobias.page);
	await join.accept();
	const tobiasHome = new HomePage(tobias.page);
	await tobiasHome.expectGreeting('Tobias');
	await tobiasHome.expectLinked('Tobias', 'Marisol');
	await expectBasicAccessibility(tobias.page);

	const marisolHome = new HomePage(marisol.page);
	await marisolHome.open();
	await marisolHome.expectLinked('Marisol', 'Tobias');
	const me = await marisol.page.request.get('/api/v1/me');
	expect((await me.json()).profile.timeZone).toBe('Europe/Berlin');

	// Marisol leaves from Settings, in two steps.
	await new AppShell(marisol.page).goTo('Settings');
	const settings = new SettingsPage(marisol.page);
	await expectBasicAccessibility(marisol.page);
	await settings.leaveLink('Tobias');
	await expectBasicAccessibility(marisol.page);
	await expect(marisol.page.getByRole('button', { name: 'Block Tobias' })).toBeVisible();

	// Tobias only sees that no partner is linked: no name, no date, nothing from the API.
	await reload(tobias.page);
	await tobiasHome.expectUnlinked();
	const main = tobias.page.getByRole('main');
	await expect(main).not.toContainText('Marisol');
	expect(await main.innerText()).not.toMatch(MONTHS_OR_NUMBERS);
	const couple = await tobias.page.request.get('/api/v1/couple');
	expect(couple.status()).toBe(404);
	expect(JSON.stringify(await couple.json())).not.toContain('Marisol');
	const tobiasMe = await tobias.page.request.get('/api/v1/me');
	expect(tobiasMe.status()).toBe(200);
	expect((await tobiasMe.json()).partner).toBeNull();

	// Someone else who gets hold of the used code cannot link with anybody.
	const quentin = await people.add('Quentin');
	await seedAccount(quentin);
	const quentinsPartnerPage = new PartnerPage(quentin.page);
	await quentinsPartnerPage.open();
	await quentinsPartnerPage.join(invite.code);
	await quentinsPartnerPage.expectJoinRefused();
	await expectBasicAccessibility(quentin.page);
	await new AppShell(quentin.page).goTo('Home');
	await new HomePage(quentin.page).expectUnlinked();

	// The whole journey, pages, scripts and styles, stayed on the app's own origin.
	expect(people.requests.length).toBeGreaterThan(20);
	expect(people.elsewhere()).toEqual([]);
	expect(people.requests.some((url) => url.endsWith('.js'))).toBe(true);
});
