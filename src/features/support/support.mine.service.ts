import { AppError } from '../../lib/errors.ts';
import { pageOf } from '../../lib/paging.ts';
import type { ServiceContext } from '../../web/types.ts';
import { requireActor } from '../accounts/permissions.ts';
import { supportMail } from './support.mails.ts';
import * as q from './support.queries.ts';
import type { SupportEventKind } from './support.schema.ts';
import { isUuid } from './support.scope.ts';
import { attachVisitorRequests, link } from './support.service.ts';
import { requesterCanReply, requesterCanWithdraw } from './support.workflow.ts';

export const MINE_PAGE_SIZE = 20;

const notFound = () => new AppError('not_found', 'common.error.notFoundText');

/** "Mijn hulpvragen": the actor's own requests (visitor requests with their verified email are attached first). */
export async function listMyRequests(ctx: ServiceContext, page: number) {
  const actor = requireActor(ctx.actor);
  await attachVisitorRequests(ctx, actor);
  const p = pageOf(page, await q.countRequestsOfRequester(ctx.db, actor.id), MINE_PAGE_SIZE);
  return { ...p, items: await q.listRequestsOfRequester(ctx.db, actor.id, MINE_PAGE_SIZE, p.offset) };
}

/** What the requester sees of the timeline: messages both ways and the milestones, never internal notes. */
const REQUESTER_VISIBLE: SupportEventKind[] = ['submitted', 'confirmed', 'routed', 'status_changed', 'message_to_requester', 'message_from_requester', 'referred', 'closed', 'reopened', 'withdrawn', 'rated'];
/** Kinds whose text is for the requester (a referral note or a status note is for staff and partner). */
const REQUESTER_BODY: SupportEventKind[] = ['message_to_requester', 'message_from_requester', 'closed', 'withdrawn'];

async function ownRequest(ctx: ServiceContext, id: string, lock?: Parameters<typeof q.lockRequest>[0]) {
  const actor = requireActor(ctx.actor);
  await attachVisitorRequests(ctx, actor);
  // Someone else's request is "not found": the requester learns nothing about other people's questions.
  const request = isUuid(id) ? await (lock ? q.lockRequest(lock, id) : q.findRequest(ctx.db, id)) : null;
  if (!request || request.requesterUserId !== actor.id || request.anonymisedAt) throw notFound();
  return { actor, request };
}

/** One own request with its visible timeline and attachments. */
export async function getMyRequest(ctx: ServiceContext, id: string) {
  const { request } = await ownRequest(ctx, id);
  const [events, attachments, assigneeName, partnerName, organisationName] = await Promise.all([
    q.listEvents(ctx.db, request.id),
    q.listAttachments(ctx.db, request.id),
    q.nameOfUser(ctx.db, request.assigneeUserId),
    q.nameOfOrganisation(ctx.db, request.partnerOrganisationId),
    q.nameOfOrganisation(ctx.db, request.organisationId),
  ]);
  return {
    request,
    events: events.filter((e) => REQUESTER_VISIBLE.includes(e.kind)).map((e) => ({ ...e, body: REQUESTER_BODY.includes(e.kind) ? e.body : null })),
    attachments,
    assigneeName,
    partnerName: request.status === 'referred' ? partnerName : null,
    organisationName,
    canReply: requesterCanReply(request.status),
    canWithdraw: requesterCanWithdraw(request.status) && request.status !== 'unconfirmed',
    canRate: request.status === 'closed' && request.outcome !== 'withdrawn' && request.satisfaction === null,
  };
}

/** Who hears about the requester's reply: the assignee, or the partner's people when a partner has it. */
async function staffToNotify(db: Parameters<typeof q.partnerContacts>[0], request: q.SupportRequestRow) {
  if (request.status === 'referred' && request.partnerOrganisationId) return q.partnerContacts(db, request.partnerOrganisationId);
  const contact = request.assigneeUserId ? await q.findUserContact(db, request.assigneeUserId) : null;
  return contact ? [contact] : [];
}

/** The requester answers. A closed request takes no replies (conflict); waiting → in_progress. */
export async function replyToMyRequest(ctx: ServiceContext, id: string, body: string): Promise<void> {
  const text = body.trim();
  if (!text) throw new AppError('validation_failed', 'support.error.messageRequired', { message: ['support.error.messageRequired'] });
  await ctx.db.transaction(async (tx) => {
    const { actor, request } = await ownRequest(ctx, id, tx);
    if (!requesterCanReply(request.status)) throw new AppError('conflict', 'support.error.closed');
    const now = ctx.clock.now();
    const status = request.status === 'waiting' ? 'in_progress' : request.status;
    await q.updateRequest(tx, id, { status, updatedAt: now });
    await q.insertEvent(tx, { requestId: id, at: now, kind: 'message_from_requester', actorUserId: actor.id, fromStatus: request.status, toStatus: status, body: text });
    for (const contact of await staffToNotify(tx, request)) {
      await ctx.mailer.queue(tx, supportMail('replyStaff', contact, { caseNumber: request.caseNumber, link: link(ctx, `/beheer/hulpvragen/${id}`) }));
    }
  });
}

/** The requester withdraws an open request: closed with outcome "withdrawn". */
export async function withdrawMyRequest(ctx: ServiceContext, id: string, reason: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { actor, request } = await ownRequest(ctx, id, tx);
    if (!requesterCanWithdraw(request.status) || request.status === 'unconfirmed') throw new AppError('conflict', 'support.error.closed');
    const now = ctx.clock.now();
    await q.updateRequest(tx, id, { status: 'closed', outcome: 'withdrawn', closedAt: now, updatedAt: now });
    await q.insertEvent(tx, { requestId: id, at: now, kind: 'withdrawn', actorUserId: actor.id, fromStatus: request.status, toStatus: 'closed', body: reason.trim() || null, details: { outcome: 'withdrawn' } });
    for (const contact of await staffToNotify(tx, request)) {
      await ctx.mailer.queue(tx, supportMail('replyStaff', contact, { caseNumber: request.caseNumber, link: link(ctx, `/beheer/hulpvragen/${id}`) }));
    }
  });
}

/** The 1-5 satisfaction answer after closing; once per closing. */
export async function rateMyRequest(ctx: ServiceContext, id: string, score: number): Promise<void> {
  if (!Number.isInteger(score) || score < 1 || score > 5) throw new AppError('validation_failed', 'support.validation.score', { score: ['support.validation.score'] });
  await ctx.db.transaction(async (tx) => {
    const { actor, request } = await ownRequest(ctx, id, tx);
    if (request.status !== 'closed' || request.outcome === 'withdrawn') throw new AppError('conflict', 'support.error.notClosed');
    if (request.satisfaction !== null) throw new AppError('conflict', 'support.error.alreadyRated');
    const now = ctx.clock.now();
    await q.updateRequest(tx, id, { satisfaction: score, ratedAt: now, updatedAt: now });
    await q.insertEvent(tx, { requestId: id, at: now, kind: 'rated', actorUserId: actor.id, details: { score } });
  });
}

/** An attachment of an own request. */
export async function myAttachment(ctx: ServiceContext, id: string, attachmentId: string) {
  const { request } = await ownRequest(ctx, id);
  const file = isUuid(attachmentId) ? await q.findAttachment(ctx.db, request.id, attachmentId) : null;
  if (!file) throw notFound();
  return file;
}
