import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { pageOf } from '../../lib/paging.ts';
import type { CurrentUser, ServiceContext } from '../../web/types.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { supportMail } from './support.mails.ts';
import * as q from './support.queries.ts';
import { supportRequests, type SupportEventKind, type SupportOutcome, type SupportStatus, type SupportTopic } from './support.schema.ts';
import { isUuid, partnerMayAct, reachOf, requireRequestInScope, staffScopeOf } from './support.scope.ts';
import { allowedTransitions, canTransition, defaultOutcome } from './support.workflow.ts';

export { staffScopeOf, type StaffScope } from './support.scope.ts';

export const STAFF_PAGE_SIZE = 25;
export const STAFF_VIEWS = ['mine', 'unassigned', 'overdue', 'all'] as const;
export type StaffView = (typeof STAFF_VIEWS)[number];

export type StaffRequestFilters = { view?: StaffView; status?: SupportStatus; topic?: SupportTopic; municipality?: string; organisationId?: string };

export type StaffRequestListItem = q.RequestListRow & { overdue: boolean };

const withOverdue = (now: Date) => (r: q.RequestListRow): StaffRequestListItem => ({
  ...r,
  overdue: r.status !== 'closed' && !r.firstRespondedAt && !!r.firstResponseDueAt && r.firstResponseDueAt < now,
});

/** The inbox: requests in the actor's scope (never unconfirmed ones), filtered by view, status, topic, municipality. */
export async function listRequestsForStaff(ctx: ServiceContext, filters: StaffRequestFilters, page: number) {
  const scope = await staffScopeOf(ctx);
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  const where = [q.scopeCondition(scope)];
  where.push(q.notUnconfirmed());
  if (filters.view === 'mine') where.push(q.ownedBy(actor.id, scope.partnerOrganisationIds));
  if (filters.view === 'unassigned') where.push(q.byStatus('new'));
  if (filters.view === 'overdue') where.push(q.overdueCondition(now));
  if (filters.status) where.push(q.byStatus(filters.status));
  if (filters.topic) where.push(q.byTopic(filters.topic));
  if (filters.municipality) where.push(eq(supportRequests.municipalitySlug, filters.municipality));
  if (filters.organisationId) where.push(eq(supportRequests.organisationId, filters.organisationId));
  const condition = and(...where)!;
  const p = pageOf(page, await q.countRequests(ctx.db, condition), STAFF_PAGE_SIZE);
  const rows = await q.listRequests(ctx.db, condition, STAFF_PAGE_SIZE, p.offset);
  return { ...p, items: rows.map(withOverdue(now)) };
}

/** A relationship view's list: every request of one organisation that the actor may see, newest first. */
export async function requestsOfOrganisation(ctx: ServiceContext, organisationId: string): Promise<StaffRequestListItem[]> {
  const scope = await staffScopeOf(ctx);
  if (!isUuid(organisationId)) return [];
  const where = and(q.scopeCondition(scope), q.notUnconfirmed(), eq(supportRequests.organisationId, organisationId))!;
  const rows = await q.listRequests(ctx.db, where, 500, 0);
  return rows.map(withOverdue(ctx.clock.now()));
}

/** Kinds a partner sees on the timeline (never internal notes of the municipality). */
const PARTNER_VISIBLE: SupportEventKind[] = ['submitted', 'confirmed', 'status_changed', 'message_to_requester', 'message_from_requester', 'closed', 'reopened', 'withdrawn', 'rated'];
/** Of these, the step is shown to a partner but the staff member's note with it is internal (unless the partner wrote it). */
const PARTNER_STEP_ONLY: SupportEventKind[] = ['status_changed', 'closed', 'reopened'];

