import fs from 'node:fs';
import path from 'node:path';
import { Validator, type Schema } from '@cfworker/json-schema';
import { getTableName } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createTestDb } from '../testing/db';
import { buildCtx, createPerson } from '../testing/factories';
import { readLiveSchema } from '../testing/live-schema';
import { buildRichWorld, type RichWorld } from '../testing/rich-world';
import { updateProfile } from '../accounts/accounts.service';
import { DELETION_INVENTORY, NOT_PERSONAL } from './deletion-inventory';
import { EXPORT_REGISTRY, exportJsonSchema, NOT_EXPORTED } from './export.registry';
import { exportYourData, exportYourDataAsHtml } from './export.service';
import { listSecurityLog } from '../security-log/security-log.service';

const SCHEMA_FILE = path.resolve('docs/export.schema.json');

let handle: DbHandle;
let world: RichWorld;
beforeAll(async () => {
	handle = await createTestDb();
	world = await buildRichWorld(handle.db);
});

/** Validates against the committed schema file, the one people and other tools read. */
function validate(data: unknown) {
	const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Schema;

	return new Validator(schema, '2020-12', false).validate(data);
}

const exported = async (ctx: RichWorld['a']['ctx']) =>
	JSON.parse((await exportYourData(ctx)).body) as Record<string, unknown>;

describe('the export registry', () => {
	it('covers every table that holds people’s rows, or says why not', async () => {
		const inRegistry = new Set(EXPORT_REGISTRY.flatMap((part) => part.tables.map(getTableName)));
		const personal = new Set(DELETION_INVENTORY.map((entry) => getTableName(entry.table)));
		const problems: string[] = [];
		for (const table of await readLiveSchema(handle.db)) {
			const holdsPeople =
				personal.has(table.name) ||
				table.personColumns.length > 0 ||
				table.coupleColumns.length > 0;
			const covered = inRegistry.has(table.name) || table.name in NOT_EXPORTED;
			if (holdsPeople && !covered && !(table.name in NOT_PERSONAL)) {
				problems.push(
					`Table "${table.name}" holds people's rows but no entry of EXPORT_REGISTRY ` +
						'(src/lib/server/privacy/export.registry.ts) names it: add the domain there, ' +
						'reading through its service, or list the table in NOT_EXPORTED with a reason.'
				);
			}
		}

		expect(problems, problems.join('\n')).toEqual([]);
		expect(new Set(EXPORT_REGISTRY.map((part) => part.key)).size).toBe(EXPORT_REGISTRY.length);
	});

	it('is documented: docs/export.schema.json is the schema the registry makes', () => {
		const current = `${JSON.stringify(exportJsonSchema(), null, 2)}\n`;
		if (process.env.UPDATE_EXPORT_SCHEMA) {
			fs.writeFileSync(SCHEMA_FILE, current);
		}
		expect(
			fs.readFileSync(SCHEMA_FILE, 'utf8'),
			'docs/export.schema.json is out of date: run UPDATE_EXPORT_SCHEMA=1 npx vitest run --project pglite src/lib/server/privacy/export.service.test.ts'
		).toBe(current);
	});
});

