import type { RequestEvent } from '@sveltejs/kit';
import { formAction, parseWith, readForm, requireCtx } from '$lib/server/http';
import { respond } from '$lib/server/responses/responses.service';
import { shareKeptAppreciationsWithPartner } from '$lib/server/appreciations/appreciations.service';
import { responseSchema } from '$lib/server/responses/responses.schemas';

/** Form actions shared by the pages that show the partner's items (Today, the jar). */

/** Turns toward one of the partner's items. */
export async function respondAction({ request, locals, url }: RequestEvent) {
	const ctx = requireCtx(locals, url);
	const values = await readForm(request);

	return formAction(
		values,
		async () => {
			await respond(ctx, parseWith(responseSchema, { ...values, text: values.text || undefined }));

			return { saved: 'response' as const };
		},
		'respond'
	);
}

/** Shares the appreciations kept while alone with the partner the person is linked with now. */
export async function shareKeptAction({ locals, url }: RequestEvent) {
	const ctx = requireCtx(locals, url);

	return formAction(
		{},
		async () => ({ shared: (await shareKeptAppreciationsWithPartner(ctx)).shared }),
		'shareKept'
	);
}
