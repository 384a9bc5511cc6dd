import assert from 'node:assert/strict';
import type { Db } from '../../src/db/client.ts';
import { eventOccurrences, events } from '../../src/features/agenda/agenda.schema.ts';

/**
 * Test data for the registration tests: an event with its occurrences written straight into the agenda tables (the
 * agenda's own posting service is tested by its own files), and the outbox read like a mailbox.
 */

let n = 0;

export type TestEventOptions = Partial<typeof events.$inferInsert> & {
  /** Starts of the occurrences (ISO); one hour each. Default: one, on 2026-12-10 at 14:00 UTC. */
  starts?: string[];
  occurrenceStatus?: 'scheduled' | 'cancelled';
};

export async function createTestEvent(db: Db, options: TestEventOptions = {}) {
  const k = `${process.pid}-${++n}`;
  const { starts = ['2026-12-10T14:00:00.000Z'], occurrenceStatus = 'scheduled', ...values } = options;
  const [event] = await db
    .insert(events)
    .values({
      slug: `netwerkborrel-${k}`,
      title: `Netwerkborrel ${k}`,
      description: 'Kennismaken met andere impactondernemers.',
      type: 'netwerkbijeenkomst',
      municipalitySlug: 'emmen',
      locationName: 'Het Atlas Theater',
      streetAddress: 'Hoofdstraat 1',
      postcode: '7811 EA',
      city: 'Emmen',
      durationMinutes: 60,
      registrationMode: 'internal',
      capacity: 10,
      status: 'published',
      publishedAt: new Date('2026-11-01T00:00:00Z'),
      ...values,
    })
    .returning();
  const occurrences = [];
  for (const s of starts) {
    const startsAt = new Date(s);
    const [o] = await db
      .insert(eventOccurrences)
      .values({
        eventId: event.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + event.durationMinutes * 60_000),
        originalStartsAt: startsAt,
        status: occurrenceStatus,
        eventStatus: event.status,
        municipalitySlug: event.municipalitySlug,
        type: event.type,
        isOnline: event.isOnline,
        themeSlugs: event.themeSlugs,
      })
      .returning();
    occurrences.push(o);
  }
  return { event, occurrences, occurrence: occurrences[0] };
}

export type Mail = { id: number; to_address: string; subject: string; text_body: string };

export async function mailsTo(db: Db, address: string): Promise<Mail[]> {
  const r = await db.$client.query('select id, to_address, subject, text_body from outbox where to_address = $1 order by id', [address.toLowerCase()]);
  return r.rows;
}

export async function lastMailTo(db: Db, address: string): Promise<Mail> {
  const mails = await mailsTo(db, address);
  assert.ok(mails.length > 0, `a mail was queued for ${address}`);
  return mails.at(-1)!;
}

/** The path of the cancel link in a mail: /aanmelding/annuleren/<token>. */
export function cancelPathIn(text: string, publicUrl: string): string {
  const escaped = `${publicUrl}/aanmelding/annuleren`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const m = new RegExp(`${escaped}/([A-Za-z0-9_-]{20,})`).exec(text);
  assert.ok(m, `the mail holds a cancel link:\n${text}`);
  return `/aanmelding/annuleren/${m[1]}`;
}

export async function registrationRows(db: Db, occurrenceId: string) {
  const r = await db.$client.query('select id, email, name, status, seq, user_id, attended, reminder_sent_at, promoted_at from registrations where occurrence_id = $1 order by seq', [occurrenceId]);
  return r.rows as Array<{ id: string; email: string; name: string; status: string; seq: number; user_id: string | null; attended: boolean | null; reminder_sent_at: Date | null; promoted_at: Date | null }>;
}

export async function auditActions(db: Db, prefix = 'registration.'): Promise<string[]> {
  const r = await db.$client.query('select action from audit_log where action like $1 order by id', [`${prefix}%`]);
  return r.rows.map((x: { action: string }) => x.action);
}

let e = 0;
export const uniqueEmail = (label = 'deelnemer') => `${label}-${process.pid}-${++e}@example.org`;

/** Visitor form fields for one occurrence. */
export const visitorForm = (occurrenceId: string, fields: Partial<Record<'name' | 'email' | 'organisationName' | 'wachtlijst', string>> = {}) => ({
  occurrenceId,
  name: 'Sanne Bakker',
  email: uniqueEmail(),
  organisationName: '',
  ...fields,
});
