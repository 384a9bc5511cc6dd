import { toLocal } from '../agenda/recurrence.ts';
import { AppError } from '../../lib/errors.ts';
import { pageOf } from '../../lib/paging.ts';
import { i18nFor, type Lang } from '../../web/i18n/i18n.ts';
import type { ServiceContext } from '../../web/types.ts';
import { requireActor } from '../accounts/permissions.ts';
import { mayEdit } from '../agenda/agenda.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isUuid } from '../profiles/profiles.service.ts';
import { attendeesForExport, listAttendees, setAttendance, statusCounts, type AttendeeRow } from './registrations.attendees.queries.ts';
import { toCsv } from '../../lib/csv.ts';
import { findEventBySlug, occurrencesOfEvent } from './registrations.queries.ts';
import { notFound } from './registrations.service.ts';

/**
 * The organiser's side: the attendee list per date with paging, the CSV export and attendance. Who may: whoever may
 * edit the event (the agenda's mayEdit: the coordinator; entrepreneurs and partners who created it or are members of
 * the organising organisation). Others get 403, visitors the login page.
 */

export const ATTENDEES_PAGE_SIZE = 50;

type EventRow = NonNullable<Awaited<ReturnType<typeof findEventBySlug>>>;

async function requireOrganiser(ctx: ServiceContext, slug: string): Promise<EventRow> {
  requireActor(ctx.actor);
  const event = await findEventBySlug(ctx.db, slug);
  if (!event) throw notFound();
  // Whoever may edit the event (the agenda's one rule) sees who registered for it.
  if (!(await mayEdit(ctx, event))) throw new AppError('forbidden', 'common.error.forbiddenText');
  return event;
}

type Occurrence = Awaited<ReturnType<typeof occurrencesOfEvent>>[number];

/** The date asked for; without one, the next date still to come (or else the last one). */
function pickOccurrence(occurrences: Occurrence[], requested: string | undefined, now: Date): Occurrence | null {
  if (requested) {
    const hit = isUuid(requested) ? occurrences.find((o) => o.id === requested) : undefined;
    if (!hit) throw new AppError('bad_request', 'registrations.notFound');
    return hit;
  }
  return occurrences.find((o) => o.endsAt.getTime() > now.getTime()) ?? occurrences.at(-1) ?? null;
}

export type AttendeePage = {
  event: EventRow;
  occurrences: Occurrence[];
  occurrence: Occurrence | null;
  counts: { confirmed: number; waitlisted: number; cancelled: number };
  items: AttendeeRow[];
  page: number;
  pages: number;
  total: number;
  /** Attendance can be marked once the date has started. */
  canMarkAttendance: boolean;
};

export async function attendeePage(ctx: ServiceContext, slug: string, requestedOccurrence: string | undefined, requestedPage: number): Promise<AttendeePage> {
  const event = await requireOrganiser(ctx, slug);
  const now = ctx.clock.now();
  const occurrences = await occurrencesOfEvent(ctx.db, event.id);
  const occurrence = pickOccurrence(occurrences, requestedOccurrence, now);
  const counts = occurrence ? await statusCounts(ctx.db, occurrence.id) : { confirmed: 0, waitlisted: 0, cancelled: 0 };
  const { page, pages, total, offset } = pageOf(requestedPage, counts.confirmed + counts.waitlisted + counts.cancelled, ATTENDEES_PAGE_SIZE);
  const items = occurrence ? await listAttendees(ctx.db, occurrence.id, ATTENDEES_PAGE_SIZE, offset) : [];
  return { event, occurrences, occurrence, counts, items, page, pages, total, canMarkAttendance: !!occurrence && occurrence.startsAt.getTime() <= now.getTime() };
}

/** The attendee list as CSV, for one date or (without one) every date. The export is written to the audit log. */
export async function attendeesCsv(ctx: ServiceContext, slug: string, requestedOccurrence: string | undefined, lang: Lang): Promise<{ filename: string; body: string }> {
  const event = await requireOrganiser(ctx, slug);
  const occurrences = await occurrencesOfEvent(ctx.db, event.id);
  const occurrence = requestedOccurrence ? pickOccurrence(occurrences, requestedOccurrence, ctx.clock.now()) : null;
  const rows = await attendeesForExport(ctx.db, event.id, occurrence?.id ?? null);
  const i = i18nFor(lang);
  const yesNo = (v: boolean | null) => (v === null ? '' : i.t(v ? 'registrations.csv.yes' : 'registrations.csv.no'));
  const header = ['registrations.csv.date', 'registrations.attendees.name', 'registrations.attendees.email', 'registrations.attendees.organisation', 'registrations.attendees.status', 'registrations.attendees.registeredAt', 'registrations.attendees.attended'].map((k) => i.t(k));
  const body = toCsv([
    header,
    ...rows.map((r) => [i.formatDateTime(r.startsAt), r.name, r.email, r.organisationName ?? '', i.t(`registrations.status.${r.status}`), i.formatDateTime(r.createdAt), yesNo(r.attended)]),
  ]);
  await recordAudit(ctx.db, ctx.clock, {
    actorUserId: ctx.actor!.id,
    action: 'registration.attendees_exported',
    subjectType: 'event',
    subjectId: event.id,
    requestId: ctx.requestId,
    details: { occurrenceId: occurrence?.id ?? null, rows: rows.length },
  });
  // The date as people in the region know it (an evening event after midnight UTC would otherwise get the day before).
  const datePart = occurrence ? `-${toLocal(occurrence.startsAt).date}` : '';
  return { filename: `deelnemers-${event.slug}${datePart}.csv`, body };
}

/** Marks who came, for the registrations the organiser saw on the page. Only for dates that have started. */
export async function markAttendance(ctx: ServiceContext, slug: string, input: { occurrenceId: string; shown: string[]; attended: string[] }): Promise<{ present: number; absent: number }> {
  const event = await requireOrganiser(ctx, slug);
  const occurrence = (await occurrencesOfEvent(ctx.db, event.id)).find((o) => o.id === input.occurrenceId);
  if (!occurrence) throw notFound();
  if (occurrence.startsAt.getTime() > ctx.clock.now().getTime()) throw new AppError('conflict', 'registrations.attendees.attendanceLater');
  return ctx.db.transaction(async (tx) => {
    const result = await setAttendance(tx, occurrence.id, [...new Set(input.shown)], new Set(input.attended));
    await recordAudit(tx, ctx.clock, {
      actorUserId: ctx.actor!.id,
      action: 'registration.attendance_marked',
      subjectType: 'event',
      subjectId: event.id,
      requestId: ctx.requestId,
      details: { occurrenceId: occurrence.id, ...result },
    });
    return result;
  });
}
