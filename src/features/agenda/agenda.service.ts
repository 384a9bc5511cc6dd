import { sql } from 'drizzle-orm';
import { AppError } from '../../lib/errors.ts';
import type { ServiceContext } from '../../web/types.ts';
import { hasRole } from '../accounts/permissions.ts';
import * as q from './agenda.queries.ts';
import type { AgendaFilters } from './agenda.validation.ts';
import { MAX_RESULT_DEPTH } from './agenda.validation.ts';
import { localToUtc, toLocal } from './recurrence.ts';

/**
 * Reading the agenda: the public lists (upcoming, archive, month), one event's page, and the small lists other
 * features show (home page, organisation profiles). Posting and moderation are in agenda.posting.ts and
 * agenda.moderation.ts.
 */

export type { AgendaItem, EventRow, OccurrenceRow, Organiser } from './agenda.queries.ts';

/** Counts stop here: "more than 200 events" (ten pages) is as useful as the exact number and much cheaper. */
export const COUNT_CAP = 200;
/** The month view shows at most this many occurrences; beyond it the visitor is asked to filter. */
export const MONTH_CAP = 300;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const notFound = () => new AppError('not_found', 'agenda.error.notFound');

/** The UTC start of a local date, and the UTC start of the day after another: the window of van/tot. */
function windowOf(f: AgendaFilters): { from?: Date; to?: Date } {
  return {
    from: f.van ? localToUtc(f.van, '00:00') : undefined,
    to: f.tot ? localToUtc(nextDay(f.tot), '00:00') : undefined,
  };
}

export const nextDay = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

export type AgendaPage = {
  items: q.AgendaItem[];
  page: number;
  pageSize: number;
  /** Exact up to COUNT_CAP; with totalIsExact false it is a lower bound. */
  total: number;
  totalIsExact: boolean;
  hasNext: boolean;
  lastPage: number | null;
};

/** One page of the agenda: upcoming occurrences (soonest first) or, with past, the archive (most recent first). */
export async function listAgenda(ctx: ServiceContext, filters: AgendaFilters, options: { page: number; pageSize: number; past?: boolean }): Promise<AgendaPage> {
  const past = options.past ?? false;
  const pageSize = options.pageSize;
  const maxPage = Math.max(1, Math.floor(MAX_RESULT_DEPTH / pageSize));
  const page = Math.min(Math.max(1, options.page), maxPage);
  const w: q.Window = { ...windowOf(filters), now: ctx.clock.now(), past };
  const text = await q.textMatchFor(ctx.db, filters.q);
  const [items, counted] = await Promise.all([
    q.listAgendaItems(ctx.db, filters, w, pageSize + 1, (page - 1) * pageSize, { text }),
    q.countAgendaItems(ctx.db, filters, w, COUNT_CAP + 1, text),
  ]);
  const totalIsExact = counted <= COUNT_CAP;
  const hasNext = items.length > pageSize;
  const total = totalIsExact ? counted : Math.max(COUNT_CAP, (page - 1) * pageSize + items.length);
  return {
    items: items.slice(0, pageSize),
    page,
    pageSize,
    total,
    totalIsExact,
    hasNext,
    lastPage: totalIsExact ? Math.max(1, Math.ceil(counted / pageSize)) : null,
  };
}

/** The occurrences of one month ("2026-12"), upcoming and past alike; `truncated` when there were more than MONTH_CAP. */
export async function agendaMonth(ctx: ServiceContext, filters: AgendaFilters, month: string): Promise<{ items: q.AgendaItem[]; truncated: boolean }> {
  const [y, m] = month.split('-').map(Number);
  const first = `${month}-01`;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const own = windowOf(filters);
  let from = localToUtc(first, '00:00');
  let to = localToUtc(next, '00:00');
  if (own.from && own.from > from) from = own.from;
  if (own.to && own.to < to) to = own.to;
  // Both upcoming and past of that month: "past" with now = the month's end covers the whole month.
  const text = await q.textMatchFor(ctx.db, filters.q);
  const items = await q.listAgendaItems(ctx.db, filters, { from, to, now: new Date(8.64e15), past: true }, MONTH_CAP + 1, 0, { text });
  items.reverse();
  return { items: items.slice(0, MONTH_CAP), truncated: items.length > MONTH_CAP };
}

