import { expect, type Page } from '@playwright/test';

/**
 * Cheap checks that every page should pass: one h1, a skip link to the main landmark, and a
 * label (accessible name) on every form control and button.
 */
export async function expectBasicAccessibility(page: Page) {
	const where = page.url();
	await expect(page.getByRole('heading', { level: 1 }), `one h1 on ${where}`).toHaveCount(1);
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip, `skip link on ${where}`).toHaveCount(1);
	await expect(skip).toHaveAttribute('href', '#main');
	await expect(page.getByRole('main'), `main landmark on ${where}`).toHaveAttribute('id', 'main');

	const unnamed = await page.evaluate(() => {
		const controls = [...document.querySelectorAll('input, select, textarea')].filter(
			(el) => !(el instanceof HTMLInputElement && el.type === 'hidden')
		) as (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[];
		const buttons = [...document.querySelectorAll('button')];

		return [
			...controls
				.filter((el) => (el.labels?.length ?? 0) === 0 && !el.getAttribute('aria-labelledby'))
				.map((el) => `${el.tagName.toLowerCase()}[name=${el.getAttribute('name')}]`),
			...buttons
				.filter((el) => !el.textContent?.trim() && !el.getAttribute('aria-label'))
				.map((el) => el.outerHTML.slice(0, 80))
		];
	});
	expect(unnamed, `controls without a label on ${where}`).toEqual([]);
}
