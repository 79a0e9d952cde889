import { beforeAll, describe, expect, it } from 'vitest';
import { getTableName } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { DbHandle } from '../db/client';
import { createTestDb } from '../testing/db';
import { buildCtx, createPerson, TEST_PASSWORD, TEST_SECRET } from '../testing/factories';
import { countWhere, readLiveSchema } from '../testing/live-schema';
import { buildRichWorld, type RichWorld } from '../testing/rich-world';
import { getMe, registerAccount } from '../accounts/accounts.service';
import { signIn } from '../accounts/sign-in.service';
import { listPastPartners } from '../couples/couples.service';
import { listCheckins } from '../checkins/checkins.service';
import { listAppreciations } from '../appreciations/appreciations.service';
import { keyedHash } from '../auth/tokens';
import { rateLimits } from '../db/schema';
import { DELETION_INVENTORY, NOT_PERSONAL } from './deletion-inventory';
import { deleteAccount } from './deletion.service';
import { exportYourData } from './export.service';

let handle: DbHandle;
beforeAll(async () => {
	handle = await createTestDb();
});

describe('the deletion inventory', () => {
	it('names every table of the live schema that holds people’s rows, with every person column', async () => {
		const inventory = new Map(
			DELETION_INVENTORY.map((entry) => [
				getTableName(entry.table),
				entry.columns.map((column) => column.name)
			])
		);
		const problems: string[] = [];
		for (const table of await readLiveSchema(handle.db)) {
			const covered = inventory.get(table.name);
			if (!covered && table.name in NOT_PERSONAL && table.personColumns.length === 0) {
				continue;
			}
			if (!covered) {
				problems.push(
					`Table "${table.name}" (person columns: ${table.personColumns.join(', ') || 'none'}) ` +
						'is not in DELETION_INVENTORY (src/lib/server/privacy/deletion-inventory.ts): ' +
						'add it there, or to NOT_PERSONAL with a reason if no row of it belongs to anyone.'
				);
				continue;
			}
			for (const column of table.personColumns) {
				if (!covered.includes(column)) {
					problems.push(
						`Column "${table.name}.${column}" holds a person's id but its inventory entry ` +
							`does not list it: deleting an account would leave those rows behind.`
					);
				}
			}
		}

		expect(problems, problems.join('\n')).toEqual([]);
	});

	it('names only tables that exist, each once', async () => {
		const live = new Set((await readLiveSchema(handle.db)).map((table) => table.name));
		const named = DELETION_INVENTORY.map((entry) => getTableName(entry.table));

		expect(named.filter((name) => !live.has(name))).toEqual([]);
		expect(new Set(named).size).toBe(named.length);
		expect(Object.keys(NOT_PERSONAL).filter((name) => !live.has(name))).toEqual([]);
	});
});

