import { test, expect, reload } from './fixtures';
import { SigninPage } from './pages/account';
import { HomePage } from './pages/partner';
import { SettingsPage } from './pages/settings';
import { expectBasicAccessibility } from './pages/a11y';
import { seedAccount, seedCouple } from './seed';
import type { Person } from './fixtures';

const today = () => new Date().toISOString().slice(0, 10);

async function seedCheckin(person: Person, note: string, visibility: 'private' | 'shared') {
	const response = await person.page.request.put(`/api/v1/checkins/${today()}`, {
		data: { mood: 4, feelings: ['glad'], note, visibility }
	});
	expect(response.status(), await response.text()).toBe(200);
}

test('downloading your data, then deleting your account for good', async ({ people }) => {
	const nadia = await people.add('Nadia');
	const omar = await people.add('Omar');
	await seedAccount(nadia);
	await seedAccount(omar);
	await seedCouple(nadia, omar);
	await seedCheckin(nadia, 'only for my own eyes <b>today</b>', 'private');
	await seedCheckin(omar, 'a quiet worry of my own', 'private');
	const gift = await nadia.page.request.post('/api/v1/appreciations', {
		data: { text: 'the bread you baked on Sunday' }
	});
	expect(gift.status()).toBe(201);

	// Nadia downloads both copies from Settings → Your data.
	const settings = new SettingsPage(nadia.page);
	await settings.open();
	await expectBasicAccessibility(nadia.page);
	const page = await settings.downloadExport('page');
	expect(page.filename).toMatch(/^export-\d{4}-\d{2}-\d{2}\.html$/);
	expect(page.text).toContain('only for my own eyes &lt;b&gt;today&lt;/b&gt;');
	expect(page.text).toContain('Linked with Omar');
	expect(page.text).not.toContain('a quiet worry of my own');
	expect(page.text).not.toMatch(/<script/i);
	const file = await settings.downloadExport('json');
	expect(file.filename).toMatch(/^export-\d{4}-\d{2}-\d{2}\.json$/);
	const data = JSON.parse(file.text) as {
		format: string;
		profile: { name: string };
		checkins: { note: string | null }[];
	};
	expect(data.format).toBe('tend-export');
	expect(data.profile.name).toBe('Nadia');
	expect(data.checkins.map((checkin) => checkin.note)).toEqual([
		'only for my own eyes <b>today</b>'
	]);

	// Deleting takes two steps and the password; a wrong one deletes nothing.
	const deletion = await settings.openDeleteAccount();
	await expectBasicAccessibility(nadia.page);
	await expect(nadia.page.getByRole('main')).toContainText('Your link with Omar ends');
	await deletion.confirm('not my password at all');
	await deletion.expectRefused();
	await deletion.confirm(nadia.password);
	await deletion.expectDeleted();
	await expectBasicAccessibility(nadia.page);

	// The old details no longer sign in.
	const signin = new SigninPage(nadia.page);
	await signin.open();
	await signin.submit(nadia.email, nadia.password);
	await signin.expectRefused();

	// Omar just sees that no partner is linked, and Nadia's appreciation is gone.
	const home = new HomePage(omar.page);
	await home.open();
	await home.expectUnlinked();
	await expect(omar.page.getByRole('main')).not.toContainText('Nadia');
	await reload(omar.page);
	const jar = await omar.page.request.get('/api/v1/appreciations');
	expect(await jar.text()).not.toContain('the bread you baked on Sunday');
});

test('without JavaScript: deleting the account is a plain form', async ({ people }) => {
	const ines = await people.add('Ines', { javaScriptEnabled: false });
	await seedAccount(ines);
	const settings = new SettingsPage(ines.page);
	await settings.open();
	const deletion = await settings.openDeleteAccount();
	await deletion.confirm('a wrong guess entirely');
	await deletion.expectRefused();
	await deletion.confirm(ines.password);
	await deletion.expectDeleted();
	const me = await ines.page.request.get('/api/v1/me');
	expect(me.status()).toBe(401);
});
