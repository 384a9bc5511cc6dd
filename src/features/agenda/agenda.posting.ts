import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { slugify } from '../../lib/ids.ts';
import { pageOf } from '../../lib/paging.ts';
import type { CurrentUser, ServiceContext } from '../../web/types.ts';
import { hasRole, requireActor, requireActorWithRole } from '../accounts/permissions.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { uniqueViolation } from '../profiles/profiles.service.ts';
import { fillFreedPlacesOf, maxActiveRegistrationsPerOccurrence, notifyEventCancelled, notifyEventChanged, registrationSummaries } from '../registrations/registrations.service.ts';
import * as q from './agenda.queries.ts';
import { mayEdit, notFound } from './agenda.service.ts';
import type { EventInput } from './agenda.validation.ts';
import { expandRecurrence, type GeneratedOccurrence, toLocal } from './recurrence.ts';

/**
 * Posting events: entrepreneurs for an organisation they belong to (the event waits for the coordinator), partners
 * and coordinators (published at once). Editing and cancelling; the exceptions of a series (skip a date, move or
 * cancel one date) are in agenda.exceptions.ts. Every change runs in one transaction with its audit entry; the occurrence rows and their copied
 * filter columns are kept in step with the event here and nowhere else.
 */

const POSTING_ROLES = ['entrepreneur', 'partner', 'coordinator'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Coordinators and partners publish directly; an entrepreneur's event goes to the moderation queue. */
export const publishesDirectly = (actor: CurrentUser): boolean => hasRole(actor, 'coordinator', 'partner');
/** The programme itself (no organisation) as organiser: coordinators and partners only. */
const mayPostForProgramme = (actor: CurrentUser): boolean => hasRole(actor, 'coordinator', 'partner');

/** An error on one form field, as a message key with its variables (the page translates it). */
export type PostingError = { field: string; key: string; vars?: Record<string, string | number> };
export type PostingResult = { ok: true; event: q.EventRow; changedFields: string[] } | { ok: false; errors: PostingError[] };

class Refused extends Error {
  constructor(public readonly errors: PostingError[]) {
    super('refused');
  }
}

/** What the posting form offers this actor: organisations to post for, and whether the event is published at once. */
export async function postingOptions(ctx: ServiceContext) {
  const actor = requireActorWithRole(ctx.actor, ...POSTING_ROLES);
  const organisations = (await q.organisationsOfUser(ctx.db, actor.id)).filter((o) => o.status !== 'archived');
  return { organisations, programmeAllowed: mayPostForProgramme(actor), publishesDirectly: publishesDirectly(actor) };
}

async function checkOrganiser(ctx: ServiceContext, db: DbOrTx, actor: CurrentUser, organisationId: string | null, current: string | null | undefined): Promise<PostingError | null> {
  // Keeping the organiser an event already has is always allowed (a coordinator editing someone else's event).
  if (current !== undefined && organisationId === current) return null;
  if (organisationId === null) return mayPostForProgramme(actor) ? null : { field: 'organisation', key: 'agenda.validation.organisationNeeded' };
  if (!UUID.test(organisationId)) return { field: 'organisation', key: 'agenda.validation.organisationNotYours' };
  if (hasRole(actor, 'coordinator') && (await q.findOrganiser(db, organisationId))) return null;
  return (await q.isMember(db, actor.id, organisationId)) ? null : { field: 'organisation', key: 'agenda.validation.organisationNotYours' };
}

/** Paths under /agenda that are not events. */
const RESERVED_SLUGS = ['archief', 'nieuw'];
/** slugify falls back to "organisatie" for a title without letters or digits; an event says "evenement". */
function eventSlug(title: string): string {
  const slug = slugify(title);
  return slug === 'organisatie' && !/organisatie/i.test(title) ? 'evenement' : slug;
}

async function nextFreeSlug(db: DbOrTx, base: string): Promise<string> {
  const taken = new Set([...(await q.findSlugsLike(db, base)), ...RESERVED_SLUGS]);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Event columns from the form. */
function columnsFrom(input: EventInput) {
  return {
    title: input.title,
    description: input.description,
    type: input.type,
    organiserOrganisationId: input.organisationId,
    municipalitySlug: input.municipality,
    themeSlugs: input.themes,
    sdgs: input.sdgs,
    isOnline: input.attendance !== 'locatie',
    locationName: input.locationName,
    streetAddress: input.streetAddress,
    postcode: input.postcode,
    city: input.city,
    onlineUrl: input.onlineUrl,
    locationForRegisteredOnly: input.locationForRegisteredOnly,
    durationMinutes: input.durationMinutes,
    recurrence: input.recurrence,
    registrationMode: input.registrationMode,
    externalRegistrationUrl: input.externalRegistrationUrl,
    capacity: input.capacity,
  } satisfies Partial<q.EventValues>;
}

/** Form field name → what it changes (for the audit log and "nothing changed"). */
const FIELD_COLUMNS = {
  title: 'title',
  description: 'description',
  type: 'type',
  organisation: 'organiserOrganisationId',
  municipality: 'municipalitySlug',
  themes: 'themeSlugs',
  sdgs: 'sdgs',
  attendance: 'isOnline',
  locationName: 'locationName',
  streetAddress: 'streetAddress',
  postcode: 'postcode',
  city: 'city',
  onlineUrl: 'onlineUrl',
  locationForRegisteredOnly: 'locationForRegisteredOnly',
  durationMinutes: 'durationMinutes',
  repeat: 'recurrence',
  registrationMode: 'registrationMode',
  externalRegistrationUrl: 'externalRegistrationUrl',
  capacity: 'capacity',
} as const;

const copiesOf = (e: Pick<q.EventRow, 'status' | 'municipalitySlug' | 'type' | 'isOnline' | 'themeSlugs'>) => ({
  eventStatus: e.status,
  municipalitySlug: e.municipalitySlug,
  type: e.type,
  isOnline: e.isOnline,
  themeSlugs: e.themeSlugs,
});

function generate(input: EventInput): GeneratedOccurrence[] {
  // The form schema already refused rules that do not expand; this only throws on a programming error.
  return expandRecurrence(input.firstStartLocal, input.recurrence, input.durationMinutes);
}

/** Creates an event with its dates: published for coordinators and partners, in review for entrepreneurs. */
export async function createEvent(ctx: ServiceContext, input: EventInput): Promise<PostingResult> {
  const actor = requireActorWithRole(ctx.actor, ...POSTING_ROLES);
  const organiserError = await checkOrganiser(ctx, ctx.db, actor, input.organisationId, undefined);
  if (organiserError) return { ok: false, errors: [organiserError] };
  const generated = generate(input);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const event = await ctx.db.transaction(async (tx) => {
        const now = ctx.clock.now();
        const status = publishesDirectly(actor) ? 'published' : 'in_review';
        const event = await q.insertEvent(tx, {
          ...columnsFrom(input),
          slug: await nextFreeSlug(tx, eventSlug(input.title)),
          createdByUserId: actor.id,
          status,
          submittedAt: now,
          publishedAt: status === 'published' ? now : null,
          createdAt: now,
          updatedAt: now,
        });
        await q.insertOccurrences(
          tx,
          generated.map((g) => ({ eventId: event.id, startsAt: g.startsAt, endsAt: g.endsAt, originalStartsAt: g.originalStartsAt, ...copiesOf(event) })),
        );
        await recordAudit(tx, ctx.clock, {
          actorUserId: actor.id,
          action: 'event.created',
          subjectType: 'event',
          subjectId: event.id,
          details: { status, occurrences: generated.length, organisationId: event.organiserOrganisationId },
          requestId: ctx.requestId,
        });
        return event;
      });
      return { ok: true, event, changedFields: [] };
    } catch (e) {
      if (uniqueViolation(e) === 'events_slug_unique') continue;
      throw e;
    }
  }
  throw new AppError('conflict', 'agenda.error.tryAgain');
}

