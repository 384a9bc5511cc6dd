import { markdownToPlainText } from '../../lib/markdown.ts';
import type { EventRow, OccurrenceRow, Organiser } from './agenda.queries.ts';
import { eventHref } from './views/AgendaListView.tsx';
import { municipalityName } from './views/agenda.format.ts';

/** At most this many dates of a series are described in the page's JSON-LD (the next ones). */
export const JSONLD_MAX_OCCURRENCES = 10;

/** "2026-12-03T19:30:00+01:00": schema.org dates with the Dutch offset, as search engines prefer. */
export function isoWithOffset(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(d);
  const p = Object.fromEntries(parts.filter((x) => x.type !== 'literal').map((x) => [x.type, x.value]));
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const offset = Math.round((local - Math.floor(d.getTime() / 1000) * 1000) / 60_000);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * schema.org Event objects for the event page: one per shown date (the single one, or the next dates of a series).
 * An address or online link that is only for registered people is left out (only the city is given).
 */
export function eventJsonLd(
  event: EventRow,
  occurrences: Pick<OccurrenceRow, 'startsAt' | 'endsAt' | 'originalStartsAt' | 'status'>[],
  organiser: Organiser | null,
  base: string,
  options: { programmeName: string },
): Array<Record<string, unknown>> {
  const url = `${base}${eventHref(event.slug)}`;
  const hasPlace = !!(event.locationName || event.streetAddress || event.city);
  const mode = event.isOnline ? (hasPlace ? 'MixedEventAttendanceMode' : 'OnlineEventAttendanceMode') : 'OfflineEventAttendanceMode';
  const hidden = event.locationForRegisteredOnly;
  const locations: Array<Record<string, unknown>> = [];
  if (hasPlace) {
    locations.push({
      '@type': 'Place',
      name: hidden ? (event.city ?? municipalityName(event.municipalitySlug)) : (event.locationName ?? event.city ?? municipalityName(event.municipalitySlug)),
      address: {
        '@type': 'PostalAddress',
        ...(hidden ? {} : { streetAddress: event.streetAddress ?? undefined, postalCode: event.postcode ?? undefined }),
        addressLocality: event.city ?? municipalityName(event.municipalitySlug),
        addressCountry: 'NL',
      },
    });
  }
  if (event.isOnline) locations.push({ '@type': 'VirtualLocation', ...(hidden || !event.onlineUrl ? { url } : { url: event.onlineUrl }) });
  const organizer = organiser
    ? { '@type': 'Organization', name: organiser.name, ...(organiser.published ? { url: `${base}/ondernemers/${encodeURIComponent(organiser.slug)}` } : {}) }
    : { '@type': 'Organization', name: options.programmeName, url: base };
  const description = markdownToPlainText(event.description).slice(0, 5000);
  return occurrences.map((o) => {
    const cancelled = event.status === 'cancelled' || o.status === 'cancelled';
    const moved = o.startsAt.getTime() !== o.originalStartsAt.getTime();
    return {
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: event.title,
      ...(description ? { description } : {}),
      url,
      startDate: isoWithOffset(o.startsAt),
      endDate: isoWithOffset(o.endsAt),
      eventStatus: `https://schema.org/${cancelled ? 'EventCancelled' : moved ? 'EventRescheduled' : 'EventScheduled'}`,
      ...(moved && !cancelled ? { previousStartDate: isoWithOffset(o.originalStartsAt) } : {}),
      eventAttendanceMode: `https://schema.org/${mode}`,
      location: locations.length === 1 ? locations[0] : locations,
      organizer,
      ...(event.capacity !== null ? { maximumAttendeeCapacity: event.capacity } : {}),
      inLanguage: 'nl',
    };
  });
}
