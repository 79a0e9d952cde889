import type { Actions, PageServerLoad } from './$types';
import { formAction, formList, parseWith, readForm, requireUnlockedCtx } from '$lib/server/http';
import { practiceSettingsSchema } from '$lib/server/practice/practice.schemas';
import { getPracticeSettings, updatePracticeSettings } from '$lib/server/practice/practice.service';

export const load: PageServerLoad = async ({ locals, url }) => ({
	settings: await getPracticeSettings(requireUnlockedCtx(locals, url))
});

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const ctx = requireUnlockedCtx(locals, url);
		const values = await readForm(request, { lists: ['kinds', 'avoidTopics'] });

		return formAction(values, async () => {
			const input = parseWith(practiceSettingsSchema, {
				depth: values.depth,
				kinds: formList(values.kinds),
				avoidTopics: formList(values.avoidTopics)
			});
			await updatePracticeSettings(ctx, input);

			return { saved: true };
		});
	}
};
