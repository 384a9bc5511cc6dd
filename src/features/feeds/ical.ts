import type { RecurrenceRule } from '../agenda/agenda.schema.ts';
import { icalUtc, toRRule } from '../agenda/recurrence.ts';

/**
 * An iCalendar (RFC 5545) writer for the agenda feeds: pure functions, no I/O.
 *
 * - Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character (3.1).
 * - Times are local wall-clock times with TZID=Europe/Amsterdam and a VTIMEZONE that carries the EU daylight-saving
 *   rules, so calendars keep a 19:30 event at 19:30 on both sides of the clock change; DTSTAMP is UTC.
 * - One VEVENT per event with a stable UID `<event id>@<host>`; a series is one VEVENT with RRULE and EXDATE, plus
 *   one VEVENT with RECURRENCE-ID for each moved or cancelled date (its own SEQUENCE, STATUS:CANCELLED).
 * - In a published calendar (no METHOD) DTSTAMP is the time the event was last revised (3.8.7.2), so an unchanged
 *   event gives byte-for-byte the same feed.
 */

export const ICAL_TIME_ZONE = 'Europe/Amsterdam';

/** What the writer needs of an event; built by feeds.queries from the agenda tables. */
export type FeedEvent = {
  id: string;
  slug: string;
  title: string;
  /** Plain text (Markdown already flattened). */
  description: string;
  status: 'published' | 'cancelled' | string;
  sequence: number;
  recurrence: RecurrenceRule | null;
  durationMinutes: number;
  type: string;
  /** One line for LOCATION, or null. */
  location: string | null;
  organiserName: string | null;
  createdAt: Date;
  updatedAt: Date;
  occurrences: FeedOccurrence[];
  exdates: Date[];
};

export type FeedOccurrence = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  originalStartsAt: Date;
  status: 'scheduled' | 'cancelled' | string;
  sequence: number;
};

export type CalendarOptions = {
  /** Calendar name shown by the subscriber's app. */
  name: string;
  description?: string;
  /** Host part of the UIDs (the platform's host name). */
  host: string;
  /** Public base URL (https://…) for the URL of each event. */
  publicUrl: string;
  /** The feed's own address (RFC 7986 SOURCE). */
  sourceUrl?: string;
};

// --- text and lines ------------------------------------------------------------------------------------------------

/** TEXT value escaping (3.3.11): backslash, semicolon, comma and newlines; other control characters are dropped. */
export function escapeText(s: string): string {
  return s.replace(/\r\n?|\n|[\u0000-\u0008\u000b-\u001f\u007f\\;,]/g, (ch) => TEXT_ESCAPES[ch] ?? (ch === '\r\n' || ch === '\r' || ch === '\n' ? '\\n' : ''));
}
const TEXT_ESCAPES: Record<string, string> = { '\\': '\\\\', ';': '\\;', ',': '\\,' };

/** UTF-8 length of one code point. */
const octetsOf = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
const isAscii = (s: string) => !/[^\u0000-\u007f]/.test(s);

/**
 * Folds one content line (3.1): at most 75 octets per physical line, continuation lines start with one space.
 * Splits between code points only, so a multi-byte UTF-8 character is never cut in two.
 */