describe('deleting an account', () => {
	let world: RichWorld;
	beforeAll(async () => {
		world = await buildRichWorld(handle.db);
	});

	it('needs the password, and deletes nothing without it', async () => {
		const person = await createPerson(handle.db);
		await expect(deleteAccount(person.ctx, { password: 'not it at all' })).rejects.toMatchObject({
			code: 'INVALID',
			fields: { password: expect.any(Array) }
		});
		expect((await getMe(person.ctx)).user.id).toBe(person.user.id);
		await expect(
			deleteAccount(buildCtx(handle.db), { password: TEST_PASSWORD })
		).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
	});

	it('stops guessing after ten wrong passwords', async () => {
		const person = await createPerson(handle.db);
		for (let i = 0; i < 10; i += 1) {
			await expect(deleteAccount(person.ctx, { password: `guess ${i}` })).rejects.toMatchObject({
				code: 'INVALID'
			});
		}
		await expect(deleteAccount(person.ctx, { password: TEST_PASSWORD })).rejects.toMatchObject({
			code: 'RATE_LIMITED'
		});
	});

	it('leaves no row of the person in any table, and the partner only what the partner wrote', async () => {
		const { a, b, c, d, e, s } = world;
		const othersBefore = await Promise.all([d, e].map((p) => exportYourData(p.ctx)));
		await deleteAccount(a.ctx, { password: TEST_PASSWORD });

		const leftovers: string[] = [];
		for (const table of await readLiveSchema(handle.db)) {
			for (const column of table.personColumns) {
				const n = await countWhere(handle.db, table.name, column, a.user.id);
				if (n > 0) {
					leftovers.push(`${table.name}.${column}: ${n} row(s)`);
				}
			}
			for (const column of table.emailColumns) {
				if ((await countWhere(handle.db, table.name, column, a.email)) > 0) {
					leftovers.push(`${table.name}.${column}: the email`);
				}
			}
		}
		expect(leftovers, 'rows of the deleted person').toEqual([]);
		const hashes = [keyedHash(TEST_SECRET, a.user.id), keyedHash(TEST_SECRET, a.email)];
		const keys = await handle.db.select({ key: rateLimits.key }).from(rateLimits);
		expect(keys.filter(({ key }) => hashes.some((hash) => key.endsWith(`:${hash}`)))).toEqual([]);
		expect(keys.some(({ key }) => key.endsWith(`:${keyedHash(TEST_SECRET, c.user.id)}`))).toBe(
			true
		);

		// The partner: no partner linked, no trace of Alex, and all of their own writing.
		expect((await getMe(b.ctx)).partner).toBeNull();
		expect(await listPastPartners(b.ctx)).toEqual([]);
		const bSees = JSON.stringify(await exportYourData(b.ctx));
		for (const gone of [
			s.aShared,
			s.aAnswer,
			s.aKept,
			s.aFollowupToB,
			s.aReplyToB,
			s.aAppreciationToB
		]) {
			expect(bSees).not.toContain(gone);
		}
		// A reply goes with what it replied to.
		expect(bSees).not.toContain(s.bReplyToA);
		expect(bSees).not.toContain(s.bFollowupToA);
		for (const kept of [
			s.bShared,
			s.bPrivate,
			s.bKept,
			s.bAnswer,
			s.bHiddenAnswer,
			s.bAppreciationToA
		]) {
			expect(bSees).toContain(kept);
		}
		expect(
			(await listCheckins(b.ctx, '2026-03-01', '2026-03-31')).map((x) => x.note).sort()
		).toEqual([s.bPrivate, s.bShared].sort());
		expect((await listAppreciations(b.ctx)).every((x) => x.mine)).toBe(true);

		// The ex keeps their own writing; Alex is gone from their past partners.
		expect(await listPastPartners(c.ctx)).toEqual([]);
		const cSees = JSON.stringify(await exportYourData(c.ctx));
		expect(cSees).toContain(s.cShared);
		expect(cSees).toContain(s.cAnswer);

		// Another couple is untouched.
		const othersAfter = await Promise.all([d, e].map((p) => exportYourData(p.ctx)));
		// Each export adds its own line to the person's security log; everything else must match.
		const stable = (file: { body: string }) => {
			const data = JSON.parse(file.body) as { securityLog: { kind: string }[] };
			data.securityLog = data.securityLog.filter((entry) => entry.kind !== 'data.exported');

			return JSON.stringify(data).replace(/"(exportedAt|lastUsedAt)":"[^"]*"/g, '');
		};
		expect(othersAfter.map(stable)).toEqual(othersBefore.map(stable));
	});

	it('signs the person out everywhere; the old sign-in fails and the email can register again', async () => {
		const { a } = world;
		await expect(getMe(a.ctx)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		await expect(
			signIn(buildCtx(handle.db), { email: a.email, password: TEST_PASSWORD })
		).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		const again = await registerAccount(buildCtx(handle.db), {
			email: a.email,
			password: 'a different calm lake',
			name: 'Alex again'
		});
		expect(again.user.id).not.toBe(a.user.id);
		const [{ n }] = (
			(await handle.db.execute(
				sql`select count(*)::int as n from users where email = ${a.email}`
			)) as unknown as {
				rows: { n: number }[];
			}
		).rows;
		expect(n).toBe(1);
	});
});
