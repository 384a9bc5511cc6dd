import { and, asc, count, eq, gt, inArray, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { eventOccurrences, events } from '../agenda/agenda.schema.ts';
import { registrationCancelTokens, registrations } from './registrations.schema.ts';

export type RegistrationRow = typeof registrations.$inferSelect;
export type RegistrationStatus = RegistrationRow['status'];

/** An occurrence with the parts of its event that registration needs. */
const occurrenceColumns = {
  occurrenceId: eventOccurrences.id,
  startsAt: eventOccurrences.startsAt,
  endsAt: eventOccurrences.endsAt,
  occurrenceStatus: eventOccurrences.status,
  eventId: events.id,
  slug: events.slug,
  title: events.title,
  eventStatus: events.status,
  registrationMode: events.registrationMode,
  externalRegistrationUrl: events.externalRegistrationUrl,
  capacity: events.capacity,
  isOnline: events.isOnline,
  locationName: events.locationName,
  streetAddress: events.streetAddress,
  postcode: events.postcode,
  city: events.city,
  onlineUrl: events.onlineUrl,
  locationForRegisteredOnly: events.locationForRegisteredOnly,
  organiserOrganisationId: events.organiserOrganisationId,
  createdByUserId: events.createdByUserId,
};

export type OccurrenceInfo = {
  occurrenceId: string;
  startsAt: Date;
  endsAt: Date;
  occurrenceStatus: 'scheduled' | 'cancelled';
  eventId: string;
  slug: string;
  title: string;
  eventStatus: 'draft' | 'in_review' | 'published' | 'rejected' | 'cancelled';
  registrationMode: 'none' | 'internal' | 'external';
  externalRegistrationUrl: string | null;
  capacity: number | null;
  isOnline: boolean;
  locationName: string | null;
  streetAddress: string | null;
  postcode: string | null;
  city: string | null;
  onlineUrl: string | null;
  locationForRegisteredOnly: boolean;
  organiserOrganisationId: string | null;
  createdByUserId: string | null;
};

/** The occurrence and its event, without locking. */
export async function findOccurrence(db: DbOrTx, occurrenceId: string): Promise<OccurrenceInfo | null> {
  const [row] = await db.select(occurrenceColumns).from(eventOccurrences).innerJoin(events, eq(events.id, eventOccurrences.eventId)).where(eq(eventOccurrences.id, occurrenceId));
  return row ?? null;
}

/**
 * The occurrence row locked until the end of the transaction: every registration, cancellation and promotion for
 * one occurrence passes here, so they count and change places one at a time. The event row is share-locked first:
 * the agenda changes the capacity with the event locked for update, so it waits for registrations in progress (and
 * they for it) and never sees a count that is about to grow. Event before occurrence, the agenda's order too, so
 * the two never deadlock.
 */
export async function lockOccurrence(tx: DbOrTx, occurrenceId: string): Promise<OccurrenceInfo | null> {
  const [parent] = await tx.select({ eventId: eventOccurrences.eventId }).from(eventOccurrences).where(eq(eventOccurrences.id, occurrenceId));
  if (!parent) return null;
  await tx.select({ id: events.id }).from(events).where(eq(events.id, parent.eventId)).for('share');
  const [row] = await tx
    .select(occurrenceColumns)
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(eq(eventOccurrences.id, occurrenceId))
    .for('update', { of: eventOccurrences });
  return row ?? null;
}

/** The event by slug with its occurrences, oldest first. */
export async function findEventBySlug(db: DbOrTx, slug: string) {
  const [event] = await db
    .select({
      id: events.id,
      slug: events.slug,
      title: events.title,
      status: events.status,
      registrationMode: events.registrationMode,
      externalRegistrationUrl: events.externalRegistrationUrl,
      capacity: events.capacity,
      organiserOrganisationId: events.organiserOrganisationId,
      createdByUserId: events.createdByUserId,
    })
    .from(events)
    .where(eq(events.slug, slug));
  return event ?? null;
}

export async function occurrencesOfEvent(db: DbOrTx, eventId: string) {
  return db
    .select({ id: eventOccurrences.id, startsAt: eventOccurrences.startsAt, endsAt: eventOccurrences.endsAt, status: eventOccurrences.status })
    .from(eventOccurrences)
    .where(eq(eventOccurrences.eventId, eventId))
    .orderBy(asc(eventOccurrences.startsAt));
}

export async function countConfirmed(db: DbOrTx, occurrenceId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.occurrenceId, occurrenceId), eq(registrations.status, 'confirmed')));
  return row.n;
}

export async function findActiveByEmail(db: DbOrTx, occurrenceId: string, email: string): Promise<RegistrationRow | null> {
  const [row] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.occurrenceId, occurrenceId), eq(registrations.email, email), ne(registrations.status, 'cancelled')));
  return row ?? null;
}

export async function insertRegistration(db: DbOrTx, values: typeof registrations.$inferInsert): Promise<RegistrationRow> {
  const [row] = await db.insert(registrations).values(values).returning();
  return row;
}

export async function insertCancelToken(db: DbOrTx, registrationId: string, tokenHash: string, now: Date): Promise<void> {
  await db.insert(registrationCancelTokens).values({ tokenHash, registrationId, createdAt: now });
}

