import { expect, type Locator, type Page } from '@playwright/test';
import type { People, Person } from '../fixtures';
import { NEUTRAL_SITE } from '../neutral-site';

/** Answers quick exit's neutral site locally, and lets the journey go there. */
export async function serveNeutralSite(people: People, person: Person) {
	people.allow(NEUTRAL_SITE);
	await person.context.route(`${new URL(NEUTRAL_SITE).origin}/**`, (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: '<!doctype html><title>Weather</title><h1>Light rain later</h1>'
		})
	);
}

export async function expectOnNeutralSite(page: Page) {
	await expect(page).toHaveURL(NEUTRAL_SITE);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Light rain later');
}

export function quickExitLink(page: Page): Locator {
	return page.getByRole('link', { name: 'Quick exit' });
}

/** The lock screen: the unlock page, or the screen laid over a page when the idle time is up. */
export class LockScreen {
	constructor(readonly page: Page) {}

	heading() {
		return this.page.getByRole('heading', { name: 'Your private pages are locked' });
	}

	async expectShown() {
		await expect(this.heading()).toBeVisible();
	}

	async unlockWithPin(pin: string) {
		await this.page.getByLabel('Your PIN').fill(pin);
		await this.page.getByRole('button', { name: 'Unlock' }).first().click();
	}

	/** With a PIN set, the password form is one step away ("Use your password instead"). */
	async unlockWithPassword(password: string) {
		await this.expectShown();
		const toggle = this.page.getByText('Use your password instead');
		if ((await toggle.count()) > 0) {
			await toggle.click();
		}
		await this.page.getByLabel('Your password').fill(password);
		await this.page.getByRole('button', { name: 'Unlock' }).last().click();
	}
}

/** Settings → Locking your private pages. */
export class LockSettingsPage {
	constructor(readonly page: Page) {}

	async openFromSettings() {
		await this.page.getByRole('link', { name: 'Locking your private pages' }).click();
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(
			'Locking your private pages'
		);
	}

	async lockAfter(minutes: number) {
		const card = this.page.getByRole('region', { name: 'When it locks' });
		await card.getByLabel('Lock after').selectOption(String(minutes));
		await card.getByRole('button', { name: 'Save' }).click();
		await expect(card.getByRole('status')).toHaveText('Saved.');
	}

	async setPin(pin: string, password: string) {
		const card = this.page.getByRole('region', { name: 'App PIN' });
		await card.getByLabel('New PIN', { exact: true }).fill(pin);
		await card.getByLabel('New PIN again').fill(pin);
		await card.getByLabel('Current password').fill(password);
		await card.getByRole('button', { name: 'Set PIN' }).click();
		await expect(card.getByRole('status')).toHaveText('Your PIN is set.');
	}
}
