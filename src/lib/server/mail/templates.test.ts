import { describe, expect, it } from 'vitest';
import { MAIL_TEMPLATES, renderMail, type MailTemplate, type MailVars } from './templates';

// Every template needs a sample here, or this file does not type-check.
const SAMPLES: { [T in MailTemplate]: MailVars[T] } = {
	password_reset: {
		link: 'https://tend.example/reset/SAMPLE-TOKEN',
		minutes: 30,
		origin: 'https://tend.example'
	},
	email_changed: { origin: 'https://tend.example' }
};

describe('mail templates (SAFE-12)', () => {
	it.each(MAIL_TEMPLATES)(
		'%s: a neutral subject, and nothing but links and numbers filled in',
		(name) => {
			const mail = renderMail(name, SAMPLES[name] as never);
			expect(mail.subject).toBe('Your Tend account');
			// With the filled-in values taken out, what is left is the same for everyone.
			let text = mail.text;
			for (const value of Object.values(SAMPLES[name])) {
				text = text.replaceAll(String(value), '«value»');
			}
			expect(text).toMatchSnapshot();
			expect(text).not.toMatch(/\{|\}/);
		}
	);
});