/** Inside a transaction: the event locked, or not_found for anyone who may not edit it. */
export async function lockForEditing(ctx: ServiceContext, tx: DbOrTx, id: string): Promise<{ actor: CurrentUser; event: q.EventRow }> {
  const actor = requireActor(ctx.actor);
  if (!UUID.test(id)) throw notFound();
  const event = await q.lockEvent(tx, id);
  if (!event || !(await mayEdit({ ...ctx, db: tx as Db }, event))) throw notFound();
  return { actor, event };
}

/** Active (confirmed or waitlisted) registrations per occurrence, read inside the caller's transaction. */
export async function activeRegistrations(ctx: ServiceContext, tx: DbOrTx, eventId: string): Promise<Map<string, number>> {
  const summaries = await registrationSummaries({ ...ctx, db: tx as Db }, eventId);
  return new Map([...summaries].map(([id, s]) => [id, s.confirmed + s.waitlisted]));
}

const dateKey = (d: Date) => toLocal(d).date;

/**
 * Brings the occurrence rows in line with the (changed) rule and first date. Dates are matched by their local date,
 * so a new start time keeps each date's row, registrations and exceptions: a moved date stays moved, a skipped date
 * stays skipped, a cancelled date stays cancelled. A date the new rule no longer has is removed, unless people are
 * registered for it: then the edit is refused, naming those dates.
 */
