import { test, expect, visit } from './fixtures';
import { seedAccount } from './seed';
import { SignupPage } from './pages/account';
import { SettingsPage } from './pages/settings';
import { TodayPage } from './pages/today';
import { expectBasicAccessibility } from './pages/a11y';
import {
	expectOnNeutralSite,
	LockScreen,
	LockSettingsPage,
	quickExitLink,
	serveNeutralSite
} from './pages/safety';
import { NEUTRAL_SITE, OPERATOR_NAME } from './neutral-site';

const today = () => new Date().toISOString().slice(0, 10);
const PRIVATE_NOTE = 'the thing I have not told anyone yet';

test('quick exit by the button: a neutral site takes Tend’s place, and Tend locks', async ({
	people
}) => {
	const nina = await people.add('Nina');
	await seedAccount(nina);
	await serveNeutralSite(people, nina);
	const saved = await nina.page.request.put(`/api/v1/checkins/${today()}`, {
		data: { mood: 2, feelings: ['tired'], note: PRIVATE_NOTE, visibility: 'private' }
	});
	expect(saved.status()).toBe(200);

	await visit(nina.page, '/history');
	await expect(nina.page.getByText(PRIVATE_NOTE)).toBeVisible();
	await quickExitLink(nina.page).click();
	await expectOnNeutralSite(nina.page);

	// The page that was left is gone from Back: the tab's history holds only what came before.
	await nina.page.goBack();
	await expect(nina.page).toHaveURL('about:blank');

	// Whoever opens Tend again on this device finds the private pages locked.
	await visit(nina.page, '/history');
	await new LockScreen(nina.page).expectShown();
	await expect(nina.page.getByText(PRIVATE_NOTE)).toHaveCount(0);
});

test('quick exit by pressing Shift three times, from a signed-in page and from help', async ({
	people
}) => {
	const omar = await people.add('Omar');
	await seedAccount(omar);
	await serveNeutralSite(people, omar);

	await visit(omar.page, '/home');
	for (let i = 0; i < 3; i += 1) {
		await omar.page.keyboard.press('Shift');
	}
	await expectOnNeutralSite(omar.page);
	await omar.page.goBack();
	await expect(omar.page).toHaveURL('about:blank');

	const stranger = await people.add('Visitor');
	await serveNeutralSite(people, stranger);
	await visit(stranger.page, '/help');
	for (let i = 0; i < 3; i += 1) {
		await stranger.page.keyboard.press('Shift');
	}
	await expectOnNeutralSite(stranger.page);
});

test('without JavaScript, quick exit is a plain link to the neutral site', async ({ people }) => {
	const pat = await people.add('Pat', { javaScriptEnabled: false });
	await seedAccount(pat);
	await serveNeutralSite(people, pat);

	await visit(pat.page, '/today');
	await expect(quickExitLink(pat.page)).toHaveAttribute('href', NEUTRAL_SITE);
	await quickExitLink(pat.page).click();
	await expectOnNeutralSite(pat.page);
});

test('private pages lock after the idle time; the PIN or the password opens them', async ({
	people
}) => {
	const iris = await people.add('Iris');
	await seedAccount(iris);
	// The browser's clock is the test's: ten idle minutes pass in a moment.
	await iris.page.clock.install();
	const todayPage = new TodayPage(iris.page);
	await todayPage.open();
	await todayPage.checkIn({
		mood: 'Low',
		family: 'Tired and overwhelmed',
		feelings: ['drained'],
		note: PRIVATE_NOTE
	});

	const settings = new SettingsPage(iris.page);
	await settings.open();
	const lockSettings = new LockSettingsPage(iris.page);
	await lockSettings.openFromSettings();
	await expectBasicAccessibility(iris.page);
	await lockSettings.lockAfter(5);
	await lockSettings.setPin('4827', iris.password);

	// On a private page, the lock takes its place at once.
	await visit(iris.page, '/history');
	await expect(iris.page.getByText(PRIVATE_NOTE)).toBeVisible();
	await iris.page.clock.fastForward('05:01');
	const lock = new LockScreen(iris.page);
	await lock.expectShown();
	await expect(iris.page).toHaveURL(/\/unlock\?next=%2Fhistory$/);
	await expect(iris.page.getByText(PRIVATE_NOTE)).toHaveCount(0);
	await expectBasicAccessibility(iris.page);
	await lock.unlockWithPin('1111');
	await expect(iris.page.getByRole('alert')).toContainText("That PIN isn't right.");
	await lock.unlockWithPin('4827');
	await expect(iris.page).toHaveURL(/\/history$/);
	await expect(iris.page.getByText(PRIVATE_NOTE)).toBeVisible();

	// On Today the lock screen covers the page; going on shows the shared space only.
	await todayPage.open();
	await iris.page.clock.fastForward('05:01');
	const screen = iris.page.getByRole('dialog', { name: 'Your private pages are locked' });
	await expect(screen).toBeVisible();
	await expect(screen.getByLabel('Your PIN')).toBeVisible();
	await screen.getByRole('button', { name: 'Go on without unlocking' }).click();
	const checkin = iris.page.getByRole('region', { name: 'Check in' });
	await expect(checkin).toContainText("This part is private, and it's locked for now.");
	await expect(checkin.getByRole('textbox')).toHaveCount(0);

	await checkin.getByRole('link', { name: 'Unlock to see it' }).click();
	await lock.unlockWithPassword(iris.password);
	await expect(iris.page).toHaveURL(/\/today$/);
	await expect(checkin.getByLabel("What I'm carrying (optional)")).toHaveValue(PRIVATE_NOTE);
});

test('the help page opens without signing in, under a plain title, with the operator notice', async ({
	people
}) => {
	const visitor = await people.add('Quinn');
	await serveNeutralSite(people, visitor);
	await visit(visitor.page, '/');
	await visitor.page.getByRole('link', { name: 'Help', exact: true }).click();

	await expect(visitor.page).toHaveTitle('Help');
	await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('Help');
	await expectBasicAccessibility(visitor.page);
	const leaving = visitor.page.getByRole('region', { name: 'Leaving in a hurry' });
	await expect(leaving).toContainText('history');
	await expect(visitor.page.getByRole('region', { name: 'Finding support' })).toContainText(
		'emergency number'
	);
	await expect(visitor.page.getByRole('region', { name: 'Who runs this Tend' })).toContainText(
		`This Tend is run by ${OPERATOR_NAME}.`
	);

	// Reachable by keyboard: after the skip link and the home link comes quick exit.
	await visitor.page.keyboard.press('Tab');
	await visitor.page.keyboard.press('Tab');
	await visitor.page.keyboard.press('Tab');
	await expect(quickExitLink(visitor.page)).toBeFocused();
	await visitor.page.keyboard.press('Enter');
	await expectOnNeutralSite(visitor.page);
});

test('onboarding says who runs this Tend and what they can technically see', async ({ people }) => {
	const rosa = await people.add('Rosa');
	const signup = new SignupPage(rosa.page);
	await signup.openFromLanding();
	await signup.signUp(rosa);

	const notice = rosa.page.getByRole('region', { name: 'Who runs this Tend' });
	await expect(notice).toContainText(`This Tend is run by ${OPERATOR_NAME}.`);
	await expect(notice).toContainText('end-to-end encrypted');
	await expect(notice).toContainText('neither you nor your partner runs');
});
