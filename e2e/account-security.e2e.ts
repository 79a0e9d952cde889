import { test, expect, visit, reload } from './fixtures';
import { AppShell, SigninPage } from './pages/account';
import { SettingsPage } from './pages/settings';
import { authenticatorCode, CodeStepPage, SecurityPage } from './pages/security';
import { expectBasicAccessibility } from './pages/a11y';
import { seedAccount } from './seed';
import { resetLinkIn, waitForMail } from './mail';

const NEW_PASSWORD = 'a lantern by the window';

test('two-step sign-in: set up with the key shown, then sign in with a code and with a recovery code', async ({
	people
}) => {
	const person = await people.add('Maren');
	await seedAccount(person);
	const settings = new SettingsPage(person.page);
	await settings.open();
	await person.page.getByRole('link', { name: 'Two-step sign-in and recovery' }).click();
	const security = new SecurityPage(person.page);
	await security.expectOpen();
	await expectBasicAccessibility(person.page);

	const key = await security.startSetup();
	await expectBasicAccessibility(person.page);
	const codes = await security.confirm(authenticatorCode(key));
	await expect(security.twoFactor()).toContainText('Recovery codes left: 10 of 10.');

	// Signing in now asks for a code after the password.
	const shell = new AppShell(person.page);
	await shell.signOut();
	const signin = new SigninPage(person.page);
	await signin.open('/settings/security-log');
	await signin.submit(person.email, person.password);
	const step = new CodeStepPage(person.page);
	await step.expectOpen();
	await expectBasicAccessibility(person.page);
	await step.enter('000000');
	await expect(person.page.getByRole('alert')).toContainText("That code didn't work");
	const code = authenticatorCode(key, 30);
	await step.enter(code);
	await expect(person.page).toHaveURL(/\/settings\/security-log$/);

	// The same code never works twice; a recovery code does, once.
	await shell.signOut();
	await signin.open();
	await signin.submit(person.email, person.password);
	await step.expectOpen();
	await step.enter(code);
	await expect(person.page.getByRole('alert')).toContainText("That code didn't work");
	await step.enter(codes[0].toLowerCase());
	await expect(person.page).toHaveURL(/\/home$/);

	await visit(person.page, '/settings/security-log');
	await expect(person.page.getByRole('heading', { level: 1 })).toHaveText('Your security log');
	await expectBasicAccessibility(person.page);
	const log = person.page.getByRole('list', { name: 'Account events' });
	await expect(log.getByRole('listitem').first()).toContainText('Signed in');
	await expect(log).toContainText('A recovery code was used');
	await expect(log).toContainText('A sign-in stopped at the code step');
	await expect(log).toContainText('Two-step sign-in turned on');

	await security.open();
	await expect(security.twoFactor()).toContainText('Recovery codes left: 9 of 10.');
});

test('forgot password: the link arrives through the local mail server and works once', async ({
	people
}) => {
	const person = await people.add('Ilse');
	await seedAccount(person);
	await visit(person.page, '/home');
	await expect(person.page).toHaveURL(/\/home$/);
	const elsewhere = await people.sameAs(person);

	await new SigninPage(elsewhere.page).open();
	await elsewhere.page.getByRole('link', { name: 'Forgot your password?' }).click();
	await expect(elsewhere.page.getByRole('heading', { level: 1 })).toHaveText(
		'Forgot your password?'
	);
	await expectBasicAccessibility(elsewhere.page);
	await elsewhere.page.getByLabel('Email').fill(person.email);
	await elsewhere.page.getByRole('button', { name: 'Send me a link' }).click();
	await expect(elsewhere.page.getByRole('status')).toContainText(
		'If an account uses that email, a link to set a new password is on its way'
	);

	const mail = await waitForMail(person.email);
	expect(mail.subject).toBe('Your Tend account');
	expect(mail.text).not.toContain('Ilse');
	const link = resetLinkIn(mail.text);
	await visit(elsewhere.page, new URL(link).pathname);
	await expect(elsewhere.page.getByRole('heading', { level: 1 })).toHaveText('Set a new password');
	await expectBasicAccessibility(elsewhere.page);
	await elsewhere.page.getByLabel('New password').fill(NEW_PASSWORD);
	await elsewhere.page.getByRole('button', { name: 'Set new password' }).click();
	await expect(elsewhere.page).toHaveURL(/\/signin\?reset/);
	await expect(elsewhere.page.getByRole('status')).toContainText('Your password has changed');

	// Every session ended, the first browser's too.
	await reload(person.page);
	await expect(person.page).toHaveURL(/\/signin/);

	const signin = new SigninPage(elsewhere.page);
	await signin.submit(person.email, person.password);
	await signin.expectRefused();
	await signin.submit(person.email, NEW_PASSWORD);
	await expect(elsewhere.page).toHaveURL(/\/home$/);

	// The link worked once.
	await visit(elsewhere.page, new URL(link).pathname);
	await expect(elsewhere.page.getByText("This link doesn't work any more.")).toBeVisible();
});

test('high-safety mode: no reset email goes out; a recovery code sets a new password instead', async ({
	people
}) => {
	const person = await people.add('Sunniva');
	await seedAccount(person);
	const security = new SecurityPage(person.page);
	await security.open();
	await expect(security.highSafety()).toContainText('first set up two-step sign-in');
	const key = await security.startSetup();
	const codes = await security.confirm(authenticatorCode(key));
	await security.turnOnHighSafety(person.password);
	await expect(security.highSafety()).toContainText('High-safety mode is on.');

	const elsewhere = await people.sameAs(person);
	await visit(elsewhere.page, '/forgot');
	await elsewhere.page.getByLabel('Email').fill(person.email);
	await elsewhere.page.getByRole('button', { name: 'Send me a link' }).click();
	await expect(elsewhere.page.getByRole('status')).toContainText(
		'If an account uses that email, a link to set a new password is on its way'
	);
	await expect(waitForMail(person.email, 3_000)).rejects.toThrow(/No mail/);

	await elsewhere.page
		.getByRole('link', { name: 'Set a new password with a recovery code' })
		.click();
	await expect(elsewhere.page.getByRole('heading', { level: 1 })).toHaveText('Use a recovery code');
	await expectBasicAccessibility(elsewhere.page);
	await elsewhere.page.getByLabel('Email').fill(person.email);
	await elsewhere.page.getByLabel('Recovery code').fill(codes[2]);
	await elsewhere.page.getByLabel('New password').fill(NEW_PASSWORD);
	await elsewhere.page.getByRole('button', { name: 'Set new password' }).click();
	await expect(elsewhere.page).toHaveURL(/\/signin\?reset/);

	// Two-step sign-in stays on: the new password, then a code.
	const signin = new SigninPage(elsewhere.page);
	await signin.submit(person.email, NEW_PASSWORD);
	const step = new CodeStepPage(elsewhere.page);
	await step.expectOpen();
	await step.enter(authenticatorCode(key, 30));
	await expect(elsewhere.page).toHaveURL(/\/home$/);
});
