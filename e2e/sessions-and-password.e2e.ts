import { test, expect, visit, reload } from './fixtures';
import { AppShell, SigninPage } from './pages/account';
import { HomePage } from './pages/partner';
import { SettingsPage } from './pages/settings';
import { expectBasicAccessibility } from './pages/a11y';
import { seedAccount } from './seed';

const LAPTOP = {
	userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'
};
const PHONE = {
	userAgent:
		'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
	viewport: { width: 390, height: 844 }
};
const NEW_PASSWORD = 'our garden after the rain';

test('ending another session, and changing the password', async ({ people }) => {
	const laptop = await people.add('Selma', LAPTOP);
	await seedAccount(laptop);
	const phone = await people.sameAs(laptop, PHONE);
	await new SigninPage(phone.page).open();
	await new SigninPage(phone.page).signIn(phone);

	// On the laptop: two sessions, this one marked; the phone's is ended.
	const settings = new SettingsPage(laptop.page);
	await settings.open();
	let sessions = await settings.openSessions();
	await expectBasicAccessibility(laptop.page);
	await expect(sessions.sessions()).toHaveCount(2);
	await expect(sessions.sessions().filter({ hasText: 'this device' })).toContainText(
		'Firefox on Linux'
	);
	await sessions.endSession('Mobile Chrome on Android');
	await expect(sessions.sessions()).toHaveCount(1);

	// The phone is sent to sign in on its next step, and comes back where it was going.
	await new AppShell(phone.page).goTo('Settings');
	await expect(phone.page).toHaveURL(/\/signin\?next=%2Fsettings$/);
	await new SigninPage(phone.page).submit(phone.email, phone.password);
	await expect(phone.page).toHaveURL(/\/settings$/);

	// Changing the password needs the current one.
	await settings.open();
	const password = await settings.openPassword();
	await expectBasicAccessibility(laptop.page);
	await password.change('not my password at all', NEW_PASSWORD);
	await expect(laptop.page.getByRole('alert')).toHaveText("Your current password isn't right.");
	await password.change(laptop.password, NEW_PASSWORD);
	await expect(laptop.page.getByRole('status')).toContainText('Your password has changed');

	// Every other session has ended; the laptop stays signed in.
	await reload(phone.page);
	await expect(phone.page).toHaveURL(/\/signin\?next=%2Fsettings$/);
	const signin = new SigninPage(phone.page);
	await signin.submit(phone.email, phone.password);
	await signin.expectRefused();
	await signin.submit(phone.email, NEW_PASSWORD);
	await expect(phone.page).toHaveURL(/\/settings$/);

	const home = new HomePage(laptop.page);
	await home.open();
	await home.expectGreeting('Selma');
	await settings.open();
	sessions = await settings.openSessions();
	await expect(sessions.sessions()).toHaveCount(2);

	// "Sign out everywhere else" ends the phone's new session too.
	await sessions.endAllOthers();
	await expect(sessions.sessions()).toHaveCount(1);
	await reload(phone.page);
	await expect(phone.page).toHaveURL(/\/signin/);

	// Signing out from the header ends the laptop's session as well.
	await new AppShell(laptop.page).signOut();
	await visit(laptop.page, '/home');
	await expect(laptop.page).toHaveURL(/\/signin\?next=%2Fhome$/);
});