describe('exporting your data', () => {
	it('validates against the documented schema, for everyone in the world', async () => {
		const { a, b, c, d } = world;
		for (const person of [a, b, c, d]) {
			const result = validate(await exported(person.ctx));
			expect(result.errors, JSON.stringify(result.errors.slice(0, 3))).toEqual([]);
		}
		const fresh = await createPerson(handle.db);
		expect(validate(await exported(fresh.ctx)).valid).toBe(true);
		expect(validate({ ...(await exported(fresh.ctx)), extra: 1 }).valid).toBe(false);
	});

	it('holds everything you wrote, in every link, and what your partner shares with you now', async () => {
		const { a, s } = world;
		const text = JSON.stringify(await exported(a.ctx));
		const own = [s.aSolo, s.aSoloAnswer, s.aKept, s.aAnswerWithC, s.aFollowupToC, s.aReplyToC];
		own.push(s.aAppreciationToC, s.aPrivate, s.aAnswer, s.aFollowupToB, s.aReplyToB);
		own.push(s.aAppreciationToB, s.aShared, s.aTalkShared, s.aTalkPrivate);
		const fromPartner = [s.bShared, s.bAnswer, s.bFollowupToA, s.bReplyToA, s.bAppreciationToA];
		for (const expected of [...own, ...fromPartner]) {
			expect(text).toContain(expected);
		}
	});

	it("never holds the partner's private items, an ex's, or another couple's", async () => {
		const { a, s } = world;
		const text = JSON.stringify(await exported(a.ctx));
		const partnerPrivate = [s.bPrivate, s.bHiddenAnswer, s.bKept, s.bTalkPrivate];
		const ex = [s.cShared, s.cAnswer, s.cFollowupToA, s.cAppreciation];
		const otherCouple = [s.dShared, s.eAnswer];
		for (const hidden of [...partnerPrivate, ...ex, ...otherCouple]) {
			expect(text).not.toContain(hidden);
		}
	});

	it('shows the partner none of your private items, and the ex nothing of the link that ended', async () => {
		const { a, b, c, s } = world;
		const bText = JSON.stringify(await exported(b.ctx));
		for (const hidden of [
			s.aSolo,
			s.aSoloAnswer,
			s.aPrivate,
			s.aAnswerWithC,
			s.aReplyToC,
			s.aTalkPrivate
		]) {
			expect(bText).not.toContain(hidden);
		}
		expect(bText).toContain(s.aKept);
		expect(bText).toContain(s.aTalkShared);
		expect(bText).toContain(s.bPrivate);

		const cData = await exported(c.ctx);
		const cText = JSON.stringify(cData);
		for (const hidden of [s.aAnswerWithC, s.aFollowupToC, s.aReplyToC, s.aAppreciationToC]) {
			expect(cText).not.toContain(hidden);
		}
		for (const hidden of [s.aPrivate, s.aShared, s.bShared]) {
			expect(cText).not.toContain(hidden);
		}
		expect(cText).toContain(s.cFollowupToA);
		expect(cData.partner).toEqual({
			current: null,
			past: [{ id: a.user.id, name: 'Alex', blocked: false }],
			openInvite: null
		});
	});

	it('reads as one self-contained page: no scripts, nothing from elsewhere, every text escaped', async () => {
		const { a, s } = world;
		await updateProfile(a.ctx, { name: 'Al <script>alert(1)</script> & "co"' });
		const page = (await exportYourDataAsHtml(a.ctx)).body;

		expect(page).toMatch(/^<!doctype html>/);
		expect(page).toContain('Al &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;');
		expect(page).not.toMatch(/<script|<link|<img|<iframe|\son\w+=|javascript:/i);
		expect(page.match(/(?:href|src)="([^"]*)"/g)?.every((attr) => attr.includes('"#'))).toBe(true);
		expect(page).toContain(s.aPrivate);
		expect(page).toContain(s.bShared);
		expect(page).not.toContain(s.bPrivate);
		await updateProfile(a.ctx, { name: 'Alex' });
	});

	it('names the files neutrally, by date', async () => {
		const { a } = world;
		expect((await exportYourData(a.ctx)).filename).toBe('export-2026-03-04.json');
		expect((await exportYourDataAsHtml(a.ctx)).filename).toBe('export-2026-03-04.html');
	});

	it("is recorded in the person's own security log only", async () => {
		const { a, b } = world;
		const exportsIn = async (ctx: RichWorld['a']['ctx']) =>
			(await listSecurityLog(ctx)).filter((entry) => entry.kind === 'data.exported').length;
		const [mineBefore, partnerBefore] = [await exportsIn(a.ctx), await exportsIn(b.ctx)];
		await exportYourData(a.ctx);
		expect(await exportsIn(a.ctx)).toBe(mineBefore + 1);
		expect(await exportsIn(b.ctx)).toBe(partnerBefore);
	});

	it('needs a signed-in person', async () => {
		await expect(exportYourData(buildCtx(handle.db))).rejects.toMatchObject({
			code: 'UNAUTHENTICATED'
		});
	});
});
