import type { Ctx } from '../context';
import { requireUnlocked, type Viewer } from '../access';
import { logEvent } from '../log';
import { KINDS, sharedPace, type Pace } from '$lib/domain/daily-question';
import {
	listPracticeSettings,
	upsertPracticeSettings,
	type PracticeSettingsRow
} from './practice.queries';
import type { PracticeSettingsInput } from './practice.schemas';

export type PracticeSettingsView = Pace & { checkinVisibility: 'private' | 'shared' | null };

export const DEFAULT_PACE: Pace = { depth: 'medium', kinds: [...KINDS], avoidTopics: [] };

/** Pace and boundaries (topics to avoid among them) are private: locked with the other settings. */
export async function getPracticeSettings(ctx: Ctx): Promise<PracticeSettingsView> {
	return practiceSettingsOf(ctx, requireUnlocked(ctx));
}

/** The person's settings as Today uses them, whoever asked through which gate. */
export async function practiceSettingsOf(ctx: Ctx, userId: string): Promise<PracticeSettingsView> {
	const [row] = await listPracticeSettings(ctx.db, [userId]);

	return toView(row);
}

/** Pace and boundaries are the person's own; the partner never sees them, only their effect. */
export async function updatePracticeSettings(ctx: Ctx, input: PracticeSettingsInput) {
	const userId = requireUnlocked(ctx);
	const values = {
		depth: input.depth,
		kinds: input.kinds,
		avoidTopics: input.avoidTopics,
		updatedAt: ctx.now()
	};
	await upsertPracticeSettings(ctx.db, { userId, ...values }, values);
	logEvent('practice.settings_changed', { userId });

	return getPracticeSettings(ctx);
}

/** The pace the daily question follows: both partners' settings together, or one's own. */
export async function paceFor(ctx: Ctx, viewer: Viewer): Promise<Pace> {
	const ids = viewer.partner ? [viewer.userId, viewer.partner.id] : [viewer.userId];
	const rows = await listPracticeSettings(ctx.db, ids);
	const mine = toView(rows.find((row) => row.userId === viewer.userId));
	const partner = viewer.partner
		? toView(rows.find((row) => row.userId === viewer.partner?.id))
		: undefined;

	return sharedPace(mine, partner);
}

/** Remembers the visibility of the last check-in as the person's default for the next. */
export async function rememberCheckinVisibility(
	ctx: Ctx,
	userId: string,
	visibility: 'private' | 'shared'
) {
	const now = ctx.now();
	await upsertPracticeSettings(
		ctx.db,
		{ userId, ...DEFAULT_PACE, checkinVisibility: visibility, updatedAt: now },
		{ checkinVisibility: visibility, updatedAt: now }
	);
}

function toView(row: PracticeSettingsRow | undefined): PracticeSettingsView {
	if (!row) {
		return { ...DEFAULT_PACE, checkinVisibility: null };
	}

	return {
		depth: row.depth,
		kinds: row.kinds,
		avoidTopics: row.avoidTopics,
		checkinVisibility: row.checkinVisibility
	};
}
