import { test, expect, visit, type Person } from './fixtures';
import { seedAccount, seedCouple } from './seed';
import { ConversationPage } from './pages/conversation';
import { expectBasicAccessibility } from './pages/a11y';

async function couple(people: { add: (name: string) => Promise<Person> }) {
	const ana = await people.add('Ana');
	const ben = await people.add('Ben');
	await seedAccount(ana);
	await seedAccount(ben);
	await seedCouple(ana, ben);

	return {
		ana,
		ben,
		anaTalk: new ConversationPage(ana.page),
		benTalk: new ConversationPage(ben.page)
	};
}

/** Both phones show the same move, the same prompt and the same whole minute on the timer. */
async function expectInSync(one: ConversationPage, other: ConversationPage) {
	await expect.poll(() => other.seq()).toBe(await one.seq());
	await expect(other.prompt()).toHaveText((await one.prompt().textContent()) ?? '');
	const minutes = async (talk: ConversationPage) =>
		(await talk.timer().textContent())?.match(/(\d+):\d\d/)?.[1];
	expect(Math.abs(Number(await minutes(one)) - Number(await minutes(other)))).toBeLessThanOrEqual(
		1
	);
}

test('two phones: the first Closer set in sync, with turns, timer and the reflect-back step', async ({
	people
}) => {
	test.setTimeout(180_000);
	const { ana, ben, anaTalk, benTalk } = await couple(people);

	await anaTalk.start('Closer', 'On two phones, one each');
	await expect(anaTalk.page.getByRole('heading', { name: 'Waiting for Ben' })).toBeVisible();
	await expectBasicAccessibility(ana.page);

	await benTalk.openHub();
	const closer = benTalk.practice('Closer');
	await expect(closer).toContainText('Ana has started this on two phones.');
	await closer.getByRole('link', { name: 'Join' }).click();
	await benTalk.press('Join on this phone');

	// Ana's page moves on its own: no reload.
	await expect(anaTalk.turn()).toHaveText('Your turn');
	await expect(benTalk.turn()).toHaveText("Ana's turn");
	await expect(anaTalk.prompt()).toHaveText(/nickname/);
	await expect(anaTalk.timer()).toContainText(/1[45]:\d\d/);
	await expectInSync(anaTalk, benTalk);
	await expectBasicAccessibility(ben.page);

	// Ana answers; Ben reflects back; Ana says "not quite"; Ben tries again; then Ben responds.
	await anaTalk.press('Done answering');
	await expect(benTalk.turn()).toHaveText('Your turn');
	await expect(ben.page.getByText('Ben, tell Ana what you heard')).toBeVisible();
	await expect(benTalk.stage().getByRole('listitem').first()).toContainText('…');
	await benTalk.press("I've said it back");
	await expect(anaTalk.turn()).toHaveText('Your turn');
	await anaTalk.press('Not quite, try again');
	await expect(ben.page.getByText('Ben, tell Ana what you heard')).toBeVisible();
	await benTalk.press("I've said it back");
	await anaTalk.press("Yes, that's it");
	await expect(
		ben.page.getByText("Ben, now respond. Receive what Ana said, don't fix it.")
	).toBeVisible();
	await benTalk.press('Next');
	// The second turn of the same prompt: now Ben speaks first.
	await expect(benTalk.turn()).toHaveText('Your turn');
	await expect(ben.page.getByText('Ben answers. Ana listens')).toBeVisible();
	await expectInSync(anaTalk, benTalk);

	// The rest of the set, each move made on the phone whose turn it is; after every move both
	// phones show the same move (or both the break between sets).
	const setDone = anaTalk.page.getByRole('heading', { name: 'That was set 1' });
	for (let moves = 0; moves < 150 && !(await setDone.isVisible()); moves += 1) {
		const before = await anaTalk.seq();
		const mine = (await anaTalk.turn().textContent()) !== "Ben's turn";
		await (mine ? anaTalk : benTalk).stage().getByRole('button').first().click();
		await expect
			.poll(async () => {
				const [a, b] = [await anaTalk.seq(), await benTalk.seq()];
				return a === b && (a > before || a === -1);
			})
			.toBe(true);
	}
	await expect(anaTalk.page.getByRole('heading', { name: 'That was set 1' })).toBeVisible();
	await expect(benTalk.page.getByRole('heading', { name: 'That was set 1' })).toBeVisible();

	// Going deeper needs both; Ana's choice is not shown to Ben.
	await anaTalk.press("I'd like to go on");
	await expect(ana.page.getByText("You said you'd like to go on.")).toBeVisible();
	await expect(ben.page.getByText("You said you'd like to go on.")).toHaveCount(0);
	await expect(ben.page.getByRole('button', { name: "I'd like to go on" })).toBeVisible();
	await benTalk.press("I'd like to go on");
	await expect(anaTalk.page.getByText('Set 2 of 3 · 1 of 12')).toBeVisible();
	await expect(benTalk.page.getByText('Set 2 of 3 · 1 of 12')).toBeVisible();
	await expectInSync(anaTalk, benTalk);

	// Either can stop, without a reason.
	await benTalk.press('Stop here');
	await expect(anaTalk.page.getByRole('heading', { name: 'You stopped here' })).toBeVisible();
});

