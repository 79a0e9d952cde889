import type { PageServerLoad } from './$types';
import { requireUnlockedCtx } from '$lib/server/http';
import { listHistory } from '$lib/server/today/history.service';
import { getVocabulary } from '$lib/server/checkins/checkins.service';
import { getMe } from '$lib/server/accounts/accounts.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const ctx = requireUnlockedCtx(locals, url);
	const me = await getMe(ctx);
	const vocabulary = getVocabulary(ctx);

	return {
		days: await listHistory(ctx),
		partnerName: me.partner?.name ?? null,
		feelings: Object.fromEntries(
			vocabulary.families.flatMap((family) => family.feelings.map((f) => [f.id, f.label]))
		)
	};
};
