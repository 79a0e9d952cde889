import { expect } from '@playwright/test';
import type { Person } from './fixtures';

/**
 * Set-up through the JSON API, for steps a journey is not about. The requests run in the
 * person's own browser context, so the session cookie they get is the browser's too.
 */
export async function seedAccount(person: Person, timeZone = 'UTC') {
	const { request } = person.page;
	const registered = await request.post('/api/v1/auth/register', {
		data: { name: person.name, email: person.email, password: person.password }
	});
	expect(registered.status(), await registered.text()).toBe(201);
	const onboarded = await request.patch('/api/v1/me', { data: { name: person.name, timeZone } });
	expect(onboarded.status(), await onboarded.text()).toBe(200);
}

export async function seedInvite(inviter: Person): Promise<{ code: string; url: string }> {
	const response = await inviter.page.request.post('/api/v1/couple/invites');
	expect(response.status(), await response.text()).toBe(201);

	return (await response.json()) as { code: string; url: string };
}

export async function seedCouple(inviter: Person, joiner: Person) {
	const { code } = await seedInvite(inviter);
	const response = await joiner.page.request.post('/api/v1/couple/join', { data: { code } });
	expect(response.status(), await response.text()).toBe(200);
}

export async function signOutViaApi(person: Person) {
	const response = await person.page.request.post('/api/v1/auth/logout');
	expect(response.status()).toBe(204);
}
