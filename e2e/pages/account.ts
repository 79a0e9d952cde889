import { expect, type Page } from '@playwright/test';
import { visit, type Person } from '../fixtures';

export type StartChoice = 'Invite my partner' | 'My partner invited me' | 'Start on my own';

export class SignupPage {
	constructor(readonly page: Page) {}

	/** From the landing page, as a newcomer would. */
	async openFromLanding() {
		await visit(this.page, '/');
		await this.page.getByRole('link', { name: 'Create your account' }).click();
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Create your account');
	}

	async signUp(person: Pick<Person, 'name' | 'email' | 'password'>) {
		await this.page.getByLabel('Your name').fill(person.name);
		await this.page.getByLabel('Email').fill(person.email);
		await this.page.getByLabel('New password').fill(person.password);
		await this.page.getByRole('button', { name: 'Create account' }).click();
		await expect(this.page).toHaveURL(/\/onboarding(\?|$)/);
	}
}

export class OnboardingPage {
	constructor(readonly page: Page) {}

	/** Step 1: name and time zone. */
	async aboutYou(name: string, timeZone: string) {
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('A little about you');
		await this.page.getByLabel('Your name').fill(name);
		const zone = this.page.getByLabel('Time zone');
		await zone.selectOption(timeZone);
		await expect(zone).toHaveValue(timeZone);
		await this.page.getByRole('button', { name: 'Continue' }).click();
	}

	/** Step 2: how to begin. */
	async choose(choice: StartChoice) {
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(
			'How would you like to begin?'
		);
		await this.page.getByRole('link', { name: choice }).click();
	}
}

export class SigninPage {
	constructor(readonly page: Page) {}

	async open(next?: string) {
		await visit(this.page, next ? `/signin?next=${encodeURIComponent(next)}` : '/signin');
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Welcome back');
	}

	async submit(email: string, password: string) {
		await this.page.getByLabel('Email').fill(email);
		await this.page.getByLabel('Password', { exact: true }).fill(password);
		await this.page.getByRole('button', { name: 'Sign in' }).click();
	}

	async signIn(person: Pick<Person, 'email' | 'password'>) {
		await this.submit(person.email, person.password);
		await expect(this.page).toHaveURL(/\/home$/);
	}

	async expectRefused() {
		await expect(this.page.getByRole('alert')).toContainText("don't match an account");
		await expect(this.page).toHaveURL(/\/signin/);
	}
}

/** The header and navigation every signed-in page has. */
export class AppShell {
	constructor(readonly page: Page) {}

	async goTo(section: 'Home' | 'Partner' | 'Settings') {
		await this.page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: section })
			.click();
	}

	async signOut() {
		await this.page.getByRole('button', { name: 'Sign out', exact: true }).click();
		await expect(this.page).toHaveURL(/\/$/);
		await expect(this.page.getByRole('link', { name: 'Create your account' })).toBeVisible();
	}
}

/** Sign-up through the landing page and step 1 of onboarding, then a choice for step 2. */
export async function signUpAndOnboard(
	person: Person,
	{ timeZone, choice }: { timeZone: string; choice: StartChoice }
) {
	const signup = new SignupPage(person.page);
	await signup.openFromLanding();
	await signup.signUp(person);
	const onboarding = new OnboardingPage(person.page);
	await onboarding.aboutYou(person.name, timeZone);
	await onboarding.choose(choice);
}