/** The timeline as a partner sees it: visible kinds and its own organisation's entries; internal status notes blanked. */
function partnerTimeline<E extends { kind: SupportEventKind; partnerOrganisationId: string | null; body: string | null }>(events: E[], partnerOrganisationIds: string[]): E[] {
  const own = (e: E) => e.partnerOrganisationId !== null && partnerOrganisationIds.includes(e.partnerOrganisationId);
  return events
    .filter((e) => PARTNER_VISIBLE.includes(e.kind) || own(e))
    .map((e) => (PARTNER_STEP_ONLY.includes(e.kind) && !own(e) ? { ...e, body: null } : e));
}

/** One request with its timeline, for a staff member in scope. The read is written to the audit log. */
export async function getRequestForStaff(ctx: ServiceContext, id: string) {
  const { request, reach, scope } = await requireRequestInScope(ctx, id, 'support_request.read', true);
  const [allEvents, attachments, assigneeName, partnerName, organisation] = await Promise.all([
    q.listEvents(ctx.db, request.id),
    q.listAttachments(ctx.db, request.id),
    q.nameOfUser(ctx.db, request.assigneeUserId),
    q.nameOfOrganisation(ctx.db, request.partnerOrganisationId),
    q.organisationRef(ctx.db, request.organisationId),
  ]);
  const organisationName = organisation?.name ?? null;
  // The relationship view of the organisation (features/relations) is for the municipality's own staff, not partners.
  const organisationSlug = reach === 'full' ? (organisation?.slug ?? null) : null;
  const events = reach === 'full' ? allEvents : partnerTimeline(allEvents, scope.partnerOrganisationIds);
  const overdue = withOverdue(ctx.clock.now())({ status: request.status, firstRespondedAt: request.firstRespondedAt, firstResponseDueAt: request.firstResponseDueAt } as q.RequestListRow).overdue;
  // Anonymised, unconfirmed, or a partner's closed request: read-only (lockForChange refuses every change).
  const canChange = !request.anonymisedAt && request.status !== 'unconfirmed' && (reach === 'full' || partnerMayAct(request));
  const transitions = !canChange ? [] : reach === 'partner' ? allowedTransitions(request.status).filter((s) => s === 'closed') : allowedTransitions(request.status);
  return { request, reach, events, attachments, assigneeName, partnerName, organisationName, organisationSlug, overdue, canChange, allowedTransitions: transitions };
}

export type StaffRequestDetail = Awaited<ReturnType<typeof getRequestForStaff>>;

/**
 * Locks the request in scope for a change; `full` demands municipality scope (partners cannot reassign or refer).
 * The checks run again on the locked row, so a request that changed in between is judged as it is now. Refused
 * (conflict, nothing changes): an anonymised request (its personal data is gone; it stays as it is), an unconfirmed
 * one (the visitor has not confirmed it; only the link routes it), and, for a partner, a request no longer referred
 * to it (closed: read-only).
 */
async function lockForChange(ctx: ServiceContext, tx: DbOrTx, id: string, action: string, needFull: boolean) {
  const { actor, scope } = await requireRequestInScope(ctx, id, action, false);
  const request = await q.lockRequest(tx, id);
  if (!request) throw new AppError('not_found', 'common.error.notFoundText');
  const reach = reachOf(scope, request);
  if (!reach || (needFull && reach !== 'full')) throw new AppError('forbidden', 'common.error.forbiddenText');
  if (request.anonymisedAt) throw new AppError('conflict', 'support.error.anonymised');
  if (request.status === 'unconfirmed') throw new AppError('conflict', 'support.error.unconfirmed');
  if (reach === 'partner' && !partnerMayAct(request)) throw new AppError('conflict', 'support.error.partnerReadOnly');
  return { request, actor, reach };
}

async function audit(ctx: ServiceContext, tx: DbOrTx, actor: CurrentUser, action: string, id: string, details: Record<string, unknown> = {}) {
  await recordAudit(tx, ctx.clock, { actorUserId: actor.id, action, subjectType: 'support_request', subjectId: id, details, requestId: ctx.requestId });
}

