import type { SubmitFunction } from '@sveltejs/kit';

/**
 * A use:enhance callback that tracks the pending state of a form, so its button can say it is
 * working and cannot be pressed twice. Without JavaScript the form simply posts.
 */
export function pendingSubmit(
	set: (pending: boolean) => void,
	options: { reset?: boolean } = {}
): SubmitFunction {
	return () => {
		set(true);

		return async ({ update }) => {
			await update({ reset: options.reset ?? true });
			set(false);
		};
	};
}
