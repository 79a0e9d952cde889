import { expect, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { visit } from '../fixtures';

/** What an authenticator app shows for a setup key, `offsetSeconds` from now. */
export function authenticatorCode(setupKey: string, offsetSeconds = 0): string {
	return new TOTP({
		secret: Secret.fromBase32(setupKey.replace(/\s/g, '')),
		algorithm: 'SHA1',
		digits: 6,
		period: 30
	}).generate({ timestamp: Date.now() + offsetSeconds * 1000 });
}

/** Settings → Two-step sign-in and recovery. */
export class SecurityPage {
	constructor(readonly page: Page) {}

	async open() {
		await visit(this.page, '/settings/security');
		await this.expectOpen();
	}

	async expectOpen() {
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(
			'Two-step sign-in and recovery'
		);
	}

	twoFactor() {
		return this.page.getByRole('region', { name: 'Two-step sign-in' });
	}

	highSafety() {
		return this.page.getByRole('region', { name: 'High-safety mode' });
	}

	/** Starts setting up, reads the key as a person typing it into their app would. */
	async startSetup(): Promise<string> {
		await this.twoFactor().getByRole('button', { name: 'Set up two-step sign-in' }).click();
		await expect(
			this.twoFactor().getByRole('img', { name: 'QR code to add Tend to your authenticator app' })
		).toBeVisible();
		const key = (await this.page.getByTestId('setup-key').innerText()).trim();
		expect(key).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);

		return key;
	}

	/** Confirms with a code from the app; returns the recovery codes shown once. */
	async confirm(code: string): Promise<string[]> {
		await this.twoFactor().getByLabel('Code from your app').fill(code);
		await this.twoFactor().getByRole('button', { name: 'Turn on two-step sign-in' }).click();
		const codes = this.page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
		await expect(codes).toHaveCount(10);
		await expect(this.twoFactor().getByRole('status')).toHaveText('Two-step sign-in is on.');

		return (await codes.allInnerTexts()).map((code) => code.trim());
	}

	async turnOnHighSafety(password: string) {
		await this.highSafety().getByLabel('Your password').fill(password);
		await this.highSafety().getByRole('button', { name: 'Turn on high-safety mode' }).click();
		await expect(this.highSafety().getByRole('status')).toContainText('High-safety mode is on');
	}
}

/** The second step of signing in. */
export class CodeStepPage {
	constructor(readonly page: Page) {}

	async expectOpen() {
		await expect(this.page).toHaveURL(/\/signin\/code/);
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('One more step');
	}

	async enter(code: string) {
		await this.page.getByLabel('Code', { exact: true }).fill(code);
		await this.page.getByRole('button', { name: 'Continue' }).click();
	}
}