export function foldLine(line: string): string {
  if (isAscii(line)) {
    if (line.length <= 75) return line;
    // One octet per character: plain slices (the common case, and the fast one for long descriptions).
    const parts = [line.slice(0, 75)];
    for (let k = 75; k < line.length; k += 74) parts.push(` ${line.slice(k, k + 74)}`);
    return parts.join('\r\n');
  }
  if (Buffer.byteLength(line, 'utf8') <= 75) return line;
  const out: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = octetsOf(ch.codePointAt(0)!);
    if (size + n > limit) {
      out.push(current);
      current = ' ';
      size = 1;
      limit = 75;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n');
}

/** Content lines joined with CRLF, each folded, with the final CRLF. */
export const joinLines = (lines: string[]): string => `${lines.map(foldLine).join('\r\n')}\r\n`;

// --- times ---------------------------------------------------------------------------------------------------------

/** The last Sunday of a month, as a UTC day start (ms). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay());
}

/**
 * The offset of Europe/Amsterdam at an instant, by the EU rule the VTIMEZONE below states: summer time (+2 h) from
 * 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October, otherwise +1 h. Arithmetic
 * instead of Intl: a feed of 1,000 events converts thousands of times, and the feed and its VTIMEZONE cannot disagree.
 */
export function amsterdamOffsetMs(d: Date): number {
  const t = d.getTime();
  const y = d.getUTCFullYear();
  const summerStart = lastSunday(y, 2) + 3600_000;
  const summerEnd = lastSunday(y, 9) + 3600_000;
  return t >= summerStart && t < summerEnd ? 2 * 3600_000 : 3600_000;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "20261201T193000": the local wall-clock time in Europe/Amsterdam (for DTSTART;TZID=…). */
export function icalLocal(d: Date): string {
  const l = new Date(d.getTime() + amsterdamOffsetMs(d));
  return `${pad(l.getUTCFullYear(), 4)}${pad(l.getUTCMonth() + 1)}${pad(l.getUTCDate())}T${pad(l.getUTCHours())}${pad(l.getUTCMinutes())}${pad(l.getUTCSeconds())}`;
}

export { icalUtc };

const tzProp = (name: string, d: Date) => `${name};TZID=${ICAL_TIME_ZONE}:${icalLocal(d)}`;

/**
 * Europe/Amsterdam since 1996: CEST from the last Sunday of March 02:00 to the last Sunday of October 03:00 (local).
 * DTSTART lies before any event the platform holds, so the rules cover every date in the feed.
 */
export const VTIMEZONE_AMSTERDAM: readonly string[] = [
  'BEGIN:VTIMEZONE',
  `TZID:${ICAL_TIME_ZONE}`,
  `X-LIC-LOCATION:${ICAL_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19970330T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19971026T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

// --- events --------------------------------------------------------------------------------------------------------

export const eventUid = (eventId: string, host: string) => `${eventId}@${host}`;
export const eventPageUrl = (publicUrl: string, slug: string) => `${publicUrl}/agenda/${encodeURIComponent(slug)}`;

/** The first date the rule gives (DTSTART of the series): the earliest original start, skipped dates included. */
export function seriesStartOf(e: Pick<FeedEvent, 'occurrences' | 'exdates'>): Date | null {
  const all = [...e.occurrences.map((o) => o.originalStartsAt.getTime()), ...e.exdates.map((d) => d.getTime())];
  return all.length ? new Date(Math.min(...all)) : null;
}

/** The properties every VEVENT of an event shares. */
function commonLines(e: FeedEvent, o: CalendarOptions): string[] {
  const url = eventPageUrl(o.publicUrl, e.slug);
  const description = [e.description.trim(), e.organiserName ? `Organisator: ${e.organiserName}` : '', url].filter(Boolean).join('\n\n');
  const lines = [
    `UID:${eventUid(e.id, o.host)}`,
    `DTSTAMP:${icalUtc(e.updatedAt)}`,
    `CREATED:${icalUtc(e.createdAt)}`,
    `LAST-MODIFIED:${icalUtc(e.updatedAt)}`,
    `SUMMARY:${escapeText(e.title)}`,
    `DESCRIPTION:${escapeText(description)}`,
  ];
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  lines.push(`URL:${url}`, `CATEGORIES:${escapeText(e.type)}`);
  return lines;
}

const durationOf = (minutes: number) => `PT${Math.max(1, Math.round(minutes))}M`;

/** The VEVENT lines of one event: a single date, or a series with its exceptions. */
export function eventLines(e: FeedEvent, o: CalendarOptions): string[] {
  const cancelled = e.status === 'cancelled';
  const lines: string[] = [];
  if (!e.recurrence) {
    const occ = e.occurrences[0];
    if (!occ) return [];
    const status = cancelled || occ.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED';
    lines.push(
      'BEGIN:VEVENT',
      ...commonLines(e, o),
      tzProp('DTSTART', occ.startsAt),
      tzProp('DTEND', occ.endsAt),
      `SEQUENCE:${e.sequence + occ.sequence}`,
      `STATUS:${status}`,
      'END:VEVENT',
    );
    return lines;
  }
  const start = seriesStartOf(e);
  if (!start) return [];
  lines.push('BEGIN:VEVENT', ...commonLines(e, o), tzProp('DTSTART', start), `DURATION:${durationOf(e.durationMinutes)}`, `RRULE:${toRRule(e.recurrence)}`);
  for (const d of [...e.exdates].sort((a, b) => a.getTime() - b.getTime())) lines.push(tzProp('EXDATE', d));
  lines.push(`SEQUENCE:${e.sequence}`, `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
  // Exceptions: a moved or cancelled date (or one changed on its own) overrides the rule's instance.
  for (const occ of e.occurrences) {
    const moved = occ.startsAt.getTime() !== occ.originalStartsAt.getTime() || occ.endsAt.getTime() - occ.startsAt.getTime() !== e.durationMinutes * 60_000;
    if (!moved && occ.status !== 'cancelled' && occ.sequence === 0) continue;
    lines.push(
      'BEGIN:VEVENT',
      ...commonLines(e, o),
      tzProp('RECURRENCE-ID', occ.originalStartsAt),
      tzProp('DTSTART', occ.startsAt),
      tzProp('DTEND', occ.endsAt),
      `SEQUENCE:${e.sequence + occ.sequence}`,
      `STATUS:${cancelled || occ.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  return lines;
}

/** A whole VCALENDAR with the time zone and the events, as RFC 5545 text (CRLF, folded). */
export function buildCalendar(events: FeedEvent[], o: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Impact in de Regio//Agenda//NL',
    'CALSCALE:GREGORIAN',
    `NAME:${escapeText(o.name)}`,
    `X-WR-CALNAME:${escapeText(o.name)}`,
    ...(o.description ? [`DESCRIPTION:${escapeText(o.description)}`, `X-WR-CALDESC:${escapeText(o.description)}`] : []),
    `X-WR-TIMEZONE:${ICAL_TIME_ZONE}`,
    ...(o.sourceUrl ? [`SOURCE;VALUE=URI:${o.sourceUrl}`] : []),
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...VTIMEZONE_AMSTERDAM,
  ];
  for (const e of events) lines.push(...eventLines(e, o));
  lines.push('END:VCALENDAR');
  return joinLines(lines);
}