const requesterOf = (r: q.SupportRequestRow) => ({ email: r.requesterEmail, name: r.requesterName, language: r.lang });
export const link = (ctx: ServiceContext, path: string) => `${ctx.config.publicUrl}${path}`;
const transitionRefused = () => new AppError('conflict', 'support.error.transition');

/**
 * Moves a request along the workflow. A step that is not allowed is refused (conflict) and changes nothing.
 * Closing records the outcome and mails the requester (with the satisfaction question); closed → in_progress reopens.
 */
export async function changeStatus(ctx: ServiceContext, id: string, toStatus: SupportStatus, note?: string, outcome?: SupportOutcome): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { request, actor, reach } = await lockForChange(ctx, tx, id, 'support_request.status_changed', false);
    const from = request.status;
    if (!canTransition(from, toStatus)) throw transitionRefused();
    // A partner can only close what was referred to it; any other step hands it back to the municipality.
    if (reach === 'partner' && toStatus !== 'closed') throw new AppError('conflict', 'support.error.partnerOnlyClose');
    if (toStatus === 'referred' && !request.partnerOrganisationId) throw new AppError('conflict', 'support.error.referNeedsPartner');
    if (toStatus === 'assigned' && !request.assigneeUserId) throw transitionRefused();
    const now = ctx.clock.now();
    const closing = toStatus === 'closed';
    const reopening = from === 'closed';
    const finalOutcome = closing ? (outcome ?? defaultOutcome()) : null;
    // Taking a referred request back (or reopening one) ends the referral: the partner no longer reaches it.
    const referralEnds = (from === 'referred' && !closing) || reopening;
    await q.updateRequest(tx, id, {
      status: toStatus,
      updatedAt: now,
      ...(referralEnds ? { partnerOrganisationId: null } : {}),
      ...(closing ? { outcome: finalOutcome, closedAt: now, firstRespondedAt: request.firstRespondedAt ?? now } : {}),
      ...(reopening ? { outcome: null, closedAt: null, satisfaction: null, ratedAt: null } : {}),
    });
    await q.insertEvent(tx, {
      requestId: id,
      at: now,
      kind: closing ? 'closed' : reopening ? 'reopened' : 'status_changed',
      actorUserId: actor.id,
      fromStatus: from,
      toStatus,
      body: note?.trim() ? note.trim() : null,
      partnerOrganisationId: reach === 'partner' ? request.partnerOrganisationId : null,
      details: finalOutcome ? { outcome: finalOutcome } : {},
    });
    await audit(ctx, tx, actor, 'support_request.status_changed', id, { from, to: toStatus, ...(finalOutcome ? { outcome: finalOutcome } : {}) });
    if (closing && finalOutcome !== 'withdrawn') {
      await ctx.mailer.queue(
        tx,
        supportMail('closed', requesterOf(request), { caseNumber: request.caseNumber, link: link(ctx, `/mijn/hulpvragen/${id}`), note: note?.trim() ?? '' }),
      );
    }
  });
}

