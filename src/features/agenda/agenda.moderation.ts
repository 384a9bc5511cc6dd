import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { pageOf } from '../../lib/paging.ts';
import type { ServiceContext } from '../../web/types.ts';
import { requireActorWithRole } from '../accounts/permissions.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { eventDecisionMail, type EventMailKind } from './agenda.mails.ts';
import * as q from './agenda.queries.ts';
import { notFound } from './agenda.service.ts';

/**
 * The coordinator's decisions on entrepreneurs' events (shown in /beheer/moderatie next to the profiles): approve
 * (published, the creator gets a mail) or reject with a reason (the creator sees it and can edit and resubmit).
 */

export const REVIEW_PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notInReview = () => new AppError('conflict', 'agenda.error.notInReview');

export async function countEventsInReview(ctx: ServiceContext): Promise<number> {
  requireActorWithRole(ctx.actor, 'coordinator');
  return q.countInReview(ctx.db);
}

/** Events in review, oldest submission first, one page. */
export async function eventReviewQueue(ctx: ServiceContext, page: number) {
  requireActorWithRole(ctx.actor, 'coordinator');
  const p = pageOf(page, await q.countInReview(ctx.db), REVIEW_PAGE_SIZE);
  return { ...p, items: await q.listInReview(ctx.db, REVIEW_PAGE_SIZE, p.offset) };
}

/** One event for the coordinator's review page, whatever its status. */
export async function getEventForReview(ctx: ServiceContext, id: string) {
  requireActorWithRole(ctx.actor, 'coordinator');
  if (!UUID.test(id)) throw notFound();
  const event = await q.findEventById(ctx.db, id);
  if (!event) throw notFound();
  const [occurrences, exdates, organiser, creator] = await Promise.all([
    q.listOccurrences(ctx.db, id),
    q.listExdates(ctx.db, id),
    q.findOrganiser(ctx.db, event.organiserOrganisationId),
    q.creatorContact(ctx.db, id),
  ]);
  return { event, occurrences, exdates, organiser, creator };
}

async function decide(
  ctx: ServiceContext,
  id: string,
  d: { set: (now: Date) => Partial<q.EventValues>; to: 'published' | 'rejected'; action: string; mail: EventMailKind; vars?: Record<string, string> },
): Promise<void> {
  const actor = requireActorWithRole(ctx.actor, 'coordinator');
  if (!UUID.test(id)) throw notFound();
  await ctx.db.transaction(async (tx: DbOrTx) => {
    const event = await q.lockEvent(tx, id);
    if (!event) throw notFound();
    if ((await q.updateEventIfStatus(tx, id, ['in_review'], { ...d.set(ctx.clock.now()), status: d.to })) !== 1) throw notInReview();
    await q.syncOccurrenceCopies(tx, id, { eventStatus: d.to, municipalitySlug: event.municipalitySlug, type: event.type, isOnline: event.isOnline, themeSlugs: event.themeSlugs });
    await recordAudit(tx, ctx.clock, { actorUserId: actor.id, action: d.action, subjectType: 'event', subjectId: id, details: { from: 'in_review', to: d.to }, requestId: ctx.requestId });
    const creator = await q.creatorContact(tx, id);
    const base = ctx.config.publicUrl;
    if (creator) {
      await ctx.mailer.queue(
        tx,
        eventDecisionMail(d.mail, creator, { title: event.title, link: `${base}/agenda/${encodeURIComponent(event.slug)}`, editLink: `${base}/mijn/evenementen/${id}`, ...d.vars }),
      );
    }
  });
}

/** Publishes an event in review; a second decision on it is a conflict, never a second publication. */
export const approveEvent = (ctx: ServiceContext, id: string) =>
  decide(ctx, id, { to: 'published', action: 'event.approved', mail: 'approved', set: (now) => ({ publishedAt: now, rejectionReason: null, updatedAt: now }) });

/** Rejects an event in review with a reason the creator reads. */
export const rejectEvent = (ctx: ServiceContext, id: string, reason: string) =>
  decide(ctx, id, { to: 'rejected', action: 'event.rejected', mail: 'rejected', vars: { reason }, set: (now) => ({ rejectionReason: reason, updatedAt: now }) });
