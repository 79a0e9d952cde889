import type { PageServerLoad } from './$types';
import { getHelpPage } from '$lib/server/help/help.service';

/** Reachable signed in or not, under a plain address and title (SAFE-18). */
export const load: PageServerLoad = ({ locals }) => ({
	...getHelpPage(),
	signedIn: locals.user !== null
});
