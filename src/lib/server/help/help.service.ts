import { getRuntime } from '../runtime';
import type { Env, HelpResource } from '../env';
import { BASE_LOCALE, getContent } from '$lib/content';
import type { Content } from '$lib/content/schema';
import { getLocale } from '$lib/paraglide/runtime';

/**
 * What this instance says about itself: who runs it (SAFE-16), where quick exit goes (SAFE-13),
 * and the help page (SAFE-18). All of it is the same for everyone, signed in or not.
 */

export type InstanceNotice = {
	operator: Env['operator'];
	quickExitUrl: string;
};

export type HelpPageView = InstanceNotice & {
	help: Content['help'];
	/** Support services the operator listed for this language; empty by default. */
	resources: HelpResource[];
};

export function getInstanceNotice(): InstanceNotice {
	const { env } = getRuntime();

	return { operator: env.operator, quickExitUrl: env.quickExitUrl };
}

export function getHelpPage(): HelpPageView {
	const { env } = getRuntime();
	const locale = getLocale();

	return {
		...getInstanceNotice(),
		help: getContent(locale).help,
		resources: env.helpResources[locale] ?? env.helpResources[BASE_LOCALE] ?? []
	};
}