/** Gives a request to another account manager (or coordinator) of its municipality, with a reason on the timeline. */
export async function assignRequest(ctx: ServiceContext, id: string, userId: string, reason: string): Promise<void> {
  if (!isUuid(userId)) throw new AppError('validation_failed', 'support.error.assigneeInvalid', { assignee: ['support.error.assigneeInvalid'] });
  await ctx.db.transaction(async (tx) => {
    const { request, actor } = await lockForChange(ctx, tx, id, 'support_request.assigned', true);
    if (request.status === 'closed') throw new AppError('conflict', 'support.error.closed');
    const candidates = await assigneeOptions(tx, request.municipalitySlug);
    if (!candidates.some((c) => c.id === userId)) throw new AppError('validation_failed', 'support.error.assigneeInvalid', { assignee: ['support.error.assigneeInvalid'] });
    // Taking over a request from its owner needs a reason; picking up an unassigned one ("new", parked with a
    // coordinator by routing) does not.
    if (request.status !== 'new' && request.assigneeUserId && request.assigneeUserId !== userId && !reason.trim()) {
      throw new AppError('validation_failed', 'support.error.reasonRequired', { reason: ['support.error.reasonRequired'] });
    }
    const now = ctx.clock.now();
    const toStatus: SupportStatus = request.status === 'new' ? 'assigned' : request.status;
    await q.updateRequest(tx, id, { assigneeUserId: userId, status: toStatus, updatedAt: now });
    await q.insertEvent(tx, {
      requestId: id,
      at: now,
      kind: 'assigned',
      actorUserId: actor.id,
      fromStatus: request.status,
      toStatus,
      body: reason.trim() || null,
      details: { assigneeUserId: userId, previousAssigneeUserId: request.assigneeUserId },
    });
    await audit(ctx, tx, actor, 'support_request.assigned', id, { assigneeUserId: userId, previousAssigneeUserId: request.assigneeUserId });
    const contact = userId !== actor.id ? await q.findUserContact(tx, userId) : null;
    if (contact) {
      await ctx.mailer.queue(tx, supportMail('assignedStaff', contact, { caseNumber: request.caseNumber, link: link(ctx, `/beheer/hulpvragen/${id}`) }));
    }
  });
}

/** Who can own a request of a municipality: its active account managers and the coordinators. */
export async function assigneeOptions(db: DbOrTx, municipalitySlug: string) {
  const managers = await q.usersWithRole(db, 'account_manager', municipalitySlug);
  const coordinators = await q.usersWithRole(db, 'coordinator', null);
  const seen = new Set<string>();
  return [...managers, ...coordinators].filter((u) => !seen.has(u.id) && !!seen.add(u.id));
}

/** Refers a request to a partner organisation with a note; the partner then sees this request (and only what is referred). */
export async function referRequest(ctx: ServiceContext, id: string, partnerOrganisationId: string, note: string): Promise<void> {
  const invalid = () => new AppError('validation_failed', 'support.error.partnerInvalid', { partner: ['support.error.partnerInvalid'] });
  if (!isUuid(partnerOrganisationId)) throw invalid();
  await ctx.db.transaction(async (tx) => {
    const { request, actor } = await lockForChange(ctx, tx, id, 'support_request.referred', true);
    if (!canTransition(request.status, 'referred')) throw transitionRefused();
    const partners = await q.listPartnerOrganisations(tx);
    const partner = partners.find((p) => p.id === partnerOrganisationId);
    if (!partner) throw invalid();
    const now = ctx.clock.now();
    await q.updateRequest(tx, id, { status: 'referred', partnerOrganisationId, updatedAt: now });
    await q.insertEvent(tx, {
      requestId: id,
      at: now,
      kind: 'referred',
      actorUserId: actor.id,
      fromStatus: request.status,
      toStatus: 'referred',
      body: note.trim() || null,
      partnerOrganisationId,
      details: { partnerOrganisationId },
    });
    await audit(ctx, tx, actor, 'support_request.referred', id, { partnerOrganisationId });
    for (const contact of await q.partnerContacts(tx, partnerOrganisationId)) {
      await ctx.mailer.queue(tx, supportMail('referredPartner', contact, { caseNumber: request.caseNumber, link: link(ctx, `/beheer/hulpvragen/${id}`) }));
    }
    await ctx.mailer.queue(tx, supportMail('referredRequester', requesterOf(request), { caseNumber: request.caseNumber, partner: partner.name, link: link(ctx, `/mijn/hulpvragen/${id}`) }));
  });
}

