import type { Db } from '../../src/db/client.ts';
import { eventExdates, eventOccurrences, events, type RecurrenceRule } from '../../src/features/agenda/agenda.schema.ts';
import { expandRecurrence } from '../../src/features/agenda/recurrence.ts';

/** Test data for the feeds and the home page (helper C): events written straight into the agenda tables. */
export type EventOptions = Partial<typeof events.$inferInsert> & { firstStartLocal: string; rule?: RecurrenceRule | null; skip?: Date[] };

let n = 0;
/** Inserts a published event with its occurrences (expanded by the agenda's own recurrence code) and skipped dates. */
export async function insertEvent(db: Db, o: EventOptions) {
  n++;
  const { firstStartLocal, rule = null, skip = [], ...values } = o;
  const duration = values.durationMinutes ?? 120;
  const [e] = await db
    .insert(events)
    .values({
      slug: `evenement-${n}`,
      title: `Evenement ${n}`,
      description: 'Kom **langs**.',
      type: 'netwerkbijeenkomst',
      municipalitySlug: 'emmen',
      themeSlugs: ['energie'],
      durationMinutes: duration,
      recurrence: rule,
      status: 'published',
      publishedAt: new Date('2026-11-01T09:00:00Z'),
      createdAt: new Date('2026-10-01T09:00:00Z'),
      updatedAt: new Date('2026-11-01T09:00:00Z'),
      ...values,
    })
    .returning();
  const occurrences = expandRecurrence(firstStartLocal, rule, duration, skip);
  await db.insert(eventOccurrences).values(
    occurrences.map((g) => ({
      eventId: e.id,
      startsAt: g.startsAt,
      endsAt: g.endsAt,
      originalStartsAt: g.originalStartsAt,
      eventStatus: e.status,
      municipalitySlug: e.municipalitySlug,
      type: e.type,
      isOnline: e.isOnline,
      themeSlugs: e.themeSlugs,
    })),
  );
  if (skip.length) await db.insert(eventExdates).values(skip.map((d) => ({ eventId: e.id, originalStartsAt: d })));
  return e;
}

