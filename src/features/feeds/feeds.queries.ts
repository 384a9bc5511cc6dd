import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { RecurrenceRule } from '../agenda/agenda.schema.ts';
import type { AgendaFilters } from '../agenda/agenda.validation.ts';

/**
 * The SQL of the feeds. A feed of any size is one statement: the matching events with their dates and skipped
 * dates aggregated as JSON in the same row, so building a feed never runs a query per event.
 */

export type FeedEventRow = {
  id: string;
  slug: string;
  title: string;
  description: string;
  type: string;
  status: string;
  sequence: number;
  recurrence: RecurrenceRule | null;
  durationMinutes: number;
  isOnline: boolean;
  locationName: string | null;
  streetAddress: string | null;
  postcode: string | null;
  city: string | null;
  onlineUrl: string | null;
  locationForRegisteredOnly: boolean;
  municipalitySlug: string;
  themeSlugs: string[];
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  organiserName: string | null;
  occurrences: Array<{ id: string; startsAt: Date; endsAt: Date; originalStartsAt: Date; status: string; sequence: number }>;
  exdates: Date[];
};

/** Which occurrences make an event part of a feed. */
export type FeedSelection = {
  filters?: AgendaFilters;
  /** Only occurrences that end at or after this instant. */
  endsFrom?: Date;
  /** Only occurrences that start at or after / before these instants (the van/tot window). */
  startsFrom?: Date;
  startsBefore?: Date;
  organisationId?: string;
  slug?: string;
  /** Order and cap: "start" = soonest date first (calendars), "published" = newest publication first (Atom). */
  order: 'start' | 'published';
  limit: number;
  /** Also the first date still to come after this instant (see feedOccurrences). */
  nextAfter?: Date;
};

function occurrenceConditions(s: FeedSelection): SQL {
  const parts: SQL[] = [sql`o.event_status IN ('published', 'cancelled')`];
  const f = s.filters;
  // No date lasts longer than the longest public event (one index lookup), so that start bound lets the agenda index
  // do the work; a fixed bound of the longest allowed length (14 days) made it skip weeks of dates (as agenda.queries.ts).
  if (s.endsFrom) {
    parts.push(
      sql`o.ends_at >= ${s.endsFrom}`,
      sql`o.starts_at >= ${s.endsFrom}::timestamptz - (SELECT coalesce(max(d.duration_minutes), 0) FROM events d WHERE d.status IN ('published', 'cancelled')) * interval '1 minute'`,
    );
  }
  if (s.startsFrom) parts.push(sql`o.starts_at >= ${s.startsFrom}`);
  if (s.startsBefore) parts.push(sql`o.starts_at < ${s.startsBefore}`);
  if (f?.gemeente) parts.push(sql`o.municipality_slug = ${f.gemeente}`);
  if (f?.type) parts.push(sql`o.type = ${f.type}`);
  if (f?.online !== undefined) parts.push(sql`o.is_online = ${f.online}`);
  if (f?.thema.length) parts.push(sql`o.theme_slugs && ${sql.param(f.thema)}::text[]`);
  if (f?.q) parts.push(sql`e.search_vector @@ websearch_to_tsquery('dutch'::regconfig, ir_unaccent(${f.q}))`);
  if (s.organisationId) parts.push(sql`e.organiser_organisation_id = ${s.organisationId}`);
  if (s.slug) parts.push(sql`e.slug = ${s.slug}`);
  return sql.join(parts, sql` AND `);
}

const toDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

/**
 * "Newest publication first" (Atom) works on the events themselves: their filter columns are the same as the
 * occurrences' copies; a van/tot window asks whether any date falls inside it.
 */
function eventConditions(s: FeedSelection): SQL {
  const parts: SQL[] = [sql`e.status IN ('published', 'cancelled')`, sql`e.published_at IS NOT NULL`];
  const f = s.filters;
  if (f?.gemeente) parts.push(sql`e.municipality_slug = ${f.gemeente}`);
  if (f?.type) parts.push(sql`e.type = ${f.type}`);
  if (f?.online !== undefined) parts.push(sql`e.is_online = ${f.online}`);
  if (f?.thema.length) parts.push(sql`e.theme_slugs && ${sql.param(f.thema)}::text[]`);
  if (f?.q) parts.push(sql`e.search_vector @@ websearch_to_tsquery('dutch'::regconfig, ir_unaccent(${f.q}))`);
  if (s.organisationId) parts.push(sql`e.organiser_organisation_id = ${s.organisationId}`);
  if (s.startsFrom || s.startsBefore) {
    const window: SQL[] = [sql`w.event_id = e.id`];
    if (s.startsFrom) window.push(sql`w.starts_at >= ${s.startsFrom}`);
    if (s.startsBefore) window.push(sql`w.starts_at < ${s.startsBefore}`);
    parts.push(sql`EXISTS (SELECT 1 FROM event_occurrences w WHERE ${sql.join(window, sql` AND `)})`);
  }
  return sql.join(parts, sql` AND `);
}