async function syncOccurrences(ctx: ServiceContext, tx: DbOrTx, event: q.EventRow, input: EventInput): Promise<boolean> {
  const existing = await q.listOccurrences(tx, event.id);
  const exdates = await q.listExdates(tx, event.id);
  const now = ctx.clock.now().getTime();
  const generated = generate(input);
  const duration = input.durationMinutes * 60_000;
  let changed = false;
  const keepRows = new Set<string>();
  const keepExdates = new Set<number>();

  // One date before and after (a single event moved to another day): the same row, so its registrations stay.
  const single = generated.length === 1 && existing.length === 1 && exdates.length === 0;
  const byDate = new Map(existing.map((r) => [dateKey(r.originalStartsAt), r]));
  const exByDate = new Map(exdates.map((d) => [dateKey(d), d]));
  const inserts: q.OccurrenceValues[] = [];
  for (const g of generated) {
    const ex = exByDate.get(g.localDate);
    if (ex) {
      keepExdates.add(ex.getTime());
      if (ex.getTime() !== g.originalStartsAt.getTime()) {
        await q.deleteExdate(tx, event.id, ex);
        await q.insertExdate(tx, event.id, g.originalStartsAt);
        keepExdates.add(g.originalStartsAt.getTime());
        changed = true;
      }
      continue;
    }
    const row = single ? existing[0] : byDate.get(g.localDate);
    // Dates that are over stay as they were (attendance may be marked), and no date is added in the past.
    if (row && row.startsAt.getTime() <= now) {
      keepRows.add(row.id);
      continue;
    }
    if (!row && g.startsAt.getTime() <= now) continue;
    if (!row) {
      inserts.push({ eventId: event.id, startsAt: g.startsAt, endsAt: g.endsAt, originalStartsAt: g.originalStartsAt, ...copiesOf(event) });
      continue;
    }
    keepRows.add(row.id);
    const moved = row.startsAt.getTime() !== row.originalStartsAt.getTime() && !single;
    const startsAt = moved ? row.startsAt : g.startsAt;
    const next = { originalStartsAt: g.originalStartsAt, startsAt, endsAt: new Date(startsAt.getTime() + duration) };
    if (next.originalStartsAt.getTime() !== row.originalStartsAt.getTime() || next.startsAt.getTime() !== row.startsAt.getTime() || next.endsAt.getTime() !== row.endsAt.getTime()) {
      await q.updateOccurrence(tx, row.id, single ? { ...next, sequence: row.sequence + 1 } : next);
      changed = true;
    }
  }
  const removed = existing.filter((r) => !keepRows.has(r.id) && r.startsAt.getTime() > now);
  if (removed.length) {
    const active = await activeRegistrations(ctx, tx, event.id);
    const blocked = removed.filter((r) => (active.get(r.id) ?? 0) > 0);
    if (blocked.length) {
      throw new Refused([{ field: 'startDate', key: 'agenda.validation.datesHaveRegistrations', vars: { dates: blocked.map((r) => toLocal(r.startsAt).date).join(', ') } }]);
    }
    await q.deleteOccurrences(tx, removed.map((r) => r.id));
    changed = true;
  }
  for (const d of exdates) {
    if (!keepExdates.has(d.getTime())) {
      await q.deleteExdate(tx, event.id, d);
      changed = true;
    }
  }
  if (inserts.length) {
    await q.insertOccurrences(tx, inserts);
    changed = true;
  }
  return changed;
}

