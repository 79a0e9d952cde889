import { test, expect, reload, visit } from './fixtures';
import { seedAccount, seedCouple } from './seed';
import { TodayPage } from './pages/today';
import { expectBasicAccessibility } from './pages/a11y';

test('two partners share a day: the answer is revealed only after answering', async ({
	people
}) => {
	// Same offset, different zones: the local dates always match, so the day is shared at any hour.
	const ana = await people.add('Ana', { timezoneId: 'Europe/Paris' });
	const ben = await people.add('Ben', { timezoneId: 'Europe/Berlin' });
	await seedAccount(ana, 'Europe/Paris');
	await seedAccount(ben, 'Europe/Berlin');
	await seedCouple(ana, ben);

	const anaToday = new TodayPage(ana.page);
	await anaToday.open();
	await expectBasicAccessibility(ana.page);
	await anaToday.checkIn({
		mood: 'Good',
		family: 'Happy',
		feelings: ['glad'],
		note: 'a long week behind me',
		share: true
	});
	await anaToday.answer('Walking by the river at dusk.');
	await expect(anaToday.question()).toContainText(
		"Ben's answer will appear here after they've answered."
	);
	await anaToday.appreciate(
		'Thank you for calling me on your lunch break yesterday, it lifted my whole afternoon.'
	);

	const benToday = new TodayPage(ben.page);
	await benToday.open();
	// Ana's answer is nowhere on Ben's page, nor in its data, until Ben answers.
	await expect(ben.page.getByText('Walking by the river at dusk.')).toHaveCount(0);
	const before = await ben.page.request.get('/api/v1/today');
	expect(await before.text()).not.toContain('Walking by the river at dusk.');
	// Ana's shared check-in and appreciation are there, and Ben turns toward them.
	const anaCheckin = ben.page.getByRole('region', { name: 'How Ana is today' });
	await expect(anaCheckin).toContainText('a long week behind me');
	await anaCheckin.getByRole('button', { name: 'I hear you.' }).click();
	await expect(anaCheckin.getByRole('list', { name: 'Responses' })).toContainText('I hear you.');
	await expect(ben.page.getByText('lifted my whole afternoon')).toBeVisible();

	await benToday.answer('Sunday mornings with coffee.');
	await expect(benToday.question()).toContainText('Walking by the river at dusk.');

	// Ana's page, open all along, shows Ben's answer without a reload: a live update.
	await expect(anaToday.question()).toContainText('Sunday mornings with coffee.');
	await anaToday.appreciate('The way you laughed at my terrible pun at breakfast.');
	await expect(ben.page.getByRole('region', { name: 'Appreciate' })).toContainText(
		'terrible pun at breakfast'
	);

	// Past days keep both answers for each of them, as they may see them.
	await ben.page.getByRole('link', { name: 'Past days' }).click();
	await expect(ben.page.getByRole('heading', { level: 1, name: 'Past days' })).toBeVisible();
	await expect(ben.page.getByRole('main')).toContainText('Walking by the river at dusk.');
	await expect(ben.page.getByRole('main')).toContainText('a long week behind me');
	// Ana sees Ben's response under her own check-in: no "seen" marker, just his words.
	await expect(
		ana.page.getByRole('region', { name: 'Check in' }).getByRole('list', { name: 'Responses' })
	).toContainText('I hear you.');
});

test('a day on your own works like a private journal, and "not today" is fine', async ({
	people
}) => {
	const cleo = await people.add('Cleo');
	await seedAccount(cleo);
	const today = new TodayPage(cleo.page);
	await today.open();
	await expect(cleo.page.getByText('this stays private')).toBeVisible();
	await today.checkIn({ mood: 'Low', family: 'Tired and overwhelmed', feelings: ['drained'] });
	await today.question().getByRole('button', { name: 'Not today' }).click();
	await expect(today.question()).toContainText('You chose “not today”');
	await today.answer('Quiet, mostly.');
	await today.appreciate('The neighbour who held the door for me this morning.');
	await expect(cleo.page.getByRole('region', { name: 'Appreciate' })).toContainText(
		'You appreciated today'
	);
});

