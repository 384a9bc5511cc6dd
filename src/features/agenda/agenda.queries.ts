import { and, asc, count, eq, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { memberships, organisations } from '../directory/directory.schema.ts';
import { eventExdates, eventOccurrences, events } from './agenda.schema.ts';
import type { AgendaFilters } from './agenda.validation.ts';

/**
 * SQL of the agenda. The public lists read event_occurrences with their copied filter columns and spell the visible
 * statuses as a literal (`event_status IN ('published', 'cancelled')`) so PostgreSQL uses the partial agenda index.
 */

/** Every column of events except the generated search vector (nobody reads that back). */
const eventColumns = (() => {
  const { searchVector: _skip, ...rest } = getTableColumns(events);
  return rest;
})();

export type EventRow = Omit<typeof events.$inferSelect, 'searchVector'>;
export type EventValues = Omit<typeof events.$inferInsert, 'searchVector'>;
export type OccurrenceRow = typeof eventOccurrences.$inferSelect;

/** One line of the agenda: an occurrence with what the list shows of its event. */
export type AgendaItem = {
  occurrenceId: string;
  eventId: string;
  slug: string;
  title: string;
  type: EventRow['type'];
  municipalitySlug: string;
  isOnline: boolean;
  city: string | null;
  locationName: string | null;
  startsAt: Date;
  endsAt: Date;
  occurrenceStatus: 'scheduled' | 'cancelled';
  eventStatus: EventRow['status'];
  isRecurring: boolean;
  registrationMode: EventRow['registrationMode'];
  capacity: number | null;
  themeSlugs: string[];
  organiserName: string | null;
  organiserSlug: string | null;
};

const ITEM_COLUMNS = sql.raw(`o.id AS "occurrenceId", o.event_id AS "eventId", e.slug, e.title, e.type,
  e.municipality_slug AS "municipalitySlug", e.is_online AS "isOnline", e.city, e.location_name AS "locationName",
  o.starts_at AS "startsAt", o.ends_at AS "endsAt", o.status AS "occurrenceStatus", o.event_status AS "eventStatus",
  (e.recurrence IS NOT NULL AND e.recurrence <> 'null'::jsonb) AS "isRecurring", e.registration_mode AS "registrationMode",
  e.capacity, e.theme_slugs AS "themeSlugs", org.name AS "organiserName", org.slug AS "organiserSlug"`);

const FROM = sql.raw(`event_occurrences o JOIN events e ON e.id = o.event_id
  LEFT JOIN organisations org ON org.id = e.organiser_organisation_id AND org.status = 'published'`);

/** Time window of a list, in UTC. */
export type Window = { from?: Date; to?: Date; now: Date; past: boolean };

/**
 * How the free text (q) is applied. The words are looked up in the events' GIN index, at most FEW_MATCHES + 1 of them:
 * - none match: nothing to list;
 * - few (<= FEW_MATCHES): the occurrences of those events are read through their event_id index ("ids");
 * - more: the time-ordered agenda index is walked, testing each event's words ("vector"): with that many matches
 *   the first page is found within a few thousand index entries.
 * Counting always starts from the matching events and stops at the cap. Why: a walk in time order looking for a rare
 * word reads the whole upcoming agenda (seconds on the scale set), and reading every occurrence of a common word's
 * thousands of events is slow too. Measured on the scale set (200,000 events, 1.6 million occurrences).
 */
export type TextMatch = { kind: 'none' } | { kind: 'ids'; ids: string[] } | { kind: 'vector'; q: string };
export const FEW_MATCHES = 300;

const tsQuery = (q: string) => sql`websearch_to_tsquery('dutch'::regconfig, ir_unaccent(${q}))`;

export async function textMatchFor(db: DbOrTx, q: string | undefined): Promise<TextMatch | null> {
  if (!q) return null;
  const r = await db.execute(
    sql`SELECT id FROM events WHERE search_vector @@ ${tsQuery(q)} AND status IN ('published', 'cancelled') LIMIT ${FEW_MATCHES + 1}`,
  );
  const ids = (r.rows as Array<{ id: string }>).map((x) => x.id);
  if (ids.length === 0) return { kind: 'none' };
  return ids.length > FEW_MATCHES ? { kind: 'vector', q } : { kind: 'ids', ids };
}

/**
 * "Still running" occurrences started before now; the longest event (an index lookup) bounds how far back they can
 * have started, so the time-ordered walk skips almost nothing.
 */
const LOOKBACK = sql`(SELECT coalesce(max(duration_minutes), 0) FROM events WHERE status IN ('published', 'cancelled')) * interval '1 minute'`;

function conditions(f: AgendaFilters, w: Window, text: TextMatch | null, extra: SQL[] = []): SQL {
  const parts: SQL[] = [sql`o.event_status IN ('published', 'cancelled')`];
  if (w.past) {
    parts.push(sql`o.starts_at < ${w.now}`, sql`o.ends_at < ${w.now}`);
  } else {
    parts.push(sql`o.starts_at >= ${w.now}::timestamptz - ${LOOKBACK}`, sql`o.ends_at >= ${w.now}`);
  }
  if (w.from) parts.push(sql`o.starts_at >= ${w.from}`);
  if (w.to) parts.push(sql`o.starts_at < ${w.to}`);
  if (f.gemeente) parts.push(sql`o.municipality_slug = ${f.gemeente}`);
  if (f.type) parts.push(sql`o.type = ${f.type}`);
  if (f.online !== undefined) parts.push(sql`o.is_online = ${f.online}`);
  if (f.thema.length) parts.push(sql`o.theme_slugs && ${sql.param(f.thema)}::text[]`);
  if (text?.kind === 'ids') parts.push(sql`o.event_id = ANY(${sql.param(text.ids)}::uuid[])`);
  // Tested per walked occurrence (memoised per event); the events row for the output is joined for the page only.
  if (text?.kind === 'vector') {
    parts.push(sql`EXISTS (SELECT 1 FROM events es WHERE es.id = o.event_id AND es.status IN ('published', 'cancelled') AND es.search_vector @@ ${tsQuery(text.q)})`);
  }
  parts.push(...extra);
  return sql.join(parts, sql` AND `);
}

const DATE_FIELDS = ['startsAt', 'endsAt'] as const;
async function itemsOf(db: DbOrTx, query: SQL): Promise<AgendaItem[]> {
  const rows = (await db.execute(query)).rows as Array<Record<string, unknown>>;
  for (const row of rows) for (const k of DATE_FIELDS) if (typeof row[k] === 'string') row[k] = new Date(row[k] as string);
  return rows as unknown as AgendaItem[];
}

/** One page of occurrences: upcoming soonest first, past ones most recent first. `text` from textMatchFor(f.q). */
export async function listAgendaItems(
  db: DbOrTx,
  f: AgendaFilters,
  w: Window,
  limit: number,
  offset: number,
  options: { text?: TextMatch | null; extra?: SQL[] } = {},
): Promise<AgendaItem[]> {
  const text = options.text ?? null;
  if (text?.kind === 'none') return [];
  const order = w.past ? sql.raw('o.starts_at DESC, o.id DESC') : sql.raw('o.starts_at ASC, o.id ASC');
  return itemsOf(db, sql`SELECT ${ITEM_COLUMNS} FROM ${FROM} WHERE ${conditions(f, w, text, options.extra)} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`);
}

/** How many occurrences match, counted up to `cap` (more is "more than cap"). */
export async function countAgendaItems(db: DbOrTx, f: AgendaFilters, w: Window, cap: number, text: TextMatch | null = null): Promise<number> {
  if (text?.kind === 'none') return 0;
  // Counting reads the matching events' own occurrences (event_id index), never a walk over the whole agenda.
  if (text?.kind === 'vector') {
    const r = await db.execute(sql`SELECT count(*)::int AS n FROM (
      SELECT 1 FROM events e
      -- The LIMIT keeps this a per-event lookup (event_id index): without it the planner may walk the whole agenda.
      JOIN LATERAL (SELECT 1 FROM event_occurrences o WHERE o.event_id = e.id AND ${conditions(f, w, null)} LIMIT ${cap}) x ON true
      WHERE e.search_vector @@ ${tsQuery(text.q)} AND e.status IN ('published', 'cancelled')
      LIMIT ${cap}) y`);
    return (r.rows[0] as { n: number }).n;
  }
  const r = await db.execute(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM event_occurrences o WHERE ${conditions(f, w, text)} LIMIT ${cap}) x`);
  return (r.rows[0] as { n: number }).n;
}

/**
 * Upcoming occurrences of one organisation's published events (profile pages), soonest first: read from the
 * organisation's events (a handful) rather than by walking the whole agenda.
 */
export function upcomingOfOrganisation(db: DbOrTx, organisationId: string, now: Date, limit: number): Promise<AgendaItem[]> {
  return itemsOf(
    db,
    sql`SELECT ${ITEM_COLUMNS}
      FROM events e
      JOIN LATERAL (
        SELECT * FROM event_occurrences o1 WHERE o1.event_id = e.id AND o1.ends_at >= ${now} ORDER BY o1.starts_at LIMIT ${limit}
      ) o ON true
      LEFT JOIN organisations org ON org.id = e.organiser_organisation_id AND org.status = 'published'
      WHERE e.organiser_organisation_id = ${organisationId} AND e.status = 'published'
      ORDER BY o.starts_at, o.id LIMIT ${limit}`,
  );
}

/** Scheduled occurrences of published events starting in [from, to). */
export async function countOccurrencesBetween(db: DbOrTx, from: Date, to: Date): Promise<number> {
  const r = await db.execute(
    sql`SELECT count(*)::int AS n FROM event_occurrences o WHERE o.event_status = 'published' AND o.status = 'scheduled' AND o.starts_at >= ${from} AND o.starts_at < ${to}`,
  );
  return (r.rows[0] as { n: number }).n;
}

// --- one event --------------------------------------------------------------------------------------------------

export async function findEventBySlug(db: DbOrTx, slug: string): Promise<EventRow | null> {
  const rows = await db.select(eventColumns).from(events).where(eq(events.slug, slug)).limit(1);
  return (rows[0] as EventRow | undefined) ?? null;
}

export async function findEventById(db: DbOrTx, id: string): Promise<EventRow | null> {
  const rows = await db.select(eventColumns).from(events).where(eq(events.id, id)).limit(1);
  return (rows[0] as EventRow | undefined) ?? null;
}

export async function lockEvent(tx: DbOrTx, id: string): Promise<EventRow | null> {
  const rows = await tx.select(eventColumns).from(events).where(eq(events.id, id)).limit(1).for('update');
  return (rows[0] as EventRow | undefined) ?? null;
}

export function listOccurrences(db: DbOrTx, eventId: string): Promise<OccurrenceRow[]> {
  return db.select().from(eventOccurrences).where(eq(eventOccurrences.eventId, eventId)).orderBy(asc(eventOccurrences.startsAt), asc(eventOccurrences.id));
}

export async function listExdates(db: DbOrTx, eventId: string): Promise<Date[]> {
  const rows = await db.select({ at: eventExdates.originalStartsAt }).from(eventExdates).where(eq(eventExdates.eventId, eventId)).orderBy(asc(eventExdates.originalStartsAt));
  return rows.map((r) => r.at);
}

export type Organiser = { id: string; name: string; slug: string; published: boolean };

export async function findOrganiser(db: DbOrTx, organisationId: string | null): Promise<Organiser | null> {
  if (!organisationId) return null;
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, slug: organisations.slug, status: organisations.status })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .limit(1);
  const r = rows[0];
  return r ? { id: r.id, name: r.name, slug: r.slug, published: r.status === 'published' } : null;
}

// --- writing ----------------------------------------------------------------------------------------------------

export async function findSlugsLike(db: DbOrTx, base: string): Promise<string[]> {
  const rows = await db
    .select({ slug: events.slug })
    .from(events)
    .where(or(eq(events.slug, base), sql`${events.slug} LIKE ${`${base.replace(/[\\%_]/g, (m) => `\\${m}`)}-%`}`));
  return rows.map((r) => r.slug);
}

export async function insertEvent(tx: DbOrTx, values: EventValues): Promise<EventRow> {
  const [row] = await tx.insert(events).values(values).returning(eventColumns);
  return row as EventRow;
}

export async function updateEvent(tx: DbOrTx, id: string, values: Partial<EventValues>): Promise<void> {
  await tx.update(events).set(values).where(eq(events.id, id));
}

/** Deletes an event with its dates (only ever one that was never published). */
export async function deleteEvent(tx: DbOrTx, id: string): Promise<void> {
  await tx.delete(events).where(eq(events.id, id));
}

/** Updates only while the event is in one of the statuses; the number of rows changed (0 or 1). */
export async function updateEventIfStatus(tx: DbOrTx, id: string, from: EventRow['status'][], values: Partial<EventValues>): Promise<number> {
  const rows = await tx
    .update(events)
    .set(values)
    .where(and(eq(events.id, id), inArray(events.status, from)))
    .returning({ id: events.id });
  return rows.length;
}

export type OccurrenceValues = typeof eventOccurrences.$inferInsert;

export async function insertOccurrences(tx: DbOrTx, rows: OccurrenceValues[]): Promise<void> {
  for (let k = 0; k < rows.length; k += 200) await tx.insert(eventOccurrences).values(rows.slice(k, k + 200));
}

export async function updateOccurrence(tx: DbOrTx, id: string, values: Partial<OccurrenceValues>): Promise<void> {
  await tx.update(eventOccurrences).set(values).where(eq(eventOccurrences.id, id));
}

export async function deleteOccurrences(tx: DbOrTx, ids: string[]): Promise<void> {
  if (ids.length) await tx.delete(eventOccurrences).where(inArray(eventOccurrences.id, ids));
}

/** The copies of the event's filter columns on every occurrence (see agenda.schema.ts). */
export async function syncOccurrenceCopies(
  tx: DbOrTx,
  eventId: string,
  copy: Pick<OccurrenceValues, 'eventStatus' | 'municipalitySlug' | 'type' | 'isOnline' | 'themeSlugs'>,
): Promise<void> {
  await tx.update(eventOccurrences).set(copy).where(eq(eventOccurrences.eventId, eventId));
}

export async function insertExdate(tx: DbOrTx, eventId: string, originalStartsAt: Date): Promise<void> {
  await tx.insert(eventExdates).values({ eventId, originalStartsAt }).onConflictDoNothing();
}

export async function deleteExdate(tx: DbOrTx, eventId: string, originalStartsAt: Date): Promise<void> {
  await tx.delete(eventExdates).where(and(eq(eventExdates.eventId, eventId), eq(eventExdates.originalStartsAt, originalStartsAt)));
}

// --- whose events -----------------------------------------------------------------------------------------------

/** The organisations the user is a member of (candidates for organiser), by name. */
export function organisationsOfUser(db: DbOrTx, userId: string) {
  return db
    .select({ id: organisations.id, name: organisations.name, status: organisations.status })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name));
}

export async function isMember(db: DbOrTx, userId: string, organisationId: string): Promise<boolean> {
  const rows = await db
    .select({ one: sql`1` })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)))
    .limit(1);
  return rows.length > 0;
}

export type MyEventRow = {
  id: string;
  slug: string;
  title: string;
  status: EventRow['status'];
  rejectionReason: string | null;
  isRecurring: boolean;
  organiserName: string | null;
  nextStartsAt: Date | null;
  firstStartsAt: Date | null;
  updatedAt: Date;
};

/** Events the user created or that belong to one of their organisations, soonest upcoming first. */
export async function listEventsOfUser(db: DbOrTx, userId: string, now: Date, limit: number, offset: number): Promise<{ rows: MyEventRow[]; total: number }> {
  const where = sql`(e.created_by_user_id = ${userId} OR e.organiser_organisation_id IN (SELECT organisation_id FROM memberships WHERE user_id = ${userId}))`;
  // Output names cannot be used inside ORDER BY expressions, hence the outer query.
  const r = await db.execute(sql`
    SELECT * FROM (
      SELECT e.id, e.slug, e.title, e.status, e.rejection_reason AS "rejectionReason",
        (e.recurrence IS NOT NULL AND e.recurrence <> 'null'::jsonb) AS "isRecurring", org.name AS "organiserName",
        (SELECT min(o.starts_at) FROM event_occurrences o WHERE o.event_id = e.id AND o.ends_at >= ${now}) AS "nextStartsAt",
        (SELECT min(o.starts_at) FROM event_occurrences o WHERE o.event_id = e.id) AS "firstStartsAt",
        e.updated_at AS "updatedAt"
      FROM events e LEFT JOIN organisations org ON org.id = e.organiser_organisation_id
      WHERE ${where}
    ) x
    ORDER BY ("nextStartsAt" IS NULL), "nextStartsAt" ASC, "firstStartsAt" DESC, id
    LIMIT ${limit} OFFSET ${offset}`);
  const c = await db.execute(sql`SELECT count(*)::int AS n FROM events e WHERE ${where}`);
  const rows = r.rows as Array<Record<string, unknown>>;
  for (const row of rows) for (const k of ['nextStartsAt', 'firstStartsAt', 'updatedAt']) if (typeof row[k] === 'string') row[k] = new Date(row[k] as string);
  return { rows: rows as unknown as MyEventRow[], total: (c.rows[0] as { n: number }).n };
}

// --- moderation -------------------------------------------------------------------------------------------------

export async function countInReview(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(events).where(eq(events.status, 'in_review'));
  return row.n;
}

/** Events waiting for the coordinator, oldest submission first. */
export async function listInReview(db: DbOrTx, limit: number, offset: number) {
  const rows = await db
    .select({
      id: events.id,
      title: events.title,
      municipalitySlug: events.municipalitySlug,
      submittedAt: events.submittedAt,
      organiserName: organisations.name,
      firstStartsAt: sql<Date | null>`(SELECT min(o.starts_at) FROM event_occurrences o WHERE o.event_id = ${events.id})`,
    })
    .from(events)
    .leftJoin(organisations, eq(organisations.id, events.organiserOrganisationId))
    .where(eq(events.status, 'in_review'))
    .orderBy(sql`${events.submittedAt} asc nulls first`, asc(events.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({ ...r, firstStartsAt: r.firstStartsAt ? new Date(r.firstStartsAt) : null }));
}

/** The people to mail about a decision on an event: its creator (if still there). */
export async function creatorContact(db: DbOrTx, eventId: string) {
  const r = await db.execute(
    sql`SELECT u.email, u.name, u.preferred_language AS language FROM events e JOIN users u ON u.id = e.created_by_user_id WHERE e.id = ${eventId} AND u.disabled_at IS NULL`,
  );
  return (r.rows[0] as { email: string; name: string; language: string } | undefined) ?? null;
}

