import type { Page } from '@playwright/test';
import { test, expect, visit } from './fixtures';
import { seedAccount, seedCouple } from './seed';
import { TodayPage } from './pages/today';

/**
 * XSS-06 / LOG-01: what people write never lands in the browser's own storage. Two partners write
 * a canary into every text field of Today, walk through every page that shows it, and then the
 * browser's localStorage, sessionStorage, IndexedDB and Cache Storage must hold none of it.
 */

/** Everything the page's origin has stored, as one string to search. */
async function storedByTheBrowser(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const parts: string[] = [];
		for (const storage of [localStorage, sessionStorage]) {
			for (let i = 0; i < storage.length; i += 1) {
				const key = storage.key(i) ?? '';
				parts.push(key, storage.getItem(key) ?? '');
			}
		}
		const databases = await indexedDB.databases();
		parts.push(...databases.map((database) => `indexedDB:${database.name ?? ''}`));
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) {
				const response = await cache.match(request);
				parts.push(request.url, (await response?.text()) ?? '');
			}
		}

		return parts.join('\n');
	});
}

test('nothing anyone writes is kept in browser storage', async ({ people }) => {
	const canary = `canary${Date.now().toString(36)}`;
	const ana = await people.add('Ana');
	const ben = await people.add('Ben');
	await seedAccount(ana);
	await seedAccount(ben);
	await seedCouple(ana, ben);

	const anaToday = new TodayPage(ana.page);
	await anaToday.open();
	await anaToday.checkIn({
		mood: 'Okay',
		family: 'Happy',
		feelings: ['glad'],
		note: `${canary} note`,
		share: true
	});
	await anaToday.answer(`${canary} answer`);
	await anaToday.appreciate(`${canary}: the way you fixed the gate on Sunday morning`);

	const benToday = new TodayPage(ben.page);
	await benToday.open();
	await benToday.answer(`${canary} reply of Ben`);
	await expect(benToday.question()).toContainText(`${canary} answer`);
	const anaCheckin = ben.page.getByRole('region', { name: 'How Ana is today' });
	await anaCheckin.getByText('Write a short reply').click();
	await anaCheckin.getByLabel('Your reply').fill(`${canary} short reply`);
	await anaCheckin.getByRole('button', { name: 'Send reply' }).click();
	await expect(anaCheckin.getByRole('list', { name: 'Responses' })).toContainText(canary);

	for (const person of [ana, ben]) {
		for (const path of ['/today', '/jar', '/history', '/home', '/settings']) {
			await visit(person.page, path);
		}
		await expect(person.page.getByRole('heading', { level: 1 })).toBeVisible();
		const stored = await storedByTheBrowser(person.page);
		expect(stored, `browser storage of ${person.name}`).not.toContain(canary);
	}
	// The canary is on the pages themselves, so the search above would have found it in storage.
	await visit(ana.page, '/history');
	await expect(ana.page.getByRole('main')).toContainText(`${canary} note`);
});
