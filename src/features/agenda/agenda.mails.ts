import { i18nFor, isLang } from '../../web/i18n/i18n.ts';
import type { OutgoingMail } from '../mail/mail.service.ts';

/** Mails about the coordinator's decision on an event, in the recipient's language, with absolute links. */
export type EventMailKind = 'approved' | 'rejected';

export function eventDecisionMail(kind: EventMailKind, recipient: { email: string; name: string; language: string }, vars: Record<string, string>): OutgoingMail {
  const i = i18nFor(isLang(recipient.language) ? recipient.language : 'nl');
  const all = { platform: i.t('common.platformName'), name: recipient.name, ...vars };
  return { to: recipient.email, subject: i.t(`agenda.mail.${kind}.subject`, all), text: i.t(`agenda.mail.${kind}.text`, all) };
}
