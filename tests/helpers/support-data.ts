import { eventOccurrences, events } from '../../src/features/agenda/agenda.schema.ts';
import { registrations } from '../../src/features/registrations/registrations.schema.ts';
import { supportAttachments, supportEvents, supportRequests } from '../../src/features/support/support.schema.ts';
import type { Db } from '../../src/db/client.ts';

/**
 * Rows for the tests of reports, the staff API, retention and the relationship view (helper E), written straight
 * into the tables as the support service would leave them, so a test can set up months of history at once.
 */
let seq = 0;

export type RequestOptions = Partial<typeof supportRequests.$inferInsert> & { municipalitySlug: string };

export async function insertSupportRequest(db: Db, options: RequestOptions) {
  const n = ++seq;
  const createdAt = options.createdAt ?? new Date('2026-11-02T09:00:00Z');
  const status = options.status ?? 'assigned';
  const [row] = await db
    .insert(supportRequests)
    .values({
      caseNumber: `HV-T-${process.pid}-${n}`,
      idempotencyKey: `idem-${process.pid}-${n}`,
      topic: 'financiering',
      requesterName: `Aanvrager ${n}`,
      requesterEmail: `aanvrager-${n}@example.org`,
      requesterPhone: '0591 123 456',
      description: `Beschrijving van vraag ${n}: wij zoeken een lening.`,
      consentTextVersion: 'test-v1',
      consentAt: createdAt,
      confirmedAt: createdAt,
      firstResponseDueAt: new Date(createdAt.getTime() + 3 * 24 * 3600_000),
      updatedAt: createdAt,
      ...options,
      createdAt,
      status,
    })
    .returning();
  return row;
}

/** A timeline entry with a text body (note or message). */
export async function insertSupportEvent(db: Db, values: typeof supportEvents.$inferInsert) {
  await db.insert(supportEvents).values(values);
}

export async function insertAttachment(db: Db, requestId: string, fileName = 'offerte.pdf') {
  const [row] = await db
    .insert(supportAttachments)
    .values({ requestId, fileName, contentType: 'application/pdf', sizeBytes: 9, bytes: Buffer.from('%PDF-1.4\n') })
    .returning();
  return row;
}

/** A published single-date event with one registration of the user. */
export async function insertRegistration(
  db: Db,
  options: { userId: string; title?: string; startsAt: Date; attended?: boolean | null; status?: 'confirmed' | 'waitlisted' | 'cancelled'; municipalitySlug?: string },
) {
  const n = ++seq;
  const municipalitySlug = options.municipalitySlug ?? 'emmen';
  const [event] = await db
    .insert(events)
    .values({
      slug: `evenement-${process.pid}-${n}`,
      title: options.title ?? `Evenement ${n}`,
      type: 'netwerkbijeenkomst',
      municipalitySlug,
      durationMinutes: 120,
      registrationMode: 'internal',
      status: 'published',
      publishedAt: new Date('2026-01-01T00:00:00Z'),
    })
    .returning();
  const [occurrence] = await db
    .insert(eventOccurrences)
    .values({
      eventId: event.id,
      startsAt: options.startsAt,
      endsAt: new Date(options.startsAt.getTime() + 2 * 3600_000),
      originalStartsAt: options.startsAt,
      eventStatus: 'published',
      municipalitySlug,
      type: 'netwerkbijeenkomst',
      isOnline: false,
    })
    .returning();
  await db.insert(registrations).values({
    occurrenceId: occurrence.id,
    eventId: event.id,
    userId: options.userId,
    name: `Deelnemer ${n}`,
    email: `deelnemer-${n}@example.org`,
    status: options.status ?? 'confirmed',
    attended: options.attended ?? null,
  });
  return { event, occurrence };
}
