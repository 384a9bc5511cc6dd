import { and, asc, eq, gte, isNull, lt } from 'drizzle-orm';
import type { JobDeps } from '../../jobs.ts';
import { eventOccurrences, events } from '../agenda/agenda.schema.ts';
import { reminderMail } from './registrations.mails.ts';
import { registrations } from './registrations.schema.ts';
import { newCancelLink } from './registrations.service.ts';

/**
 * The reminder a day before: everyone with a confirmed place for a date that starts 24 to 36 hours from now, and
 * no reminder yet, gets one mail (with a fresh cancel link, so a last-minute "I can't come" frees the place).
 * Several app processes may run this at once: each batch claims its rows with FOR UPDATE SKIP LOCKED, and
 * reminder_sent_at is set in the same transaction as the mail is queued, so nobody gets two.
 */
export const REMINDER_WINDOW = { fromMs: 24 * 3600_000, toMs: 36 * 3600_000 } as const;
const BATCH = 50;

export async function sendDueReminders(deps: Omit<JobDeps, 'logger'> & { logger?: JobDeps['logger'] }): Promise<number> {
  const now = deps.clock.now();
  const from = new Date(now.getTime() + REMINDER_WINDOW.fromMs);
  const to = new Date(now.getTime() + REMINDER_WINDOW.toMs);
  const ctx = { db: deps.db, actor: null, clock: deps.clock, mailer: deps.mailer, config: deps.config, logger: deps.logger! };
  let sent = 0;
  for (;;) {
    const n = await deps.db.transaction(async (tx) => {
      const due = await tx
        .select({
          id: registrations.id,
          email: registrations.email,
          lang: registrations.lang,
          title: events.title,
          startsAt: eventOccurrences.startsAt,
          endsAt: eventOccurrences.endsAt,
          isOnline: events.isOnline,
          locationName: events.locationName,
          streetAddress: events.streetAddress,
          postcode: events.postcode,
          city: events.city,
          onlineUrl: events.onlineUrl,
          locationForRegisteredOnly: events.locationForRegisteredOnly,
        })
        .from(registrations)
        .innerJoin(eventOccurrences, eq(eventOccurrences.id, registrations.occurrenceId))
        .innerJoin(events, eq(events.id, registrations.eventId))
        .where(
          and(
            eq(registrations.status, 'confirmed'),
            isNull(registrations.reminderSentAt),
            gte(eventOccurrences.startsAt, from),
            lt(eventOccurrences.startsAt, to),
            eq(eventOccurrences.status, 'scheduled'),
            eq(events.status, 'published'),
          ),
        )
        .orderBy(asc(eventOccurrences.startsAt), asc(registrations.seq))
        .limit(BATCH)
        .for('update', { of: registrations, skipLocked: true });
      for (const r of due) {
        const link = await newCancelLink(ctx, tx, r.id);
        await deps.mailer.queue(tx, reminderMail(r.lang, r.email, r, link));
        await tx.update(registrations).set({ reminderSentAt: now }).where(eq(registrations.id, r.id));
      }
      return due.length;
    });
    sent += n;
    if (n < BATCH) break;
  }
  return sent;
}
