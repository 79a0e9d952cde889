import type { Ctx } from '../context';
import { requireUnlocked, requireViewer, type Viewer } from '../access';
import { logEvent } from '../log';
import { recordSecurityEvent } from '../security-log/security-log.service';
import { localDate } from '$lib/domain/dates';
import { createPresenter, renderExportPage } from './export-html';
import { EXPORT_FORMAT, EXPORT_REGISTRY, EXPORT_VERSION } from './export.registry';

/** A file to hand to the person. Its name says nothing about what it holds or where from. */
export type ExportFile = { filename: string; body: string };

export type YourData = {
	format: typeof EXPORT_FORMAT;
	version: typeof EXPORT_VERSION;
	exportedAt: string;
	[part: string]: unknown;
};

/** Everything the person can see, as JSON in the documented format (docs/export.schema.json). */
export async function exportYourData(ctx: Ctx): Promise<ExportFile> {
	const { viewer, data } = await collect(ctx);

	return {
		filename: `export-${localDate(ctx.now(), viewer.timeZone)}.json`,
		body: `${JSON.stringify(data, null, 2)}\n`
	};
}

/** The same, as one readable page that needs nothing but a browser. */
export async function exportYourDataAsHtml(ctx: Ctx): Promise<ExportFile> {
	const { viewer, data } = await collect(ctx);
	const presenter = createPresenter(viewer.timeZone, viewer.partner?.name ?? null);
	const parts = EXPORT_REGISTRY.map((part) => ({
		id: part.key,
		title: part.title(),
		items: part.present(data[part.key], presenter)
	}));

	return {
		filename: `export-${localDate(ctx.now(), viewer.timeZone)}.html`,
		body: renderExportPage(parts, presenter.moment(data.exportedAt))
	};
}

async function collect(ctx: Ctx): Promise<{ viewer: Viewer; data: YourData }> {
	requireUnlocked(ctx);
	const viewer = await requireViewer(ctx);
	const data: YourData = {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		exportedAt: ctx.now().toISOString()
	};
	for (const part of EXPORT_REGISTRY) {
		data[part.key] = await part.collect(ctx, viewer);
	}
	await recordExport(ctx, viewer.userId);

	return { viewer, data };
}

/**
 * The one place an export is recorded: in the server log as an event name, and in the owner's
 * own security log (LOG-02). It leaves no trace the partner can see (SAFE-10).
 */
async function recordExport(ctx: Ctx, userId: string) {
	logEvent('data.exported', { userId });
	await recordSecurityEvent(ctx, userId, 'data.exported');
}