test('a check-in can be completed with the keyboard alone', async ({ people }) => {
	const dev = await people.add('Dev');
	await seedAccount(dev);
	await new TodayPage(dev.page).open();
	const checkin = dev.page.getByRole('region', { name: 'Check in' });
	await checkin.getByLabel('Okay', { exact: true }).focus();
	await dev.page.keyboard.press('Space');
	await checkin.getByText('Calm and content', { exact: true }).focus();
	await dev.page.keyboard.press('Enter');
	await checkin.getByLabel('calm', { exact: true }).focus();
	await dev.page.keyboard.press('Space');
	await checkin.getByRole('button', { name: 'Save my check-in' }).focus();
	await dev.page.keyboard.press('Enter');
	await expect(checkin.getByRole('status')).toContainText('Saved');
});

test('pace and boundaries are set in Settings and kept', async ({ people }) => {
	const eli = await people.add('Eli');
	await seedAccount(eli);
	await visit(eli.page, '/settings');
	await eli.page.getByRole('link', { name: 'Pace and boundaries for the daily question' }).click();
	await expect(
		eli.page.getByRole('heading', { level: 1, name: 'Pace and boundaries' })
	).toBeVisible();
	await eli.page.getByLabel('Light — easy, everyday questions').check();
	await eli.page.getByLabel('Money').check();
	await eli.page.getByLabel('Sex').check();
	await eli.page.getByRole('button', { name: 'Save' }).click();
	await expect(eli.page.getByRole('status')).toContainText('Saved');
	await reload(eli.page);
	await expect(eli.page.getByLabel('Light — easy, everyday questions')).toBeChecked();
	await expect(eli.page.getByLabel('Money')).toBeChecked();
	await expect(eli.page.getByLabel('Health')).not.toBeChecked();
	const settings = await eli.page.request.get('/api/v1/settings/practice');
	expect((await settings.json()).settings).toMatchObject({
		depth: 'light',
		avoidTopics: ['sex', 'money']
	});
});

test('the jar keeps what both wrote; what was kept alone is shared when chosen', async ({
	people
}) => {
	const fay = await people.add('Fay');
	const gus = await people.add('Gus');
	await seedAccount(fay);
	await seedAccount(gus);
	const fayToday = new TodayPage(fay.page);
	await fayToday.open();
	await fayToday.appreciate('The note you left on the fridge before your early shift.');

	await seedCouple(fay, gus);
	const gusToday = new TodayPage(gus.page);
	await gusToday.open();
	await gusToday.appreciate('How you waited up to hear about my interview.');
	await expect(gus.page.getByText('note you left on the fridge')).toHaveCount(0);

	await fayToday.open();
	await fay.page.getByRole('link', { name: 'Open the jar' }).click();
	await expect(fay.page.getByRole('heading', { level: 1, name: 'The jar' })).toBeVisible();
	await expectBasicAccessibility(fay.page);
	const fromGus = fay.page.getByRole('region', { name: 'From Gus' });
	await expect(fromGus).toContainText('waited up to hear about my interview');
	const fromFay = fay.page.getByRole('region', { name: 'From you' });
	await expect(fromFay).toContainText('kept for later');
	await fromFay.getByRole('button', { name: 'Share them' }).click();
	await expect(fay.page.getByRole('status')).toContainText('Shared with Gus.');
	await expect(fromFay).not.toContainText('kept for later');

	await visit(gus.page, '/jar');
	const fromFayForGus = gus.page.getByRole('region', { name: 'From Fay' });
	await expect(fromFayForGus).toContainText('note you left on the fridge');
	await fromFayForGus.getByRole('button', { name: 'That means a lot.' }).click();
	await expect(fromFayForGus.getByRole('list', { name: 'Responses' })).toContainText(
		'That means a lot.'
	);

	await reload(fay.page);
	await expect(fromFay.getByRole('list', { name: 'Responses' })).toContainText('That means a lot.');
});
