import { EVENT_TYPES } from '../agenda/agenda.schema.ts';
import { localToUtc } from '../agenda/recurrence.ts';
import type { AgendaFilters } from '../agenda/agenda.validation.ts';
import { region, THEMES } from '../../data/reference.ts';
import { markdownToPlainText, renderMarkdown } from '../../lib/markdown.ts';
import type { ServiceContext } from '../../web/types.ts';
import { getPublishedProfile } from '../directory/directory.service.ts';
import { isSlug, latestStoriesWithBody } from '../stories/stories.service.ts';
import { AppError } from '../../lib/errors.ts';
import { storiesHref, storyHref } from '../stories/stories.urls.ts';
import { type AtomEntry, buildAtomFeed } from './atom.ts';
import * as q from './feeds.queries.ts';
import { buildCalendar, eventPageUrl, type FeedEvent } from './ical.ts';
import { calendarName } from './feeds.urls.ts';

export { calendarName };

/** How far back a calendar feed reaches: subscribers keep the recent past in their calendar. */
export const FEED_PAST_DAYS = 90;
/**
 * How far ahead a feed without "tot" reaches. Subscribed calendars refresh hourly, so a date further out appears in
 * time; the bound keeps a feed of the whole region small and its query on the index.
 */
export const FEED_AHEAD_DAYS = 400;
/** At most this many events in one calendar feed (a series counts once). */
export const FEED_MAX_EVENTS = 2000;
/** Entries in an Atom feed. */
export const ATOM_ENTRIES = 50;

const municipalityName = (slug: string) => region.municipalities.find((m) => m.slug === slug)?.name ?? slug;
const hostOf = (publicUrl: string) => new URL(publicUrl).host;

/** LOCATION of an event; an address shown only to registered people stays out of the public feed. */
function locationOf(r: q.FeedEventRow): string | null {
  const place = r.city || municipalityName(r.municipalitySlug);
  if (r.locationForRegisteredOnly) return r.isOnline && !r.locationName && !r.streetAddress ? 'Online' : `${place} (adres voor aangemelde deelnemers)`;
  const parts = [r.locationName, r.streetAddress, [r.postcode, r.city].filter(Boolean).join(' ')].filter((p): p is string => !!p && p.trim() !== '');
  if (r.isOnline) parts.push('Online');
  return parts.length ? parts.join(', ') : place;
}

export function toFeedEvent(r: q.FeedEventRow): FeedEvent {
  const online = r.onlineUrl && !r.locationForRegisteredOnly ? `Online: ${r.onlineUrl}` : '';
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: [markdownToPlainText(r.description), online].filter(Boolean).join('\n\n'),
    status: r.status,
    sequence: r.sequence,
    recurrence: r.recurrence && typeof r.recurrence === 'object' ? r.recurrence : null,
    durationMinutes: r.durationMinutes,
    type: r.type,
    location: locationOf(r),
    organiserName: r.organiserName,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    occurrences: r.occurrences,
    exdates: r.exdates,
  };
}

/** The van/tot filters as a window on start times; without them: everything not over longer than FEED_PAST_DAYS. */
function windowOf(ctx: ServiceContext, f: AgendaFilters): Pick<q.FeedSelection, 'endsFrom' | 'startsFrom' | 'startsBefore'> {
  const next = (date: string) => {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  };
  return {
    endsFrom: f.van ? undefined : new Date(ctx.clock.now().getTime() - FEED_PAST_DAYS * 24 * 3600_000),
    startsFrom: f.van ? localToUtc(f.van, '00:00') : undefined,
    startsBefore: f.tot ? localToUtc(next(f.tot), '00:00') : new Date(ctx.clock.now().getTime() + FEED_AHEAD_DAYS * 24 * 3600_000),
  };
}

const calendarOptions = (ctx: ServiceContext, name: string, sourcePath: string, description?: string) => ({
  name,
  description,
  host: hostOf(ctx.config.publicUrl),
  publicUrl: ctx.config.publicUrl,
  sourceUrl: `${ctx.config.publicUrl}${sourcePath}`,
});

/** GET /agenda.ics: the agenda with the page's filters, as one calendar. */
export async function agendaCalendar(ctx: ServiceContext, filters: AgendaFilters, sourcePath: string): Promise<string> {
  const rows = await q.feedEvents(ctx.db, { filters, ...windowOf(ctx, filters), order: 'start', limit: FEED_MAX_EVENTS });
  return buildCalendar(rows.map(toFeedEvent), calendarOptions(ctx, calendarName(filters), sourcePath, 'Evenementen voor impactondernemers in Zuid- en Oost-Drenthe.'));
}