/** An internal note on the timeline (a partner's note is visible to the municipality and that partner). */
export async function addNote(ctx: ServiceContext, id: string, body: string): Promise<void> {
  const text = body.trim();
  if (!text) throw new AppError('validation_failed', 'support.error.noteRequired', { note: ['support.error.noteRequired'] });
  await ctx.db.transaction(async (tx) => {
    const { request, actor, reach } = await lockForChange(ctx, tx, id, 'support_request.note_added', false);
    const now = ctx.clock.now();
    await q.insertEvent(tx, { requestId: id, at: now, kind: 'note', actorUserId: actor.id, body: text, partnerOrganisationId: reach === 'partner' ? request.partnerOrganisationId : null });
    await q.updateRequest(tx, id, { updatedAt: now });
    await audit(ctx, tx, actor, 'support_request.note_added', id);
  });
}

/**
 * A message to the entrepreneur: mailed and shown in "Mijn hulpvragen". It counts as the first answer. A request that
 * nobody had picked up moves to in_progress; `waitForReply` moves it to waiting. A closed request gets no messages.
 */
export async function messageRequester(ctx: ServiceContext, id: string, body: string, waitForReply = false): Promise<void> {
  const text = body.trim();
  if (!text) throw new AppError('validation_failed', 'support.error.messageRequired', { message: ['support.error.messageRequired'] });
  await ctx.db.transaction(async (tx) => {
    const { request, actor, reach } = await lockForChange(ctx, tx, id, 'support_request.message_sent', false);
    if (request.status === 'closed') throw new AppError('conflict', 'support.error.closed');
    const now = ctx.clock.now();
    let status = request.status;
    if (status === 'new' || status === 'assigned') status = 'in_progress';
    // A partner's message keeps the request referred (waiting would hand it back to the municipality).
    if (waitForReply && reach === 'full' && canTransition(status, 'waiting')) status = 'waiting';
    await q.updateRequest(tx, id, { status, updatedAt: now, firstRespondedAt: request.firstRespondedAt ?? now });
    await q.insertEvent(tx, {
      requestId: id,
      at: now,
      kind: 'message_to_requester',
      actorUserId: actor.id,
      fromStatus: request.status,
      toStatus: status,
      body: text,
      partnerOrganisationId: reach === 'partner' ? request.partnerOrganisationId : null,
    });
    await audit(ctx, tx, actor, 'support_request.message_sent', id, status !== request.status ? { from: request.status, to: status } : {});
    await ctx.mailer.queue(tx, supportMail('message', requesterOf(request), { caseNumber: request.caseNumber, sender: actor.name, message: text, link: link(ctx, `/mijn/hulpvragen/${id}`) }));
  });
}

/** A stored attachment for a staff member in scope (the download is audited like a read). */
export async function attachmentForStaff(ctx: ServiceContext, id: string, attachmentId: string) {
  const { request } = await requireRequestInScope(ctx, id, 'support_request.attachment_read', true);
  const file = isUuid(attachmentId) ? await q.findAttachment(ctx.db, request.id, attachmentId) : null;
  if (!file) throw new AppError('not_found', 'common.error.notFoundText');
  return file;
}

/** Visitors' requests with the user's verified email become theirs (they then see them in "Mijn hulpvragen"). */
export async function attachVisitorRequests(ctx: ServiceContext, user: CurrentUser): Promise<number> {
  if (!user.emailVerified) return 0;
  const exists = await ctx.db
    .select({ id: supportRequests.id })
    .from(supportRequests)
    .where(and(isNull(supportRequests.requesterUserId), eq(supportRequests.requesterEmail, user.email.toLowerCase()), q.notUnconfirmed()))
    .limit(1);
  if (exists.length === 0) return 0;
  return q.attachRequestsByEmail(ctx.db, user.id, user.email.toLowerCase());
}

/** What the staff detail page offers: people to assign to and partners to refer to (only with municipality scope). */
export async function actionOptionsFor(ctx: ServiceContext, detail: StaffRequestDetail) {
  if (detail.reach !== 'full') return { assignees: [], partners: [] };
  const [assignees, partners] = await Promise.all([assigneeOptions(ctx.db, detail.request.municipalitySlug), q.listPartnerOrganisations(ctx.db)]);
  return { assignees, partners };
}
