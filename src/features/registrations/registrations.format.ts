import { type I18n, TIME_ZONE } from '../../web/i18n/i18n.ts';

const timeFormats = new Map<string, Intl.DateTimeFormat>();
const timeOf = (i: I18n, d: Date) => {
  const locale = i.lang === 'en' ? 'en-GB' : 'nl-NL';
  let f = timeFormats.get(locale);
  if (!f) timeFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' })));
  return f.format(d);
};
const dayOf = (i: I18n, d: Date) => i.formatDate(d);

/** "28 november 2026 14:00 tot 16:00", or with both dates when it runs past midnight. */
export function formatWhen(i: I18n, startsAt: Date, endsAt: Date): string {
  const sameDay = dayOf(i, startsAt) === dayOf(i, endsAt);
  return i.t('registrations.when', { start: i.formatDateTime(startsAt), end: sameDay ? timeOf(i, endsAt) : i.formatDateTime(endsAt) });
}

export type PlaceParts = {
  isOnline: boolean;
  locationName: string | null;
  streetAddress: string | null;
  postcode: string | null;
  city: string | null;
  onlineUrl: string | null;
  /** The organiser shows address and online link only to people with a place. */
  locationForRegisteredOnly: boolean;
};

/**
 * Where it is, on one line. `hasPlace`: for someone with a confirmed place, who also gets the online link; anyone
 * else sees the address unless the organiser keeps it for people with a place.
 */
export function formatWhere(i: I18n, p: PlaceParts, hasPlace: boolean): string {
  if (!hasPlace && p.locationForRegisteredOnly) return i.t('registrations.whereAfterRegistering');
  const address = [p.locationName, p.streetAddress, [p.postcode, p.city].filter(Boolean).join(' ')].filter((s) => s && s.trim()).join(', ');
  const parts: string[] = [];
  if (address) parts.push(address);
  if (p.isOnline) parts.push(hasPlace && p.onlineUrl ? i.t('registrations.whereOnlineLink', { url: p.onlineUrl }) : i.t('registrations.whereOnline'));
  return parts.join(' / ') || i.t('registrations.whereUnknown');
}
