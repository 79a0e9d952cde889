import type { Actions, PageServerLoad } from './$types';
import { formAction, formList, parseForm, parseWith, readForm, requireCtx } from '$lib/server/http';
import { getToday } from '$lib/server/today/today.service';
import { getVocabulary, saveCheckin } from '$lib/server/checkins/checkins.service';
import { answerQuestion, followUpAnswer } from '$lib/server/questions/questions.service';
import { createAppreciation } from '$lib/server/appreciations/appreciations.service';
import { checkinSchema } from '$lib/server/checkins/checkins.schemas';
import { answerSchema, followupSchema } from '$lib/server/questions/questions.schemas';
import { appreciationSchema } from '$lib/server/appreciations/appreciations.schemas';
import { getContent } from '$lib/content';
import { respondAction, shareKeptAction } from '../item-actions';

export const load: PageServerLoad = async ({ locals, url }) => {
	const ctx = requireCtx(locals, url);
	const today = await getToday(ctx);
	const vocabulary = getVocabulary(ctx);

	return { today, vocabulary, responseBank: getContent().responses };
};

export const actions: Actions = {
	checkin: async ({ request, locals, url }) => {
		const ctx = requireCtx(locals, url);
		const values = await readForm(request, { lists: ['feelings', 'needs'] });

		return formAction(
			values,
			async () => {
				const input = parseWith(checkinSchema, {
					mood: Number(values.mood),
					feelings: formList(values.feelings),
					note: values.note || undefined,
					needs: formList(values.needs),
					visibility: values.visibility
				});
				await saveCheckin(ctx, values.date ?? '', input);

				return { saved: 'checkin' as const };
			},
			'checkin'
		);
	},
	answer: async ({ request, locals, url }) => {
		const ctx = requireCtx(locals, url);
		const values = await readForm(request);

		return formAction(
			values,
			async () => {
				const body = values.pass === 'true' ? { pass: true } : { text: values.text ?? '' };
				await answerQuestion(ctx, values.date ?? '', parseWith(answerSchema, body));

				return { saved: 'answer' as const };
			},
			'answer'
		);
	},
	followup: async ({ request, locals, url }) => {
		const ctx = requireCtx(locals, url);
		const values = await readForm(request);

		return formAction(
			values,
			async () => {
				await followUpAnswer(ctx, values.date ?? '', parseForm(followupSchema, values));

				return { saved: 'followup' as const };
			},
			'followup'
		);
	},
	appreciate: async ({ request, locals, url }) => {
		const ctx = requireCtx(locals, url);
		const values = await readForm(request);

		return formAction(
			values,
			async () => {
				await createAppreciation(ctx, parseForm(appreciationSchema, values));

				return { saved: 'appreciation' as const };
			},
			'appreciate'
		);
	},
	shareKept: shareKeptAction,
	respond: respondAction
};
