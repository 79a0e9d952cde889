import type { SubmitFunction } from '@sveltejs/kit';
import { invalidateAll } from '$app/navigation';

/**
 * After any move, show where the pair is now. A refused move (the other phone was faster) still
 * shows its message, and the page catches up with the state on the server.
 */
export const refresh: SubmitFunction = () => {
	return async ({ result, update }) => {
		await update({ reset: result.type === 'success' });
		if (result.type === 'failure') {
			await invalidateAll();
		}
	};
};
