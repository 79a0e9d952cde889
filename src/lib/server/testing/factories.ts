import crypto from 'node:crypto';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { registerAccount } from '../accounts/accounts.service';
import { createInvite, joinCouple } from '../couples/couples.service';
import { needsSecondStep, type SecondStepNeeded, type SignedIn } from '../accounts/sign-in.service';
import { createMemoryBus } from '../live/bus';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0000';
export const TEST_PASSWORD = 'a calm lake at dawn';

/** One bus for every context of a test file, so partners hear each other's changes. */
export const testBus = createMemoryBus();

/** A context for service tests; every field can be overridden, the clock included. */
export function buildCtx(db: Db, overrides: Partial<Ctx> = {}): Ctx {
	return {
		db,
		now: () => new Date(),
		origin: 'http://localhost:3000',
		secret: TEST_SECRET,
		userId: null,
		sessionId: null,
		locked: false,
		clientKey: `client-${crypto.randomUUID()}`,
		device: 'Test browser on Test OS',
		deviceToken: null,
		mailEnabled: true,
		live: testBus,
		...overrides
	};
}

/** Registers a person through the real service; returns their signed-in context. */
export async function createPerson(
	db: Db,
	overrides: { name?: string; email?: string; now?: () => Date } = {}
) {
	const ctx = buildCtx(db, overrides.now ? { now: overrides.now } : {});
	const email = overrides.email ?? `person-${crypto.randomUUID()}@example.test`;
	const { user, session } = await registerAccount(ctx, {
		email,
		password: TEST_PASSWORD,
		name: overrides.name ?? 'Robin'
	});

	return {
		user,
		email,
		/** The session cookie value, to resolve the session as a later request would. */
		token: session.token,
		ctx: { ...ctx, userId: user.id, sessionId: session.sessionId }
	};
}

/** Two people linked through the real invite and join. */
export async function createCouple(db: Db) {
	const a = await createPerson(db, { name: 'Alex' });
	const b = await createPerson(db, { name: 'Sam' });
	const invite = await createInvite(a.ctx);
	await joinCouple(b.ctx, { code: invite.code });

	return { a, b };
}

/** The result of a sign-in that must have finished in one step. */
export function signedIn(result: SignedIn | SecondStepNeeded): SignedIn {
	if (needsSecondStep(result)) {
		throw new Error('Expected a finished sign-in, got a second step.');
	}

	return result;
}
