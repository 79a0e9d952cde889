import fs from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { visit } from '../fixtures';

export class SettingsPage {
	constructor(readonly page: Page) {}

	async open() {
		await visit(this.page, '/settings');
		await this.expectOpen();
	}

	async expectOpen() {
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Settings');
	}

	/** Leaving takes two steps: the link in Settings, then "Leave now" on the page that explains it. */
	async leaveLink(partner: string) {
		await this.expectOpen();
		await this.page.getByRole('link', { name: 'Leave the link' }).click();
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(
			`Leave your link with ${partner}?`
		);
		await this.page.getByRole('button', { name: 'Leave now' }).click();
		await this.expectOpen();
		await expect(this.page.getByRole('status')).toContainText("You've left the link");
	}

	/** Downloads the export from "Your data"; returns the file's name and text. */
	async downloadExport(kind: 'page' | 'json') {
		const name =
			kind === 'page' ? 'Download a page you can read' : 'Download a file for other apps (JSON)';
		const region = this.page.getByRole('region', { name: 'Your data' });
		const [download] = await Promise.all([
			this.page.waitForEvent('download'),
			region.getByRole('link', { name }).click()
		]);

		return {
			filename: download.suggestedFilename(),
			text: fs.readFileSync(await download.path(), 'utf8')
		};
	}

	/** Deleting takes two steps: the link in Settings, then the password on the page that explains it. */
	async openDeleteAccount() {
		await this.expectOpen();
		await this.page.getByRole('link', { name: 'Delete my account' }).click();
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Delete your account?');

		return new DeleteAccountPage(this.page);
	}

	async openSessions() {
		await this.page.getByRole('link', { name: "Where you're signed in" }).click();
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText("Where you're signed in");

		return new SessionsPage(this.page);
	}

	async openPassword() {
		await this.page.getByRole('link', { name: 'Change your password' }).click();
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Change your password');

		return new PasswordPage(this.page);
	}
}

export class SessionsPage {
	readonly list: Locator;

	constructor(readonly page: Page) {
		this.list = page.getByRole('list', { name: 'Your sessions' });
	}

	sessions() {
		return this.list.getByRole('listitem');
	}

	async endSession(device: string) {
		await this.list.getByRole('button', { name: `Sign out ${device}` }).click();
		await expect(this.page.getByRole('status')).toHaveText('That session has ended.');
	}

	async endAllOthers() {
		await this.page.getByRole('button', { name: 'Sign out everywhere else' }).click();
		await expect(this.page.getByRole('status')).toContainText('signed out everywhere except here');
	}
}

export class PasswordPage {
	constructor(readonly page: Page) {}

	async change(current: string, next: string) {
		await this.page.getByLabel('Current password').fill(current);
		await this.page.getByLabel('New password').fill(next);
		await this.page.getByRole('button', { name: 'Change password' }).click();
	}
}

export class DeleteAccountPage {
	constructor(readonly page: Page) {}

	async confirm(password: string) {
		await this.page.getByLabel('Your password').fill(password);
		await this.page.getByRole('button', { name: 'Delete my account for good' }).click();
	}

	async expectRefused() {
		await expect(this.page.getByRole('alert')).toContainText("That password isn't right");
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Delete your account?');
	}

	async expectDeleted() {
		await expect(this.page).toHaveURL(/\/\?deleted$/);
		await expect(this.page.getByRole('status')).toContainText(
			'Your account and everything you wrote'
		);
	}
}
