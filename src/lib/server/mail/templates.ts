import * as m from '$lib/paraglide/messages';

/**
 * Every email Tend sends, in one place. A template gets only the variables listed here: links
 * and numbers, never a name, never anything a person wrote, never a mood (SAFE-12). Subjects are
 * the same neutral line for every mail, so an inbox preview tells nothing.
 */
export type MailVars = {
	password_reset: { link: string; minutes: number; origin: string };
	email_changed: { origin: string };
};

export type MailTemplate = keyof MailVars;

export type RenderedMail = { subject: string; text: string };

const TEMPLATES: { [T in MailTemplate]: (vars: MailVars[T]) => RenderedMail } = {
	password_reset: (vars) => ({
		subject: m.mail_subject(),
		text: m.mail_reset_text({ link: vars.link, minutes: vars.minutes, origin: vars.origin })
	}),
	email_changed: (vars) => ({
		subject: m.mail_subject(),
		text: m.mail_email_changed_text({ origin: vars.origin })
	})
};

export const MAIL_TEMPLATES = Object.keys(TEMPLATES) as MailTemplate[];

export function isMailTemplate(name: string): name is MailTemplate {
	return Object.hasOwn(TEMPLATES, name);
}

export function renderMail<T extends MailTemplate>(template: T, vars: MailVars[T]): RenderedMail {
	return TEMPLATES[template](vars);
}
