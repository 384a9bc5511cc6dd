import { i18nFor, isLang, type Lang } from '../../web/i18n/i18n.ts';
import type { OutgoingMail } from '../mail/mail.service.ts';
import { formatWhen, formatWhere, type PlaceParts } from './registrations.format.ts';

/**
 * Mails about a registration, in the registrant's language, Dutch B1. Like the account mails they carry no names
 * or other typed text: anyone can register any address, and a stranger's words must not reach someone's mailbox.
 */
const langOf = (lang: string): Lang => (isLang(lang) ? lang : 'nl');

export type MailOccurrence = PlaceParts & { title: string; startsAt: Date; endsAt: Date };

function compose(lang: string, to: string, kind: string, vars: Record<string, string | number>): OutgoingMail {
  const i = i18nFor(langOf(lang));
  const all = { platform: i.t('common.platformName'), ...vars };
  return { to, subject: i.t(`registrations.mail.${kind}.subject`, all), text: i.t(`registrations.mail.${kind}.text`, all) };
}

const details = (lang: string, o: MailOccurrence, hasPlace: boolean) => {
  const i = i18nFor(langOf(lang));
  return { title: o.title, when: formatWhen(i, o.startsAt, o.endsAt), where: formatWhere(i, o, hasPlace) };
};

export const confirmedMail = (lang: string, to: string, o: MailOccurrence, cancelLink: string) =>
  compose(lang, to, 'confirmed', { ...details(lang, o, true), link: cancelLink });

export const waitlistedMail = (lang: string, to: string, o: MailOccurrence, position: number, cancelLink: string) =>
  compose(lang, to, 'waitlisted', { ...details(lang, o, false), position, link: cancelLink });

export const promotedMail = (lang: string, to: string, o: MailOccurrence, cancelLink: string) =>
  compose(lang, to, 'promoted', { ...details(lang, o, true), link: cancelLink });

export const cancelledMail = (lang: string, to: string, o: MailOccurrence, eventLink: string) =>
  compose(lang, to, 'cancelled', { ...details(lang, o, false), eventLink });

export const reminderMail = (lang: string, to: string, o: MailOccurrence, cancelLink: string) =>
  compose(lang, to, 'reminder', { ...details(lang, o, true), link: cancelLink });

/** The event (or some of its dates) will not take place; `dates` lists the registrant's dates that are off. */
export function eventCancelledMail(lang: string, to: string, title: string, dates: Array<{ startsAt: Date; endsAt: Date }>): OutgoingMail {
  const i = i18nFor(langOf(lang));
  return compose(lang, to, 'eventCancelled', { title, dates: dates.map((d) => `- ${formatWhen(i, d.startsAt, d.endsAt)}`).join('\n') });
}

/** The organiser changed the event: the registrant's dates as they are now, and where (the address only with a place). */
export function eventChangedMail(lang: string, to: string, o: MailOccurrence, dates: Array<{ startsAt: Date; endsAt: Date }>, hasPlace: boolean, eventLink: string): OutgoingMail {
  const i = i18nFor(langOf(lang));
  return compose(lang, to, 'eventChanged', {
    title: o.title,
    dates: dates.map((d) => `- ${formatWhen(i, d.startsAt, d.endsAt)}`).join('\n'),
    where: formatWhere(i, o, hasPlace),
    eventLink,
  });
}