/**
 * The dates a feed needs of an event, not all of them (a series has up to 500): the first one (a single event's
 * date; DTSTART of a series), the exceptions to the rule (moved, cancelled, changed on its own: RECURRENCE-ID), and
 * with `nextAfter` the next date still to come (the Atom summary). The rule itself (RRULE) gives the others.
 */
function feedOccurrences(s: FeedSelection): SQL {
  const parts: SQL[] = [
    sql`x.original_starts_at = (SELECT min(f.original_starts_at) FROM event_occurrences f WHERE f.event_id = e.id)`,
    sql`x.starts_at <> x.original_starts_at`,
    sql`x.status = 'cancelled'`,
    sql`x.sequence > 0`,
    sql`x.ends_at - x.starts_at <> e.duration_minutes * interval '1 minute'`,
  ];
  if (s.nextAfter) {
    parts.push(sql`x.id = (SELECT n.id FROM event_occurrences n WHERE n.event_id = e.id AND n.ends_at >= ${s.nextAfter} AND n.status <> 'cancelled' ORDER BY n.starts_at LIMIT 1)`);
  }
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** The events of a feed, each with the dates it needs (feedOccurrences) and its skipped dates, in one statement. */
export async function feedEvents(db: DbOrTx, s: FeedSelection): Promise<FeedEventRow[]> {
  const matched =
    s.order === 'start'
      ? sql`SELECT o.event_id, min(o.starts_at) AS first_start, NULL::timestamptz AS published_at
          FROM event_occurrences o JOIN events e ON e.id = o.event_id
          WHERE ${occurrenceConditions(s)}
          GROUP BY o.event_id
          ORDER BY min(o.starts_at), o.event_id
          LIMIT ${s.limit}`
      : sql`SELECT e.id AS event_id, NULL::timestamptz AS first_start, e.published_at
          FROM events e
          WHERE ${eventConditions(s)}
          ORDER BY e.published_at DESC, e.id
          LIMIT ${s.limit}`;
  const outerOrder = s.order === 'start' ? sql.raw('m.first_start, e.id') : sql.raw('m.published_at DESC, e.id');
  const result = await db.execute(sql`
    WITH matched AS (${matched})
    SELECT e.id, e.slug, e.title, e.description, e.type::text AS type, e.status::text AS status, e.sequence, e.recurrence,
      e.duration_minutes AS "durationMinutes", e.is_online AS "isOnline", e.location_name AS "locationName",
      e.street_address AS "streetAddress", e.postcode, e.city, e.online_url AS "onlineUrl",
      e.location_for_registered_only AS "locationForRegisteredOnly", e.municipality_slug AS "municipalitySlug",
      e.theme_slugs AS "themeSlugs", e.created_at AS "createdAt", e.updated_at AS "updatedAt", e.published_at AS "publishedAt",
      org.name AS "organiserName",
      coalesce((SELECT json_agg(json_build_object('id', x.id, 'startsAt', x.starts_at, 'endsAt', x.ends_at,
                  'originalStartsAt', x.original_starts_at, 'status', x.status, 'sequence', x.sequence) ORDER BY x.original_starts_at)
                FROM event_occurrences x WHERE x.event_id = e.id AND ${feedOccurrences(s)}), '[]'::json) AS occurrences,
      coalesce((SELECT json_agg(d.original_starts_at ORDER BY d.original_starts_at) FROM event_exdates d WHERE d.event_id = e.id), '[]'::json) AS exdates
    FROM matched m
    JOIN events e ON e.id = m.event_id
    LEFT JOIN organisations org ON org.id = e.organiser_organisation_id AND org.status = 'published'
    ORDER BY ${outerOrder}`);
  return (result.rows as Array<Record<string, unknown>>).map((r) => ({
    ...(r as unknown as FeedEventRow),
    createdAt: toDate(r.createdAt),
    updatedAt: toDate(r.updatedAt),
    publishedAt: r.publishedAt ? toDate(r.publishedAt) : null,
    occurrences: (r.occurrences as Array<Record<string, unknown>>).map((o) => ({
      id: String(o.id),
      startsAt: toDate(o.startsAt),
      endsAt: toDate(o.endsAt),
      originalStartsAt: toDate(o.originalStartsAt),
      status: String(o.status),
      sequence: Number(o.sequence),
    })),
    exdates: (r.exdates as unknown[]).map(toDate),
  }));
}
