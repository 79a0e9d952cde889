import { test, expect } from './fixtures';
import { AppShell, SigninPage, signUpAndOnboard } from './pages/account';
import { HomePage } from './pages/partner';
import { authenticatorCode, CodeStepPage } from './pages/security';
import { seedAccount, signOutViaApi } from './seed';

test('without JavaScript: sign up, sign out, a wrong password, then in', async ({ people }) => {
	// Regression: with `Referrer-Policy: no-referrer` Chromium sent `Origin: null` on plain form
	// posts, and the origin check refused every form used without JavaScript.
	const nadia = await people.add('Nadia', { javaScriptEnabled: false });
	const posts: string[] = [];
	nadia.page.on('request', (request) => {
		if (request.method() === 'POST') {
			posts.push(`${request.resourceType()} ${new URL(request.url()).pathname}`);
		}
	});

	// Plain form posts all the way: sign-up, onboarding (the zone list works unaided), home.
	await signUpAndOnboard(nadia, { timeZone: 'Asia/Tokyo', choice: 'Start on my own' });
	const home = new HomePage(nadia.page);
	await home.expectGreeting('Nadia');
	await home.expectUnlinked();

	await new AppShell(nadia.page).signOut();
	await nadia.page.getByRole('link', { name: 'I already have one' }).click();
	const signin = new SigninPage(nadia.page);
	await signin.submit(nadia.email, 'a wrong guess entirely');
	await signin.expectRefused();
	// The email is kept for the next try; the password never is.
	await expect(nadia.page.getByLabel('Email')).toHaveValue(nadia.email);
	await expect(nadia.page.getByLabel('Password', { exact: true })).toHaveValue('');

	await signin.signIn(nadia);
	await home.expectGreeting('Nadia');
	const me = await nadia.page.request.get('/api/v1/me');
	expect((await me.json()).profile.timeZone).toBe('Asia/Tokyo');
	// Each form was a whole-page POST, never a script's fetch.
	expect(posts).toEqual([
		'document /signup',
		'document /onboarding',
		'document /signout',
		'document /signin',
		'document /signin'
	]);
});

test('without JavaScript: two-step sign-in, the code step included', async ({ people }) => {
	const otto = await people.add('Otto', { javaScriptEnabled: false });
	await seedAccount(otto);
	const { request } = otto.page;
	const setup = await request.post('/api/v1/me/two-factor/setup');
	const { setupKey } = (await setup.json()) as { setupKey: string };
	const enabled = await request.post('/api/v1/me/two-factor/enable', {
		data: { code: authenticatorCode(setupKey) }
	});
	expect(enabled.status()).toBe(200);
	await signOutViaApi(otto);

	const signin = new SigninPage(otto.page);
	await signin.open();
	await signin.submit(otto.email, otto.password);
	const step = new CodeStepPage(otto.page);
	await step.expectOpen();
	await step.enter(authenticatorCode(setupKey, 30));
	await new HomePage(otto.page).expectGreeting('Otto');
});