/** The first start of the series as the form shows it: the earliest date of the rule, skipped ones included. */
export function seriesStart(occurrences: Pick<q.OccurrenceRow, 'originalStartsAt'>[], exdates: Date[]): Date | null {
  const all = [...occurrences.map((o) => o.originalStartsAt.getTime()), ...exdates.map((d) => d.getTime())];
  return all.length ? new Date(Math.min(...all)) : null;
}

/**
 * Saves an edit. A published event stays published and its iCalendar SEQUENCE goes up; a rejected one goes back to
 * review (or is published at once for coordinators and partners). Refused, with nothing changed: a capacity below the
 * places already taken, another way of registering while people are registered, or removing dates people are
 * registered for.
 */
export async function updateEvent(ctx: ServiceContext, id: string, input: EventInput): Promise<PostingResult> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const { actor, event } = await lockForEditing(ctx, tx, id);
      if (event.status === 'cancelled') throw new AppError('conflict', 'agenda.error.cancelledNoEdit');
      const errors: PostingError[] = [];
      const organiserError = await checkOrganiser(ctx, tx, actor, input.organisationId, event.organiserOrganisationId);
      if (organiserError) errors.push(organiserError);
      const taken = await maxActiveRegistrationsPerOccurrence(tx, event.id);
      // Waitlisted people count here too: they would be left waiting for an event that no longer takes registrations.
      const registered = Math.max(0, ...(await activeRegistrations(ctx, tx, event.id)).values());
      if (registered > 0 && input.registrationMode !== 'internal') errors.push({ field: 'registrationMode', key: 'agenda.validation.modeHasRegistrations', vars: { count: registered } });
      if (input.capacity !== null && input.capacity < taken) errors.push({ field: 'capacity', key: 'agenda.validation.capacityBelowTaken', vars: { count: taken } });
      if (errors.length) throw new Refused(errors);

      const next = columnsFrom(input);
      const changedFields = Object.entries(FIELD_COLUMNS)
        .filter(([, column]) => JSON.stringify(event[column] ?? null) !== JSON.stringify(next[column] ?? null))
        .map(([field]) => field);
      const now = ctx.clock.now();
      let status = event.status;
      const statusValues: Partial<q.EventValues> = {};
      if (event.status === 'rejected' || event.status === 'draft') {
        status = publishesDirectly(actor) ? 'published' : 'in_review';
        Object.assign(statusValues, { status, rejectionReason: null, submittedAt: now, publishedAt: status === 'published' ? now : null });
      }
      const updated: q.EventRow = { ...event, ...next, ...statusValues } as q.EventRow;
      const datesChanged = await syncOccurrences(ctx, tx, updated, input);
      if (datesChanged) changedFields.push('dates');
      if (changedFields.length === 0 && status === event.status) return { ok: true as const, event, changedFields };
      // Attendees' calendars must replace their copy: a higher SEQUENCE for every change to a public event.
      const sequence = event.status === 'published' ? event.sequence + 1 : event.sequence;
      await q.updateEvent(tx, id, { ...next, ...statusValues, sequence, updatedAt: now });
      await q.syncOccurrenceCopies(tx, id, copiesOf(updated));
      if (event.status === 'published') await tellRegistrants(ctx, tx, event, updated, changedFields);
      await recordAudit(tx, ctx.clock, {
        actorUserId: actor.id,
        action: 'event.updated',
        subjectType: 'event',
        subjectId: id,
        details: { from: event.status, to: status, fields: changedFields },
        requestId: ctx.requestId,
      });
      return { ok: true as const, event: { ...updated, sequence, updatedAt: now }, changedFields };
    });
  } catch (e) {
    if (e instanceof Refused) return { ok: false, errors: e.errors };
    throw e;
  }
}

/** What registered people must hear about: when and where it is. */
const ATTENDEE_FIELDS = new Set(['dates', 'durationMinutes', 'repeat', 'attendance', 'locationName', 'streetAddress', 'postcode', 'city', 'onlineUrl']);

