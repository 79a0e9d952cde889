import { expect, type Page } from '@playwright/test';
import { visit } from '../fixtures';

export type Invite = { url: string; code: string };

export const INVITE_REFUSED = "This invite doesn't work";

export class PartnerPage {
	constructor(readonly page: Page) {}

	async open() {
		await visit(this.page, '/partner');
		await this.expectOpen();
	}

	async expectOpen() {
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Your partner');
	}

	async makeInvite(): Promise<Invite> {
		await this.page.getByRole('button', { name: 'Make an invite link' }).click();

		return this.shownInvite();
	}

	/** Replaces the shown (or open) invite with a new one. */
	async makeNewInvite(previous?: Invite): Promise<Invite> {
		await this.page.getByRole('button', { name: 'Make a new link' }).click();
		if (previous) {
			await expect(this.page.getByTestId('invite-code')).not.toHaveText(previous.code);
		}

		return this.shownInvite();
	}

	async cancelInvite() {
		await this.page.getByRole('button', { name: 'Cancel the invite' }).click();
		await expect(this.page.getByTestId('invite-code')).toHaveCount(0);
		await expect(this.page.getByRole('button', { name: 'Make an invite link' })).toBeVisible();
	}

	private async shownInvite(): Promise<Invite> {
		const url = this.page.getByTestId('invite-url');
		const code = this.page.getByTestId('invite-code');
		await expect(url).toHaveText(/\/join\/[0-9A-Z]{25}$/);
		await expect(code).toHaveText(/^([0-9A-Z]{5}-){4}[0-9A-Z]{5}$/);

		return { url: (await url.innerText()).trim(), code: (await code.innerText()).trim() };
	}

	/** The "Join your partner" form, with a typed or pasted code or link. */
	async join(codeOrLink: string) {
		const form = this.page.getByRole('region', { name: 'Join your partner' });
		await form.getByLabel('Invite code or link').fill(codeOrLink);
		await form.getByRole('button', { name: 'Join' }).click();
	}

	async expectJoinRefused(message: string | RegExp = INVITE_REFUSED) {
		await expect(
			this.page.getByRole('region', { name: 'Join your partner' }).getByRole('alert')
		).toContainText(message);
		await expect(this.page).toHaveURL(/\/partner/);
	}
}

/** /join/<code>, the page an invite link opens. */
export class JoinPage {
	constructor(readonly page: Page) {}

	async expectInvitation() {
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(
			"You've been invited to Tend"
		);
	}

	async createAccount() {
		await this.expectInvitation();
		await this.page.getByRole('link', { name: 'Create an account' }).click();
	}

	async accept() {
		await this.expectInvitation();
		await this.page.getByRole('button', { name: 'Accept and link' }).click();
		await expect(this.page).toHaveURL(/\/home$/);
	}
}

export class HomePage {
	constructor(readonly page: Page) {}

	async open() {
		await visit(this.page, '/home');
	}

	async expectGreeting(name: string) {
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(`Hello, ${name}`);
	}

	async expectLinked(name: string, partner: string) {
		await expect(this.page.getByRole('heading', { name: `${name} and ${partner}` })).toBeVisible();
	}

	async expectUnlinked() {
		await expect(this.page.getByRole('heading', { name: 'No partner linked' })).toBeVisible();
	}
}
