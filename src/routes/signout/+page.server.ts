import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { clearSessionCookie } from '$lib/server/http';
import { endCurrentSession } from '$lib/server/sessions/sessions.service';

export const load: PageServerLoad = () => {
	redirect(303, '/');
};

export const actions: Actions = {
	default: async ({ locals, cookies, setHeaders }) => {
		await endCurrentSession(locals.ctx);
		clearSessionCookie(cookies);
		setHeaders({ 'clear-site-data': '"cache", "storage"' });
		redirect(303, '/');
	}
};