/** GET /ondernemers/:slug/agenda.ics: the events one published organisation organises. */
export async function organisationCalendar(ctx: ServiceContext, slug: string, sourcePath: string): Promise<string> {
  if (!isSlug(slug)) throw new AppError('not_found', 'common.error.notFoundText');
  const { organisation } = await getPublishedProfile(ctx, slug);
  const rows = await q.feedEvents(ctx.db, {
    organisationId: organisation.id,
    endsFrom: new Date(ctx.clock.now().getTime() - FEED_PAST_DAYS * 24 * 3600_000),
    order: 'start',
    limit: FEED_MAX_EVENTS,
  });
  return buildCalendar(rows.map(toFeedEvent), calendarOptions(ctx, `${organisation.name}: agenda`, sourcePath));
}

/** GET /agenda/:slug.ics: one published (or cancelled) event with all its dates; null when there is none. */
export async function eventCalendar(ctx: ServiceContext, slug: string, sourcePath: string): Promise<string | null> {
  if (!isSlug(slug)) return null;
  const rows = await q.feedEvents(ctx.db, { slug, order: 'start', limit: 1 });
  if (rows.length === 0) return null;
  return buildCalendar(rows.map(toFeedEvent), calendarOptions(ctx, rows[0].title, sourcePath));
}

const dateTimeNl = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const typeLabel = (t: string) => (EVENT_TYPES as readonly string[]).includes(t) ? t.replace(/-/g, ' ') : t;

/** GET /agenda.atom: newly published events (newest publication first), with the page's filters. */
export async function newEventsAtom(ctx: ServiceContext, filters: AgendaFilters, selfPath: string, pagePath: string): Promise<string> {
  const window = windowOf(ctx, filters);
  const rows = await q.feedEvents(ctx.db, {
    filters,
    // Only the van/tot the visitor chose: "new events" has no default window.
    startsFrom: window.startsFrom,
    startsBefore: filters.tot ? window.startsBefore : undefined,
    order: 'published',
    limit: ATOM_ENTRIES,
    nextAfter: ctx.clock.now(),
  });
  const base = ctx.config.publicUrl;
  const entries: AtomEntry[] = rows.map((r) => {
    const e = toFeedEvent(r);
    const now = ctx.clock.now().getTime();
    const next = r.occurrences.find((o) => o.endsAt.getTime() >= now && o.status !== 'cancelled') ?? r.occurrences[0];
    const when = next ? dateTimeNl.format(next.startsAt) : '';
    const cancelled = r.status === 'cancelled' ? 'Afgelast. ' : '';
    return {
      id: `urn:uuid:${r.id}`,
      title: r.title,
      url: eventPageUrl(base, r.slug),
      published: r.publishedAt ?? r.createdAt,
      updated: r.publishedAt && r.publishedAt > r.updatedAt ? r.publishedAt : r.updatedAt,
      summary: `${cancelled}${[when, e.location, r.recurrence ? 'terugkerend' : null].filter(Boolean).join(' · ')}`,
      contentHtml: renderMarkdown(r.description, { headingLevel: 3 }),
      author: r.organiserName ?? 'Impact in de Regio',
      categories: [{ term: r.type, label: typeLabel(r.type) }, ...r.themeSlugs.map((t) => ({ term: t, label: THEMES.find((x) => x.slug === t)?.label.nl ?? t }))],
    };
  });
  return buildAtomFeed({
    id: `${base}${selfPath}`,
    title: `${calendarName(filters).replace(': agenda', ': nieuwe evenementen')}`,
    subtitle: 'Nieuw gepubliceerde evenementen voor impactondernemers in Zuid- en Oost-Drenthe.',
    selfUrl: `${base}${selfPath}`,
    pageUrl: `${base}${pagePath}`,
    emptyUpdated: new Date('2026-01-01T00:00:00Z'),
    author: 'Impact in de Regio',
    lang: 'nl',
    entries,
  });
}

/** GET /verhalen.atom: the newest published stories, optionally of one theme. */
export async function storiesAtom(ctx: ServiceContext, theme: string | undefined, selfPath: string): Promise<string> {
  const stories = await latestStoriesWithBody(ctx, ATOM_ENTRIES, theme);
  const base = ctx.config.publicUrl;
  const themeName = theme ? THEMES.find((t) => t.slug === theme)?.label.nl : undefined;
  return buildAtomFeed({
    id: `${base}${selfPath}`,
    title: `Verhalen van Impact in de Regio${themeName ? ` (${themeName})` : ''}`,
    subtitle: 'Portretten van impactondernemers en nieuws uit Zuid- en Oost-Drenthe.',
    selfUrl: `${base}${selfPath}`,
    pageUrl: `${base}${storiesHref({ thema: theme })}`,
    emptyUpdated: new Date('2026-01-01T00:00:00Z'),
    author: 'Impact in de Regio',
    lang: 'nl',
    entries: stories.map((s) => ({
      id: `urn:uuid:${s.id}`,
      title: s.title,
      url: `${base}${storyHref(s.slug)}`,
      published: s.publishedAt ?? s.updatedAt,
      updated: s.updatedAt,
      summary: s.lead,
      contentHtml: renderMarkdown(s.body, { headingLevel: 2 }),
      categories: s.themeSlugs.map((t) => ({ term: t, label: THEMES.find((x) => x.slug === t)?.label.nl ?? t })),
    })),
  });
}
