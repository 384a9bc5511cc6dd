import { eventOccurrences, events } from '../../src/features/agenda/agenda.schema.ts';
import { registrationCancelTokens, registrations } from '../../src/features/registrations/registrations.schema.ts';
import { hashToken } from '../../src/lib/ids.ts';
import type { TestContext } from '../helpers/test-app.ts';

/** What the page table needs for the registration pages (see REGISTRATION_PAGES in pages.ts). */
export type RegistrationFixture = {
  registrationSlug: string;
  /** A date with one place left. */
  openOccurrenceId: string;
  /** A full date with someone on the waitlist. */
  fullOccurrenceId: string;
  /** A date that started an hour ago, with confirmed people (attendance can be marked). */
  startedOccurrenceId: string;
  /** A live cancel link token of a visitor's registration. */
  cancelToken: string;
  /** The entrepreneur's own registration (for the open date). */
  myRegistrationId: string;
};

export const REGISTRATION_EVENT = { title: 'Inkoopsessie gemeente Emmen', slug: 'inkoopsessie-gemeente-emmen' } as const;

/**
 * An event organised by the entrepreneur's published organisation, capacity 2, with three dates: one place left,
 * full with a waitlist, and one that has started. The entrepreneur is registered for the open date.
 */
export async function seedRegistrations(t: TestContext, ids: { organisationId: string; entrepreneurId: string; entrepreneurEmail: string; entrepreneurName: string }): Promise<RegistrationFixture> {
  const now = t.clock.now().getTime();
  const [event] = await t.db
    .insert(events)
    .values({
      slug: REGISTRATION_EVENT.slug,
      title: REGISTRATION_EVENT.title,
      description: 'Ondernemers ontmoeten de inkopers van de gemeente.',
      type: 'inkoopsessie',
      organiserOrganisationId: ids.organisationId,
      createdByUserId: ids.entrepreneurId,
      municipalitySlug: 'emmen',
      locationName: 'Gemeentehuis Emmen',
      streetAddress: 'Raadhuisplein 1',
      postcode: '7811 AP',
      city: 'Emmen',
      durationMinutes: 120,
      registrationMode: 'internal',
      capacity: 2,
      status: 'published',
      publishedAt: new Date(now - 30 * 86400_000),
    })
    .returning();
  const occurrence = async (startMs: number) => {
    const startsAt = new Date(startMs);
    const [o] = await t.db
      .insert(eventOccurrences)
      .values({
        eventId: event.id,
        startsAt,
        endsAt: new Date(startMs + 120 * 60_000),
        originalStartsAt: startsAt,
        eventStatus: 'published',
        municipalitySlug: 'emmen',
        type: 'inkoopsessie',
        isOnline: false,
      })
      .returning();
    return o.id;
  };
  const started = await occurrence(now - 3600_000);
  const open = await occurrence(now + 7 * 86400_000);
  const full = await occurrence(now + 14 * 86400_000);
  const at = (ms: number) => new Date(now - ms);
  const add = (occurrenceId: string, name: string, email: string, status: 'confirmed' | 'waitlisted', userId: string | null = null) => ({
    occurrenceId,
    eventId: event.id,
    userId,
    name,
    email,
    status,
    createdAt: at(86400_000),
  });
  const rows = await t.db
    .insert(registrations)
    .values([
      add(open, ids.entrepreneurName, ids.entrepreneurEmail.toLowerCase(), 'confirmed', ids.entrepreneurId),
      add(full, 'Bram de Boer', 'bram@example.org', 'confirmed'),
      add(full, 'Fatma Yilmaz', 'fatma@example.org', 'confirmed'),
      add(full, 'Gerrit Hoekstra', 'gerrit@example.org', 'waitlisted'),
      add(started, 'Bram de Boer', 'bram@example.org', 'confirmed'),
      add(started, 'Fatma Yilmaz', 'fatma@example.org', 'confirmed'),
    ])
    .returning({ id: registrations.id, email: registrations.email, occurrenceId: registrations.occurrenceId });
  const cancelToken = 'fixture-cancel-link-0123456789abcdef';
  const target = rows.find((r) => r.email === 'bram@example.org' && r.occurrenceId === full)!;
  await t.db.insert(registrationCancelTokens).values({ tokenHash: hashToken(cancelToken), registrationId: target.id });
  const mine = rows.find((r) => r.occurrenceId === open)!;
  return { registrationSlug: event.slug, openOccurrenceId: open, fullOccurrenceId: full, startedOccurrenceId: started, cancelToken, myRegistrationId: mine.id };
}
