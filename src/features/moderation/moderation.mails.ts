import { i18nFor, isLang } from '../../web/i18n/i18n.ts';
import type { OutgoingMail } from '../mail/mail.service.ts';

/** Decision mails: short B1 texts from the catalogue, in the recipient's language, with absolute links. */
export type MailKind =
  | 'approved'
  | 'rejected'
  | 'offline'
  | 'claimApprovedClaimant'
  | 'claimApprovedOwner'
  | 'claimRejectedClaimant'
  | 'claimRejectedOwner';

export function decisionMail(kind: MailKind, recipient: { email: string; name: string; language: string }, vars: Record<string, string>): OutgoingMail {
  const i = i18nFor(isLang(recipient.language) ? recipient.language : 'nl');
  const all = { platform: i.t('common.platformName'), name: recipient.name, ...vars };
  return { to: recipient.email, subject: i.t(`moderation.mail.${kind}.subject`, all), text: i.t(`moderation.mail.${kind}.text`, all) };
}
