import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { ServiceContext } from '../../web/types.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notifyEventCancelled, notifyEventChanged } from '../registrations/registrations.service.ts';
import { activeRegistrations, lockForEditing } from './agenda.posting.ts';
import * as q from './agenda.queries.ts';
import { notFound } from './agenda.service.ts';
import { localToUtc } from './recurrence.ts';

/**
 * The exceptions of a series, one date at a time (iCalendar semantics): skip it (EXDATE; the row goes), move it
 * (its own start, RECURRENCE-ID kept in original_starts_at) or cancel it (it stays listed as cancelled and the people
 * registered for it get a mail, in the same transaction). Each raises the date's own sequence, and the event's when
 * it is published, so calendars that subscribed replace their copy.
 */

/** One occurrence of the series being edited, locked with its event; exceptions only apply to series that are not cancelled. */
async function lockOccurrence(ctx: ServiceContext, tx: DbOrTx, eventId: string, occurrenceId: string) {
  const { actor, event } = await lockForEditing(ctx, tx, eventId);
  if (event.status === 'cancelled') throw new AppError('conflict', 'agenda.error.cancelledNoEdit');
  if (!event.recurrence) throw new AppError('conflict', 'agenda.error.notASeries');
  const occurrences = await q.listOccurrences(tx, eventId);
  const occurrence = occurrences.find((o) => o.id === occurrenceId);
  if (!occurrence) throw notFound();
  return { actor, event, occurrence, occurrences };
}

const bumpEvent = (tx: DbOrTx, event: q.EventRow, now: Date) =>
  q.updateEvent(tx, event.id, { sequence: event.status === 'published' ? event.sequence + 1 : event.sequence, updatedAt: now });

/** Skips one date of a series (iCalendar EXDATE). Refused when people are registered for it: cancel that date instead. */
export async function skipOccurrence(ctx: ServiceContext, eventId: string, occurrenceId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { actor, event, occurrence, occurrences } = await lockOccurrence(ctx, tx, eventId, occurrenceId);
    if (occurrences.length <= 1) throw new AppError('conflict', 'agenda.error.lastDate');
    if (((await activeRegistrations(ctx, tx, eventId)).get(occurrenceId) ?? 0) > 0) throw new AppError('conflict', 'agenda.error.skipHasRegistrations');
    await q.insertExdate(tx, eventId, occurrence.originalStartsAt);
    await q.deleteOccurrences(tx, [occurrenceId]);
    await bumpEvent(tx, event, ctx.clock.now());
    await recordAudit(tx, ctx.clock, {
      actorUserId: actor.id,
      action: 'event.occurrence_skipped',
      subjectType: 'event',
      subjectId: eventId,
      details: { originalStartsAt: occurrence.originalStartsAt.toISOString() },
      requestId: ctx.requestId,
    });
  });
}

/** Moves one date of a series to another local date and start time; its length stays. */
export async function moveOccurrence(ctx: ServiceContext, eventId: string, occurrenceId: string, to: { date: string; time: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { actor, event, occurrence } = await lockOccurrence(ctx, tx, eventId, occurrenceId);
    if (occurrence.status === 'cancelled') throw new AppError('conflict', 'agenda.error.occurrenceCancelled');
    const startsAt = localToUtc(to.date, to.time);
    if (startsAt.getTime() === occurrence.startsAt.getTime()) return;
    const now = ctx.clock.now();
    // The past stays as it was (attendance may be marked); a date cannot move into it either.
    if (occurrence.startsAt.getTime() <= now.getTime() || startsAt.getTime() <= now.getTime()) throw new AppError('conflict', 'agenda.error.pastDate');
    await q.updateOccurrence(tx, occurrenceId, { startsAt, endsAt: new Date(startsAt.getTime() + event.durationMinutes * 60_000), sequence: occurrence.sequence + 1 });
    await bumpEvent(tx, event, now);
    // People registered for this date get its new time (and a fresh reminder), in the same transaction.
    if (event.status === 'published') await notifyEventChanged(tx, ctx, { eventId, occurrenceId, datesChanged: true });
    await recordAudit(tx, ctx.clock, {
      actorUserId: actor.id,
      action: 'event.occurrence_moved',
      subjectType: 'event',
      subjectId: eventId,
      details: { occurrenceId, from: occurrence.startsAt.toISOString(), to: startsAt.toISOString() },
      requestId: ctx.requestId,
    });
  });
}

/** Cancels one date of a series: it stays listed as cancelled and the people registered for it get a mail. */
export async function cancelOccurrence(ctx: ServiceContext, eventId: string, occurrenceId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { actor, event, occurrence } = await lockOccurrence(ctx, tx, eventId, occurrenceId);
    if (occurrence.status === 'cancelled') throw new AppError('conflict', 'agenda.error.occurrenceCancelled');
    await q.updateOccurrence(tx, occurrenceId, { status: 'cancelled', sequence: occurrence.sequence + 1 });
    await bumpEvent(tx, event, ctx.clock.now());
    await notifyEventCancelled(tx, ctx, { eventId, occurrenceId });
    await recordAudit(tx, ctx.clock, {
      actorUserId: actor.id,
      action: 'event.occurrence_cancelled',
      subjectType: 'event',
      subjectId: eventId,
      details: { occurrenceId },
      requestId: ctx.requestId,
    });
  });
}
