import type { Actions, PageServerLoad } from './$types';
import {
	formAction,
	pageError,
	parseForm,
	parseId,
	parseWith,
	readForm,
	requireCtx
} from '$lib/server/http';
import { getConversation } from '$lib/server/conversations/conversations.service';
import { getConversationGuide } from '$lib/server/conversations/guide.service';
import {
	advanceConversation,
	endConversation,
	joinConversation,
	optInToNextSet,
	pauseConversation,
	resumeConversation
} from '$lib/server/conversations/moves.service';
import {
	receiveConversationAnswer,
	saveConversationAnswer,
	shareConversationAnswer
} from '$lib/server/conversations/answers.service';
import {
	advanceSchema,
	conversationAnswerSchema,
	optInSchema,
	receiveSchema
} from '$lib/server/conversations/conversations.schemas';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const ctx = requireCtx(locals, url);
	try {
		const conversation = await getConversation(ctx, parseId(params.id));

		return { conversation, listening: getConversationGuide(ctx).listening };
	} catch (caught) {
		pageError(caught);
	}
};

/** Every form on the page posts the conversation's id in the path and the step it showed. */
export const actions: Actions = {
	join: async ({ locals, url, params }) =>
		formAction(
			{},
			async () => void (await joinConversation(requireCtx(locals, url), parseId(params.id))),
			'join'
		),
	advance: async ({ request, locals, url, params }) => {
		const values = await readForm(request);

		return formAction(
			values,
			async () =>
				void (await advanceConversation(
					requireCtx(locals, url),
					parseId(params.id),
					parseWith(advanceSchema, { at: Number(values.at), action: values.action || undefined })
				)),
			'advance'
		);
	},
	pause: async ({ locals, url, params }) =>
		formAction(
			{},
			async () => void (await pauseConversation(requireCtx(locals, url), parseId(params.id))),
			'pause'
		),
	resume: async ({ locals, url, params }) =>
		formAction(
			{},
			async () => void (await resumeConversation(requireCtx(locals, url), parseId(params.id))),
			'resume'
		),
	end: async ({ locals, url, params }) =>
		formAction(
			{},
			async () => void (await endConversation(requireCtx(locals, url), parseId(params.id))),
			'end'
		),
	optIn: async ({ request, locals, url, params }) => {
		const values = await readForm(request);

		return formAction(
			values,
			async () =>
				void (await optInToNextSet(
					requireCtx(locals, url),
					parseId(params.id),
					parseForm(optInSchema, values)
				)),
			'optIn'
		);
	},
	answer: async ({ request, locals, url, params }) => {
		const values = await readForm(request);

		return formAction(
			values,
			async () => ({
				kept: await saveConversationAnswer(
					requireCtx(locals, url),
					parseId(params.id),
					parseForm(conversationAnswerSchema, values)
				)
			}),
			'answer'
		);
	},
	share: async ({ request, locals, url, params }) => {
		const values = await readForm(request);

		return formAction(
			values,
			async () =>
				void (await shareConversationAnswer(
					requireCtx(locals, url),
					parseId(params.id),
					parseId(values.answerId ?? '')
				)),
			'share'
		);
	},
	receive: async ({ request, locals, url, params }) => {
		const values = await readForm(request);

		return formAction(
			values,
			async () =>
				void (await receiveConversationAnswer(
					requireCtx(locals, url),
					parseId(params.id),
					parseId(values.answerId ?? ''),
					parseForm(receiveSchema, values)
				)),
			'receive'
		);
	}
};
