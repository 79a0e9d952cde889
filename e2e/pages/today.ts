import { expect, type Page } from '@playwright/test';
import { visit } from '../fixtures';

/** The Today page: check-in, question of the day, appreciation, responses. */
export class TodayPage {
	constructor(private readonly page: Page) {}

	async open() {
		await visit(this.page, '/today');
		await expect(this.page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
	}

	async checkIn(options: {
		mood: string;
		family: string;
		feelings: string[];
		note?: string;
		share?: boolean;
	}) {
		const checkin = this.page.getByRole('region', { name: 'Check in' });
		await checkin.getByLabel(options.mood, { exact: true }).check();
		await checkin.getByText(options.family, { exact: true }).click();
		for (const feeling of options.feelings) {
			await checkin.getByLabel(feeling, { exact: true }).check();
		}
		if (options.note) {
			await checkin.getByLabel("What I'm carrying (optional)").fill(options.note);
		}
		if (options.share !== undefined) {
			await checkin.getByLabel(options.share ? 'Share with my partner' : 'Keep it private').check();
		}
		await checkin.getByRole('button', { name: /Save my check-in|Update my check-in/ }).click();
		await expect(checkin.getByRole('status')).toContainText('Saved');
	}

	async answer(text: string) {
		const question = this.page.getByRole('region', { name: 'Question of the day' });
		await question.getByLabel('Your answer').fill(text);
		await question.getByRole('button', { name: 'Answer', exact: true }).click();
		await expect(question.getByRole('heading', { name: 'Your answer' })).toBeVisible();
	}

	question() {
		return this.page.getByRole('region', { name: 'Question of the day' });
	}

	async appreciate(text: string) {
		const card = this.page.getByRole('region', { name: 'Appreciate' });
		await card.getByRole('textbox').first().fill(text);
		await card.getByRole('button', { name: 'Add to the jar' }).click();
		await expect(card.getByRole('status')).toContainText('Added to the jar');
	}
}