/** Place on the waitlist, counting from 1. */
export async function waitlistPosition(db: DbOrTx, occurrenceId: string, seq: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.occurrenceId, occurrenceId), eq(registrations.status, 'waitlisted'), lte(registrations.seq, seq)));
  return row.n;
}

export async function findRegistrationByTokenHash(db: DbOrTx, tokenHash: string): Promise<RegistrationRow | null> {
  const [row] = await db
    .select({ r: registrations })
    .from(registrationCancelTokens)
    .innerJoin(registrations, eq(registrations.id, registrationCancelTokens.registrationId))
    .where(eq(registrationCancelTokens.tokenHash, tokenHash));
  return row?.r ?? null;
}

export async function findRegistration(db: DbOrTx, id: string): Promise<RegistrationRow | null> {
  const [row] = await db.select().from(registrations).where(eq(registrations.id, id));
  return row ?? null;
}

/** Cancels an active registration; false when it was cancelled already (a second click, two tabs). */
export async function markCancelled(db: DbOrTx, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(registrations)
    .set({ status: 'cancelled', cancelledAt: now })
    .where(and(eq(registrations.id, id), ne(registrations.status, 'cancelled')))
    .returning({ id: registrations.id });
  return rows.length > 0;
}

/** The first `limit` people on the waitlist, in order of arrival. */
export async function firstWaitlisted(db: DbOrTx, occurrenceId: string, limit: number): Promise<RegistrationRow[]> {
  if (limit <= 0) return [];
  return db
    .select()
    .from(registrations)
    .where(and(eq(registrations.occurrenceId, occurrenceId), eq(registrations.status, 'waitlisted')))
    .orderBy(asc(registrations.seq))
    .limit(limit);
}

export async function markPromoted(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.update(registrations).set({ status: 'confirmed', promotedAt: now }).where(eq(registrations.id, id));
}

/** Per occurrence of the event: confirmed and waitlisted counts, and the status of `userId`'s registration. */
export async function countsOfEvent(db: DbOrTx, eventId: string, userId: string | null) {
  return db
    .select({
      occurrenceId: eventOccurrences.id,
      confirmed: sql<number>`count(${registrations.id}) filter (where ${registrations.status} = 'confirmed')`.mapWith(Number),
      waitlisted: sql<number>`count(${registrations.id}) filter (where ${registrations.status} = 'waitlisted')`.mapWith(Number),
      mine: userId
        ? sql<string | null>`max(${registrations.status}::text) filter (where ${registrations.userId} = ${userId} and ${registrations.status} <> 'cancelled')`
        : sql<string | null>`null::text`,
    })
    .from(eventOccurrences)
    .leftJoin(registrations, eq(registrations.occurrenceId, eventOccurrences.id))
    .where(eq(eventOccurrences.eventId, eventId))
    .groupBy(eventOccurrences.id);
}

export async function userHasConfirmedPlace(db: DbOrTx, eventId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.userId, userId), eq(registrations.status, 'confirmed')))
    .limit(1);
  return !!row;
}

/** The highest number of confirmed places taken in any one occurrence of the event. */
export async function maxConfirmedPerOccurrence(db: DbOrTx, eventId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'confirmed')))
    .groupBy(registrations.occurrenceId);
  return rows.reduce((max, r) => Math.max(max, r.n), 0);
}

/** Everyone confirmed or waitlisted for the event (or one occurrence of it). */
export async function activeRegistrations(db: DbOrTx, eventId: string, occurrenceId?: string): Promise<RegistrationRow[]> {
  return db
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        occurrenceId ? eq(registrations.occurrenceId, occurrenceId) : undefined,
        inArray(registrations.status, ['confirmed', 'waitlisted']),
      ),
    )
    .orderBy(asc(registrations.seq));
}

/** After a date moved: the reminder is due again for the new time. */
export async function clearReminders(db: DbOrTx, eventId: string, occurrenceId?: string): Promise<void> {
  await db
    .update(registrations)
    .set({ reminderSentAt: null })
    .where(and(eq(registrations.eventId, eventId), occurrenceId ? eq(registrations.occurrenceId, occurrenceId) : undefined, ne(registrations.status, 'cancelled')));
}

/** Active registrations of a user for occurrences that end after `now`, soonest first. */
export async function upcomingRegistrationsOfUser(db: DbOrTx, userId: string, now: Date) {
  return db
    .select({
      id: registrations.id,
      status: registrations.status,
      seq: registrations.seq,
      occurrenceId: registrations.occurrenceId,
      startsAt: eventOccurrences.startsAt,
      endsAt: eventOccurrences.endsAt,
      occurrenceStatus: eventOccurrences.status,
      slug: events.slug,
      title: events.title,
      eventStatus: events.status,
    })
    .from(registrations)
    .innerJoin(eventOccurrences, eq(eventOccurrences.id, registrations.occurrenceId))
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(and(eq(registrations.userId, userId), ne(registrations.status, 'cancelled'), gt(eventOccurrences.endsAt, now)))
    .orderBy(asc(eventOccurrences.startsAt))
    .limit(200);
}