test('one phone: the screen says whose turn it is, asks to pass the phone, and resumes after a pause', async ({
	people
}) => {
	const { ana, anaTalk } = await couple(people);
	await anaTalk.start('Closer', 'On one phone, passed between you');
	await expect(anaTalk.turn()).toHaveText("Ana's turn");
	const first = (await anaTalk.prompt().textContent()) ?? '';

	await anaTalk.press('Done answering');
	await expect(anaTalk.turn()).toHaveText("Ben's turn");
	await expect(ana.page.getByText('Ben, tell Ana what you heard')).toBeVisible();
	await anaTalk.press("I've said it back");
	await expect(anaTalk.turn()).toHaveText("Ana's turn");
	await anaTalk.press("Yes, that's it");
	await anaTalk.press('Next');
	// Ben answers the same prompt next: the phone goes to him first.
	await expect(anaTalk.turn()).toHaveText("Ben's turn");
	await expect(ana.page.getByText('Pass the phone to Ben')).toBeVisible();
	await anaTalk.press('Ben has the phone');
	await expect(ana.page.getByText('Ben answers. Ana listens')).toBeVisible();
	await expect(anaTalk.prompt()).toHaveText(first);
	await expectBasicAccessibility(ana.page);

	await anaTalk.press('Pause');
	await expect(ana.page.getByRole('heading', { name: 'Paused' })).toBeVisible();
	// Later, from the hub: it resumes at exactly the same place.
	await anaTalk.openHub();
	await expect(anaTalk.practice('Closer')).toContainText('You paused this one.');
	await anaTalk.practice('Closer').getByRole('link', { name: 'Continue' }).click();
	await anaTalk.press('Resume');
	await expect(anaTalk.turn()).toHaveText("Ben's turn");
	await expect(ana.page.getByText('Ben answers. Ana listens')).toBeVisible();
	await expect(anaTalk.prompt()).toHaveText(first);
	await expect(anaTalk.timer()).toContainText(/1[45]:\d\d/);
});

test('vulnerability invitation: a draft stays private until it is shared, then is only received', async ({
	people
}) => {
	const { ana, ben, anaTalk, benTalk } = await couple(people);
	const secret = 'I have been worried about my job for weeks and not said it.';
	await anaTalk.start("Something I haven't said", 'On two phones, one each');
	await benTalk.openHub();
	await benTalk.practice("Something I haven't said").getByRole('link', { name: 'Join' }).click();
	await benTalk.press('Join on this phone');
	await expect(anaTalk.turn()).toHaveText('Your turn');
	const stem = (await anaTalk.prompt().textContent()) ?? '';
	await expect(benTalk.prompt()).toHaveText(stem);

	await ana.page.getByLabel('Your words (only you can see this)').fill(secret);
	await anaTalk.press('Keep my draft');
	await expect(ana.page.getByText('Your draft is private. Only you can see it.')).toBeVisible();

	// Nowhere for Ben: not on his screen (even after a reload), not in the API, not in past ones.
	await benTalk.page.reload();
	await expect(ben.page.getByText(secret)).toHaveCount(0);
	const id = new URL(ben.page.url()).pathname.split('/').pop() ?? '';
	const api = await ben.page.request.get(`/api/v1/conversations/${id}`);
	expect(await api.text()).not.toContain('worried about my job');
	expect(await (await ben.page.request.get('/api/v1/conversations')).text()).not.toContain(
		'worried about my job'
	);

	await anaTalk.press('Share with Ben');
	// Ben's phone turns to receiving it, without a reload, and offers only receiving responses.
	await expect(benTalk.stage()).toContainText(secret);
	await expect(benTalk.turn()).toHaveText('Your turn');
	await expect(benTalk.stage().getByRole('textbox')).toHaveCount(0);
	await benTalk.stage().getByRole('button', { name: 'Thank you for telling me.' }).click();
	await expect(anaTalk.page.getByRole('list', { name: 'Responses' })).toContainText(
		'Ben: Thank you for telling me.'
	);
	await expect(benTalk.page.getByRole('textbox')).toHaveCount(0);
});

test('ten minutes is one tap from Today, and phones down goes quiet', async ({ people }) => {
	const { ana, anaTalk } = await couple(people);
	await visit(ana.page, '/today');
	await ana.page.getByRole('button', { name: 'Ten minutes together' }).click();
	await expect(ana.page.getByRole('heading', { level: 1, name: 'Ten minutes' })).toBeVisible();
	await expect(anaTalk.timer()).toContainText(/(10:00|9:\d\d)/);
	await expect(ana.page.getByText('Ana answers. Ben listens')).toBeVisible();
	await anaTalk.press('Stop here');
	await expect(ana.page.getByRole('heading', { name: 'You stopped here' })).toBeVisible();

	await anaTalk.start('Phones down');
	await expect(ana.page.getByRole('heading', { name: 'Phones away' })).toBeVisible();
	await expect(anaTalk.timer()).toHaveText('About 20 min left');
	await anaTalk.press('Stop early');
	await visit(ana.page, '/conversations/past');
	await expect(ana.page.getByRole('main')).toContainText('Phones down');
	await expect(ana.page.getByRole('main')).toContainText('Ten minutes');
});

test('without JavaScript, one phone still works: start, take turns, pause and resume', async ({
	people
}) => {
	const ana = await people.add('Ana', { javaScriptEnabled: false });
	const ben = await people.add('Ben');
	await seedAccount(ana);
	await seedAccount(ben);
	await seedCouple(ana, ben);
	const talk = new ConversationPage(ana.page);

	await talk.start('Ten minutes');
	await expect(talk.turn()).toHaveText("Ana's turn");
	await expect(talk.timer()).toContainText(/(10:00|9:\d\d)/);
	await talk.press('Done answering');
	await expect(talk.turn()).toHaveText("Ben's turn");
	await talk.press('Pause');
	await expect(ana.page.getByRole('heading', { name: 'Paused' })).toBeVisible();
	await talk.press('Resume');
	await expect(talk.turn()).toHaveText("Ben's turn");
	await expect(ana.page.getByText('Ben, tell Ana what you heard')).toBeVisible();
});
