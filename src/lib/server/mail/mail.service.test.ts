import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { mailOutbox } from '../db/schema';
import { createTestDb } from '../testing/db';
import {
	buildCtx,
	createCouple,
	createPerson,
	TEST_PASSWORD,
	TEST_SECRET
} from '../testing/factories';
import { saveCheckin } from '../checkins/checkins.service';
import { changeEmail } from '../accounts/email.service';
import { requestPasswordReset } from '../recovery/recovery.service';
import { claimDueMail } from './mail.queries';
import { queueMail } from './mail.service';
import {
	MAIL_LEASE_MS,
	MAIL_MAX_ATTEMPTS,
	retryDelayMs,
	sendDueMail,
	type OutgoingMail
} from './sender';
import { MAIL_TEMPLATES } from './templates';

let handle: DbHandle;
beforeAll(async () => {
	handle = await createTestDb();
});

const FROM = 'Tend <tend@example.test>';
const T0 = Date.parse('2030-01-01T00:00:00Z');

function sender(now: number, send: (mail: OutgoingMail) => Promise<void> = async () => {}) {
	return { db: handle.db, secret: TEST_SECRET, from: FROM, send, now: () => new Date(now) };
}

/** Sends everything due at `now`; returns what went out. */
async function flush(now: number) {
	const sent: OutgoingMail[] = [];
	await sendDueMail(sender(now, async (mail) => void sent.push(mail)));

	return sent;
}

async function queue(userId: string, to: string, options: { expiresAt?: Date; at?: number } = {}) {
	await queueMail(
		{ db: handle.db, secret: TEST_SECRET, now: () => new Date(options.at ?? T0) },
		{
			userId,
			template: 'email_changed',
			payload: { to, vars: { origin: 'http://tend.test' } },
			expiresAt: options.expiresAt
		}
	);
}

const rowsOf = (userId: string) =>
	handle.db.select().from(mailOutbox).where(eq(mailOutbox.userId, userId));

describe('the mail sender', () => {
	it('sends due mail once and deletes it', async () => {
		const person = await createPerson(handle.db);
		await queue(person.user.id, 'old@example.test');
		const sent = await flush(T0);
		expect(sent.filter((mail) => mail.to === 'old@example.test')).toEqual([
			expect.objectContaining({ from: FROM, subject: 'Your Tend account' })
		]);
		expect(await rowsOf(person.user.id)).toEqual([]);
		expect(await flush(T0 + 60_000)).toEqual([]);
	});

	it('retries a failed send later, with growing waits, and gives up in the end', async () => {
		const person = await createPerson(handle.db);
		await queue(person.user.id, 'flaky@example.test', { at: T0 + 1 });
		let now = T0 + 1;
		const failing = async () => {
			throw Object.assign(new Error('421 try later <flaky@example.test>'), { code: 'ECONNECTION' });
		};
		for (let attempt = 1; attempt < MAIL_MAX_ATTEMPTS; attempt++) {
			expect(await sendDueMail(sender(now, failing))).toMatchObject({ retried: 1 });
			const [row] = await rowsOf(person.user.id);
			expect(row.attempts).toBe(attempt);
			expect(row.lockedUntil).toBeNull();
			expect(row.nextAttemptAt.getTime()).toBe(now + retryDelayMs(attempt));
			expect(await sendDueMail(sender(now + 1000, failing))).toMatchObject({ retried: 0 });
			now = row.nextAttemptAt.getTime();
		}
		expect(await sendDueMail(sender(now, failing))).toMatchObject({ dropped: 1 });
		expect(await rowsOf(person.user.id)).toEqual([]);
		expect(retryDelayMs(1)).toBe(30_000);
		expect(retryDelayMs(20)).toBe(60 * 60 * 1000);
	});

	it('drops mail past its expiry, and mail sealed with another secret, unsent', async () => {
		const person = await createPerson(handle.db);
		await queue(person.user.id, 'late@example.test', { expiresAt: new Date(T0 + 1000) });
		await queueMail(
			{ db: handle.db, secret: 'another-secret-another-secret-0000', now: () => new Date(T0) },
			{
				userId: person.user.id,
				template: 'email_changed',
				payload: { to: 'other@example.test', vars: { origin: 'http://tend.test' } }
			}
		);
		const sent = await flush(T0 + 2000);
		expect(sent.map((mail) => mail.to)).not.toContain('late@example.test');
		expect(sent.map((mail) => mail.to)).not.toContain('other@example.test');
		expect(await rowsOf(person.user.id)).toEqual([]);
	});

	it('never hands one row to two senders: claimed rows wait for the lease to end', async () => {
		const person = await createPerson(handle.db);
		for (let i = 0; i < 6; i++) {
			await queue(person.user.id, `many-${i}@example.test`, { at: T0 + 5 });
		}
		const seen: string[] = [];
		const slow = async (mail: OutgoingMail) => {
			await new Promise((resolve) => setTimeout(resolve, 20));
			seen.push(mail.to);
		};
		await Promise.all([
			sendDueMail(sender(T0 + 10, slow)),
			sendDueMail(sender(T0 + 10, slow)),
			sendDueMail(sender(T0 + 10, slow))
		]);
		const mine = seen.filter((to) => to.startsWith('many-'));
		expect(mine.sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `many-${i}@example.test`));

		// A sender that died mid-send leaves its lease; nobody takes the row until it ends.
		await queue(person.user.id, 'crashed@example.test', { at: T0 + 20 });
		await claimDueMail(handle.db, new Date(T0 + 20), new Date(T0 + 20 + MAIL_LEASE_MS), 10);
		const during = await flush(T0 + 20 + MAIL_LEASE_MS / 2);
		expect(during.map((mail) => mail.to)).not.toContain('crashed@example.test');
		const after = await flush(T0 + 20 + MAIL_LEASE_MS + 1000);
		expect(after.map((mail) => mail.to)).toContain('crashed@example.test');
	});
});

describe('every mail is neutral (SAFE-12)', () => {
	it('carries no name, partner address, mood, note or canary, and one neutral subject', async () => {
		const canary = `CANARY-${crypto.randomUUID()}`;
		const { a, b } = await createCouple(handle.db);
		await saveCheckin(a.ctx, new Date().toISOString().slice(0, 10), {
			mood: 1,
			feelings: ['overwhelmed', 'lonely'],
			note: `${canary} a heavy day`,
			needs: ['listen'],
			visibility: 'shared'
		});
		const names = ['Alex', 'Sam'];
		const canaries = [canary, ...names, b.email, 'overwhelmed', 'lonely', 'heavy day', 'mood'];

		await requestPasswordReset(buildCtx(handle.db), { email: a.email });
		const sent = await flush(Date.now() + 1000);
		await changeEmail(a.ctx, {
			newEmail: `moved-${canary.toLowerCase()}@example.test`,
			password: TEST_PASSWORD
		});
		sent.push(...(await flush(Date.now() + 2000)));
		// One of each template, all to the person's own (old) address.
		expect(sent.every((mail) => mail.to === a.email)).toBe(true);
		expect(sent).toHaveLength(MAIL_TEMPLATES.length);
		for (const mail of sent) {
			expect(mail.subject).toBe('Your Tend account');
			for (const word of canaries) {
				expect(`${mail.subject}\n${mail.text}`.toLowerCase()).not.toContain(word.toLowerCase());
			}
			expect(mail.text).not.toContain('moved-');
		}
	});
});
