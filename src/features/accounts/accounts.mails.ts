import { i18nFor, isLang, type Lang } from '../../web/i18n/i18n.ts';
import type { OutgoingMail } from '../mail/mail.service.ts';

/**
 * The account emails: short B1 texts from the catalogue, in the recipient's language, with absolute links.
 * They carry no names: whoever registers chooses the name, and a stranger's text must not reach someone's mailbox.
 */
const langOf = (preferred: string): Lang => (isLang(preferred) ? preferred : 'nl');

function compose(lang: string, to: string, keys: { subject: string; text: string }, vars: Record<string, string>): OutgoingMail {
  const i = i18nFor(langOf(lang));
  const all = { platform: i.t('common.platformName'), ...vars };
  return { to, subject: i.t(keys.subject, all), text: i.t(keys.text, all) };
}

export const verifyEmailMail = (lang: string, to: string, v: { link: string }) => compose(lang, to, { subject: 'accounts.mail.verify.subject', text: 'accounts.mail.verify.text' }, v);

export const alreadyRegisteredMail = (lang: string, to: string, v: { loginLink: string; resetLink: string }) =>
  compose(lang, to, { subject: 'accounts.mail.exists.subject', text: 'accounts.mail.exists.text' }, v);

export const resetPasswordMail = (lang: string, to: string, v: { link: string }) => compose(lang, to, { subject: 'accounts.mail.reset.subject', text: 'accounts.mail.reset.text' }, v);
