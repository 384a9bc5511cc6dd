import { type AgendaFilters, agendaQueryString } from '../agenda/agenda.validation.ts';
import { region, THEMES } from '../../data/reference.ts';
import { icalUtc } from './ical.ts';

/** Addresses of the feeds and of the calendar services that subscribe to them or add one event. */

export const agendaIcsPath = (filters: Partial<AgendaFilters> = {}) => `/agenda.ics${agendaQueryString(filters)}`;
export const agendaAtomPath = (filters: Partial<AgendaFilters> = {}) => `/agenda.atom${agendaQueryString(filters)}`;
export const eventIcsPath = (slug: string) => `/agenda/${encodeURIComponent(slug)}.ics`;
export const organisationIcsPath = (slug: string) => `/ondernemers/${encodeURIComponent(slug)}/agenda.ics`;

/** webcal:// makes the operating system open the calendar app with "subscribe". */
export const webcalUrl = (httpsUrl: string) => httpsUrl.replace(/^https?:\/\//, 'webcal://');

/** Google Calendar: "add by URL" for a subscription. */
export const googleSubscribeUrl = (feedUrl: string) => `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcalUrl(feedUrl))}`;

/** Outlook.com: "subscribe from web". */
export const outlookSubscribeUrl = (feedUrl: string, name: string) =>
  `https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(feedUrl)}&name=${encodeURIComponent(name)}`;

export type OneEvent = { title: string; details: string; location: string | null; startsAt: Date; endsAt: Date };

const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** Google Calendar: a prefilled "new event" form for one date. */
export function googleEventUrl(e: OneEvent): string {
  const p = new URLSearchParams({ action: 'TEMPLATE', text: e.title, dates: `${icalUtc(e.startsAt)}/${icalUtc(e.endsAt)}`, details: cut(e.details, 1500), ctz: 'Europe/Amsterdam' });
  if (e.location) p.set('location', e.location);
  return `https://calendar.google.com/calendar/render?${p.toString()}`;
}

/** Outlook.com: a prefilled "new event" form for one date. */
export function outlookEventUrl(e: OneEvent): string {
  const p = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: e.title,
    startdt: e.startsAt.toISOString(),
    enddt: e.endsAt.toISOString(),
    body: cut(e.details, 1500),
  });
  if (e.location) p.set('location', e.location);
  return `https://outlook.live.com/calendar/0/deeplink/compose?${p.toString()}`;
}

const municipalityName = (slug: string) => region.municipalities.find((m) => m.slug === slug)?.name ?? slug;

/** A readable name for a filtered calendar: "Impact in de Regio: agenda (Emmen, energie)". */
export function calendarName(f: AgendaFilters): string {
  const bits = [
    f.gemeente ? municipalityName(f.gemeente) : null,
    ...f.thema.map((t) => THEMES.find((x) => x.slug === t)?.label.nl ?? t),
    f.type ?? null,
    f.online === undefined ? null : f.online ? 'online' : 'op locatie',
    f.q ? `“${f.q}”` : null,
  ].filter(Boolean);
  return `Impact in de Regio: agenda${bits.length ? ` (${bits.join(', ')})` : ''}`;
}

