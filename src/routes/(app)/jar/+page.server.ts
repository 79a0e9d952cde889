import type { Actions, PageServerLoad } from './$types';
import { requireCtx } from '$lib/server/http';
import { getJar } from '$lib/server/today/jar.service';
import { getContent } from '$lib/content';
import { respondAction, shareKeptAction } from '../item-actions';

export const load: PageServerLoad = async ({ locals, url }) => ({
	jar: await getJar(requireCtx(locals, url)),
	responseBank: getContent().responses
});

export const actions: Actions = { respond: respondAction, shareKept: shareKeptAction };
