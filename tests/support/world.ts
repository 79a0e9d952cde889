import crypto from 'node:crypto';
import { Client, link, Person } from './client';
import type { TestServer } from './server';

export const ACTORS = ['anonymous', 'self', 'partner', 'ex', 'other'] as const;
export type ActorName = (typeof ACTORS)[number];

/**
 * The people of an authorization test, seen from `self`:
 * - `partner` is linked with self now;
 * - `ex` was linked with self, and self left that link;
 * - `other` is linked with `otherPartner`, a couple that never met this one;
 * - `anonymous` has no session.
 */
export type World = {
	anonymous: Client;
	self: Person;
	partner: Person;
	ex: Person;
	other: Person;
	otherPartner: Person;
};

/** A marker that makes each name findable in any answer text. */
export function marker(): string {
	return crypto.randomBytes(4).toString('hex');
}

export async function buildWorld(server: TestServer): Promise<World> {
	const [self, partner, ex, other, otherPartner] = await Promise.all(
		['Sam', 'Pat', 'Eli', 'Oda', 'Ole'].map((name) =>
			Person.register(server, { name: `${name} ${marker()}` })
		)
	);
	await link(ex, self);
	const left = await self.leave();
	if (left.status !== 204) {
		throw new Error(`leave answered ${left.status}: ${left.text}`);
	}
	await link(self, partner);
	await link(other, otherPartner);

	return { anonymous: new Client(server), self, partner, ex, other, otherPartner };
}

export function actor(world: World, name: ActorName): Client {
	return world[name];
}
