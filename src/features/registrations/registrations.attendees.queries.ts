import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { eventOccurrences } from '../agenda/agenda.schema.ts';
import { registrations } from './registrations.schema.ts';

/** Confirmed first, then the waitlist, then cancellations; each in order of arrival. */
const listOrder = [sql`case ${registrations.status} when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`, asc(registrations.seq)];

const attendeeColumns = {
  id: registrations.id,
  occurrenceId: registrations.occurrenceId,
  name: registrations.name,
  email: registrations.email,
  organisationName: registrations.organisationName,
  status: registrations.status,
  attended: registrations.attended,
  createdAt: registrations.createdAt,
  cancelledAt: registrations.cancelledAt,
};

export type AttendeeRow = {
  id: string;
  occurrenceId: string;
  name: string;
  email: string;
  organisationName: string | null;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  attended: boolean | null;
  createdAt: Date;
  cancelledAt: Date | null;
};

export async function statusCounts(db: DbOrTx, occurrenceId: string) {
  const rows = await db
    .select({ status: registrations.status, n: count() })
    .from(registrations)
    .where(eq(registrations.occurrenceId, occurrenceId))
    .groupBy(registrations.status);
  const get = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  return { confirmed: get('confirmed'), waitlisted: get('waitlisted'), cancelled: get('cancelled') };
}

export async function listAttendees(db: DbOrTx, occurrenceId: string, limit: number, offset: number): Promise<AttendeeRow[]> {
  return db
    .select(attendeeColumns)
    .from(registrations)
    .where(eq(registrations.occurrenceId, occurrenceId))
    .orderBy(...listOrder)
    .limit(limit)
    .offset(offset);
}

/** Every registration of the event (or one occurrence) for the export, by date. */
export async function attendeesForExport(db: DbOrTx, eventId: string, occurrenceId: string | null) {
  return db
    .select({ ...attendeeColumns, startsAt: eventOccurrences.startsAt })
    .from(registrations)
    .innerJoin(eventOccurrences, eq(eventOccurrences.id, registrations.occurrenceId))
    .where(and(eq(registrations.eventId, eventId), occurrenceId ? eq(registrations.occurrenceId, occurrenceId) : undefined))
    .orderBy(asc(eventOccurrences.startsAt), ...listOrder)
    .limit(50_000);
}

/**
 * Sets attendance of the confirmed registrations among `shownIds` (the rows the organiser saw): the ticked ones
 * came, the others did not. Ids of other occurrences or statuses are ignored. Returns how many rows changed.
 */
export async function setAttendance(db: DbOrTx, occurrenceId: string, shownIds: string[], attendedIds: Set<string>): Promise<{ present: number; absent: number }> {
  if (shownIds.length === 0) return { present: 0, absent: 0 };
  const present = shownIds.filter((id) => attendedIds.has(id));
  const absent = shownIds.filter((id) => !attendedIds.has(id));
  const scope = (ids: string[]) => and(eq(registrations.occurrenceId, occurrenceId), eq(registrations.status, 'confirmed'), inArray(registrations.id, ids));
  const p = present.length ? await db.update(registrations).set({ attended: true }).where(scope(present)).returning({ id: registrations.id }) : [];
  const a = absent.length ? await db.update(registrations).set({ attended: false }).where(scope(absent)).returning({ id: registrations.id }) : [];
  return { present: p.length, absent: a.length };
}