/**
 * After an edit of a published event, in its transaction: people registered for a coming date hear about a new time
 * or place, and a raised capacity gives waitlisted people the freed places at once (with a mail).
 */
async function tellRegistrants(ctx: ServiceContext, tx: DbOrTx, before: q.EventRow, after: q.EventRow, changedFields: string[]): Promise<void> {
  if (changedFields.some((f) => ATTENDEE_FIELDS.has(f))) {
    await notifyEventChanged(tx, ctx, { eventId: before.id, datesChanged: changedFields.some((f) => f === 'dates' || f === 'durationMinutes' || f === 'repeat') });
  }
  const raised = before.capacity !== null && (after.capacity === null || after.capacity > before.capacity);
  if (!raised) return;
  const now = ctx.clock.now().getTime();
  for (const occurrence of await q.listOccurrences(tx, before.id)) {
    if (occurrence.status === 'scheduled' && occurrence.startsAt.getTime() > now) await fillFreedPlacesOf(tx, ctx, occurrence.id);
  }
}

/** Cancels a published event: the page stays (marked cancelled) and everyone registered gets a mail, in one transaction. */
export async function cancelEvent(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { actor, event } = await lockForEditing(ctx, tx, id);
    if (event.status !== 'published') throw new AppError('conflict', event.status === 'cancelled' ? 'agenda.error.alreadyCancelled' : 'agenda.error.notPublished');
    const now = ctx.clock.now();
    await q.updateEvent(tx, id, { status: 'cancelled', cancelledAt: now, sequence: event.sequence + 1, updatedAt: now });
    await q.syncOccurrenceCopies(tx, id, copiesOf({ ...event, status: 'cancelled' }));
    await notifyEventCancelled(tx, ctx, { eventId: id });
    await recordAudit(tx, ctx.clock, { actorUserId: actor.id, action: 'event.cancelled', subjectType: 'event', subjectId: id, details: { from: 'published', to: 'cancelled' }, requestId: ctx.requestId });
  });
}

/** Withdraws an event that was never published (in review, rejected): it is deleted, nobody could register for it. */
export async function withdrawEvent(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { actor, event } = await lockForEditing(ctx, tx, id);
    if (!['in_review', 'rejected', 'draft'].includes(event.status)) throw new AppError('conflict', 'agenda.error.cannotWithdraw');
    await q.deleteEvent(tx, id);
    await recordAudit(tx, ctx.clock, { actorUserId: actor.id, action: 'event.withdrawn', subjectType: 'event', subjectId: id, details: { from: event.status }, requestId: ctx.requestId });
  });
}

export const MY_PAGE_SIZE = 20;

/** The actor's events (created by them or of their organisations), one page. */
export async function myEvents(ctx: ServiceContext, page: number) {
  const actor = requireActorWithRole(ctx.actor, ...POSTING_ROLES);
  const first = await q.listEventsOfUser(ctx.db, actor.id, ctx.clock.now(), MY_PAGE_SIZE, (Math.max(1, page) - 1) * MY_PAGE_SIZE);
  const p = pageOf(page, first.total, MY_PAGE_SIZE);
  const rows = p.page === page ? first.rows : (await q.listEventsOfUser(ctx.db, actor.id, ctx.clock.now(), MY_PAGE_SIZE, p.offset)).rows;
  return { ...p, items: rows };
}

/** Everything the edit page needs, for someone who may edit the event (not_found for anyone else). */
export async function getEventForEditing(ctx: ServiceContext, id: string) {
  requireActor(ctx.actor);
  if (!UUID.test(id)) throw notFound();
  const event = await q.findEventById(ctx.db, id);
  if (!event || !(await mayEdit(ctx, event))) throw notFound();
  const [occurrences, exdates, organiser, summaries] = await Promise.all([
    q.listOccurrences(ctx.db, id),
    q.listExdates(ctx.db, id),
    q.findOrganiser(ctx.db, event.organiserOrganisationId),
    registrationSummaries(ctx, id),
  ]);
  return { event, occurrences, exdates, organiser, summaries };
}
