import { expect, type Page } from '@playwright/test';
import { visit } from '../fixtures';

export type Practice = 'Closer' | "Something I haven't said" | 'Ten minutes' | 'Phones down';
export type Mode = 'On one phone, passed between you' | 'On two phones, one each' | 'On my own';

/** The Talk together hub and one guided conversation, as either partner sees them. */
export class ConversationPage {
	constructor(readonly page: Page) {}

	async openHub() {
		await visit(this.page, '/conversations');
		await expect(this.page.getByRole('heading', { level: 1, name: 'Talk together' })).toBeVisible();
	}

	practice(name: Practice) {
		return this.page.getByRole('region', { name, exact: true });
	}

	async start(name: Practice, mode?: Mode) {
		await this.openHub();
		const card = this.practice(name);
		if (mode) {
			await card.getByLabel(mode).check();
		}
		await card.getByRole('button', { name: `Start ${name}` }).click();
		await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
	}

	/** The large "whose turn" line. */
	turn() {
		return this.page.locator('#turn');
	}

	/** The prompt, stem or question on the table. */
	prompt() {
		return this.page.getByRole('heading', { level: 2 }).first();
	}

	timer() {
		return this.page.getByRole('timer', { name: 'Time left' });
	}

	/** How many moves the screen has seen (every move form carries it); -1 when none is shown. */
	async seq(): Promise<number> {
		const field = this.page.locator('input[name="at"]');
		if ((await field.count()) === 0) {
			return -1;
		}

		return Number(await field.first().inputValue());
	}

	/** The part of the screen for the step on the table. */
	stage() {
		return this.page.locator('section.stage');
	}

	async press(name: string) {
		await this.page.getByRole('button', { name, exact: true }).click();
	}
}
