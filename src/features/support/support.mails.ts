import { i18nFor, isLang } from '../../web/i18n/i18n.ts';
import type { OutgoingMail } from '../mail/mail.service.ts';

/** Support mails: short B1 texts from the catalogue (support.mail.<kind>.subject/text), in the recipient's language. */
export type SupportMailKind =
  | 'confirmLink'
  | 'received'
  | 'message'
  | 'closed'
  | 'referredRequester'
  | 'assignedStaff'
  | 'referredPartner'
  | 'replyStaff';

export function supportMail(kind: SupportMailKind, recipient: { email: string; name: string; language: string }, vars: Record<string, string>): OutgoingMail {
  const i = i18nFor(isLang(recipient.language) ? recipient.language : 'nl');
  const all = { platform: i.t('common.platformName'), name: recipient.name, ...vars };
  return { to: recipient.email, subject: i.t(`support.mail.${kind}.subject`, all), text: i.t(`support.mail.${kind}.text`, all) };
}
