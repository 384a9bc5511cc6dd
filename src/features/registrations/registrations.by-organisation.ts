import { and, desc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../accounts/accounts.schema.ts';
import { eventOccurrences, events } from '../agenda/agenda.schema.ts';
import { memberships } from '../directory/directory.schema.ts';
import { registrations } from './registrations.schema.ts';

/** One event date a member of the organisation registered for, for the relationship view (owned by helper E). */
export type OrganisationRegistration = {
  registrationId: string;
  personName: string;
  eventTitle: string;
  eventSlug: string;
  startsAt: Date;
  registrationStatus: 'confirmed' | 'waitlisted';
  occurrenceCancelled: boolean;
  /** Set by the organiser after the event: true came, false did not come, null not recorded. */
  attended: boolean | null;
};

/**
 * Registrations (not cancelled) of the people who are members of the organisation, newest event first. The caller
 * (the relations service) has already checked that the actor may see this organisation.
 */
export async function registrationsOfOrganisation(db: DbOrTx, organisationId: string, limit = 50): Promise<OrganisationRegistration[]> {
  const rows = await db
    .select({
      registrationId: registrations.id,
      personName: users.name,
      eventTitle: events.title,
      eventSlug: events.slug,
      startsAt: eventOccurrences.startsAt,
      registrationStatus: registrations.status,
      occurrenceStatus: eventOccurrences.status,
      attended: registrations.attended,
    })
    .from(registrations)
    .innerJoin(memberships, and(eq(memberships.userId, registrations.userId), eq(memberships.organisationId, organisationId)))
    .innerJoin(users, eq(users.id, registrations.userId))
    .innerJoin(eventOccurrences, eq(eventOccurrences.id, registrations.occurrenceId))
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(ne(registrations.status, 'cancelled'))
    .orderBy(desc(eventOccurrences.startsAt), desc(registrations.id))
    .limit(limit);
  return rows.map((r) => ({
    registrationId: r.registrationId,
    personName: r.personName,
    eventTitle: r.eventTitle,
    eventSlug: r.eventSlug,
    startsAt: r.startsAt,
    registrationStatus: r.registrationStatus === 'waitlisted' ? 'waitlisted' : 'confirmed',
    occurrenceCancelled: r.occurrenceStatus === 'cancelled',
    attended: r.attended,
  }));
}