/** The current month in Europe/Amsterdam, "2026-12". */
export const currentMonth = (ctx: ServiceContext): string => toLocal(ctx.clock.now()).date.slice(0, 7);
/** Today in Europe/Amsterdam, "2026-12-03". */
export const today = (ctx: ServiceContext): string => toLocal(ctx.clock.now()).date;

/** Upcoming published occurrences, soonest first: for the home page, or one organisation's profile page. */
export async function upcomingOccurrences(ctx: ServiceContext, options: { limit: number; organisationId?: string }): Promise<q.AgendaItem[]> {
  const limit = Math.min(Math.max(1, options.limit), 100);
  if (options.organisationId !== undefined) {
    if (!UUID.test(options.organisationId)) return [];
    return q.upcomingOfOrganisation(ctx.db, options.organisationId, ctx.clock.now(), limit);
  }
  // The home page shows what one can go to: no cancelled dates.
  return q.listAgendaItems(ctx.db, { thema: [] }, { now: ctx.clock.now(), past: false }, limit, 0, { extra: [sqlPublishedScheduled] });
}

const sqlPublishedScheduled = sql`o.event_status = 'published' AND o.status = 'scheduled'`;

/** How many dates of published events take place in [from, to) (cancelled dates not counted): home page figures. */
export function countEventsBetween(ctx: ServiceContext, from: Date, to: Date): Promise<number> {
  return q.countOccurrencesBetween(ctx.db, from, to);
}

export type EventPageData = {
  event: q.EventRow;
  occurrences: q.OccurrenceRow[];
  exdates: Date[];
  organiser: q.Organiser | null;
  /** True when the viewer may edit it (shows the edit link and, before publication, a preview). */
  canEdit: boolean;
};

/**
 * One event with its dates, for its page and the API. Published and cancelled events are public; one that is not
 * (yet) published is shown only to the people who may edit it, and to coordinators (a preview).
 */
export async function getEventBySlug(ctx: ServiceContext, slug: string): Promise<EventPageData> {
  if (slug.length > 200) throw notFound();
  const event = await q.findEventBySlug(ctx.db, slug);
  if (!event) throw notFound();
  const canEdit = await mayEdit(ctx, event);
  const isPublic = event.status === 'published' || event.status === 'cancelled';
  if (!isPublic && !canEdit) throw notFound();
  const [occurrences, exdates, organiser] = await Promise.all([
    q.listOccurrences(ctx.db, event.id),
    q.listExdates(ctx.db, event.id),
    q.findOrganiser(ctx.db, event.organiserOrganisationId),
  ]);
  return { event, occurrences, exdates, organiser, canEdit };
}

/** The public event only (the API and feeds never show previews). */
export async function getPublicEventBySlug(ctx: ServiceContext, slug: string): Promise<Omit<EventPageData, 'canEdit'>> {
  const data = await getEventBySlug({ ...ctx, actor: null }, slug);
  return data;
}

/**
 * Whether the actor may edit the event: coordinators always; otherwise its creator, or a member of the organising
 * organisation, while they still hold a role that may post events.
 */
export async function mayEdit(ctx: ServiceContext, event: Pick<q.EventRow, 'createdByUserId' | 'organiserOrganisationId'>): Promise<boolean> {
  const actor = ctx.actor;
  if (!actor) return false;
  if (hasRole(actor, 'coordinator')) return true;
  if (!hasRole(actor, 'entrepreneur', 'partner')) return false;
  if (event.createdByUserId === actor.id) return true;
  return event.organiserOrganisationId !== null && (await q.isMember(ctx.db, actor.id, event.organiserOrganisationId));
}
