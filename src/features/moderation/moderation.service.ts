import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { pageOf } from '../../lib/paging.ts';
import type { CurrentUser, ServiceContext } from '../../web/types.ts';
import { requireActorWithRole } from '../accounts/permissions.ts';
import { recordAudit } from '../audit/audit.service.ts';
// Moderation is the coordinator's half of profile management: it shares the profile queries rather than copying them.
import * as pq from '../profiles/profiles.queries.ts';
import { isUuid, notFound } from '../profiles/profiles.service.ts';
import { CONSENT_TEXT_VERSION } from '../profiles/profiles.validation.ts';
import { countEventsInReview } from '../agenda/agenda.moderation.ts';
import { decisionMail, type MailKind } from './moderation.mails.ts';
import * as q from './moderation.queries.ts';

export const PAGE_SIZE = 20;

const requireCoordinator = (ctx: ServiceContext): CurrentUser => requireActorWithRole(ctx.actor, 'coordinator');

const notInReview = () => new AppError('conflict', 'moderation.error.notInReview');

/** How many items wait in each list, for the moderation sub-navigation. */
export async function moderationCounts(ctx: ServiceContext) {
  requireCoordinator(ctx);
  const [review, claims, changes, events] = await Promise.all([q.countInReview(ctx.db), q.countPendingClaims(ctx.db), q.countRecentlyChanged(ctx.db), countEventsInReview(ctx)]);
  return { review, claims, changes, events };
}

/** One page of a moderation list; the total decides which pages exist. */
async function listPage<T>(
  ctx: ServiceContext,
  page: number,
  countAll: (db: DbOrTx) => Promise<number>,
  list: (db: DbOrTx, limit: number, offset: number) => Promise<T[]>,
) {
  requireCoordinator(ctx);
  const p = pageOf(page, await countAll(ctx.db), PAGE_SIZE);
  return { ...p, items: await list(ctx.db, PAGE_SIZE, p.offset) };
}

/** Profiles in review, oldest submission first, one page. */
export const reviewQueue = (ctx: ServiceContext, page: number) => listPage(ctx, page, q.countInReview, q.listInReview);

/** Pending claims, oldest first, one page. */
export const claimQueue = (ctx: ServiceContext, page: number) => listPage(ctx, page, q.countPendingClaims, q.listPendingClaims);

/** Published profiles edited since the coordinator last looked, newest edit first, one page. */
export const recentChanges = (ctx: ServiceContext, page: number) => listPage(ctx, page, q.countRecentlyChanged, q.listRecentlyChanged);

/** Everything the entrepreneur entered plus consent, members and what changed since the last review. */
export async function getOrganisationForReview(ctx: ServiceContext, id: string) {
  requireCoordinator(ctx);
  if (!isUuid(id)) throw notFound();
  const organisation = await pq.findOrganisationById(ctx.db, id);
  if (!organisation) throw notFound();
  const [certifications, consent, members, changedFields] = await Promise.all([
    pq.listCertifications(ctx.db, id),
    pq.findCurrentConsent(ctx.db, id, CONSENT_TEXT_VERSION),
    pq.listMembers(ctx.db, id),
    organisation.status === 'published' ? q.changedFieldsSince(ctx.db, id, organisation.reviewedAt ?? organisation.publishedAt) : Promise.resolve([]),
  ]);
  return { organisation, certifications, consent, members, changedFields };
}

async function mailOwners(ctx: ServiceContext, tx: DbOrTx, organisationId: string, kind: MailKind, vars: Record<string, string>) {
  for (const owner of await pq.listOwnerContacts(tx, organisationId)) {
    await ctx.mailer.queue(tx, decisionMail(kind, owner, vars));
  }
}

const link = (ctx: ServiceContext, path: string) => `${ctx.config.publicUrl}${path}`;

/** A coordinator's decision on one organisation: a status change that only applies from certain statuses. */
type Decision = {
  from: pq.OrganisationRow['status'][];
  /** The error when the organisation is no longer in one of the `from` statuses (a double click, two coordinators). */
  conflict: () => AppError;
  set: (now: Date) => Partial<pq.OrganisationValues>;
  audit: { action: string; details?: Record<string, unknown> };
  /** Checks with the row locked, before the change; may throw. */
  check?: (tx: DbOrTx, org: pq.OrganisationRow) => Promise<void>;
  /** Work after the change in the same transaction (the mails). */
  afterwards?: (tx: DbOrTx, org: pq.OrganisationRow) => Promise<void>;
};

/** Locks the organisation, applies the decision only from its `from` statuses, and audits it, in one transaction. */
async function decideOnOrganisation(ctx: ServiceContext, id: string, d: Decision): Promise<void> {
  const actor = requireCoordinator(ctx);
  if (!isUuid(id)) throw notFound();
  await ctx.db.transaction(async (tx) => {
    const org = await pq.lockOrganisation(tx, id);
    if (!org) throw notFound();
    await d.check?.(tx, org);
    const changed = await pq.updateOrganisationIfStatus(tx, id, d.from, d.set(ctx.clock.now()));
    if (changed !== 1) throw d.conflict();
    await recordAudit(tx, ctx.clock, { actorUserId: actor.id, action: d.audit.action, subjectType: 'organisation', subjectId: id, details: d.audit.details, requestId: ctx.requestId });
    await d.afterwards?.(tx, org);
  });
}

const notPublished = () => new AppError('conflict', 'moderation.error.notPublished');

/** Publishes a profile that is in review; a second decision on it gets a conflict, never a second publication. */
export async function approveOrganisation(ctx: ServiceContext, id: string): Promise<void> {
  await decideOnOrganisation(ctx, id, {
    from: ['in_review'],
    conflict: notInReview,
    check: async (tx, org) => {
      if (org.status !== 'in_review') throw notInReview();
      // Consent is checked again at the moment of publication: it may have been withdrawn since submission.
      if (!(await pq.findCurrentConsent(tx, id, CONSENT_TEXT_VERSION))) throw new AppError('conflict', 'moderation.error.noConsent');
    },
    set: (now) => ({ status: 'published', publishedAt: now, reviewedAt: now, rejectionReason: null }),
    audit: { action: 'organisation.approved', details: { from: 'in_review', to: 'published' } },
    afterwards: (tx, org) =>
      mailOwners(ctx, tx, id, 'approved', { organisation: org.name, link: link(ctx, `/ondernemers/${org.slug}`), mineLink: link(ctx, `/mijn/organisaties/${id}`) }),
  });
}

/** Rejects a profile in review with a reason the owners see on /mijn/organisaties and in their mail. */
export async function rejectOrganisation(ctx: ServiceContext, id: string, reason: string): Promise<void> {
  await decideOnOrganisation(ctx, id, {
    from: ['in_review'],
    conflict: notInReview,
    set: (now) => ({ status: 'rejected', rejectionReason: reason, reviewedAt: now }),
    audit: { action: 'organisation.rejected', details: { from: 'in_review', to: 'rejected' } },
    afterwards: (tx, org) => mailOwners(ctx, tx, id, 'rejected', { organisation: org.name, reason, link: link(ctx, `/mijn/organisaties/${id}`) }),
  });
}

/** Takes a published profile offline with a reason (e.g. after an unacceptable edit); the owners can fix and resubmit. */
export async function takeOffline(ctx: ServiceContext, id: string, reason: string): Promise<void> {
  await decideOnOrganisation(ctx, id, {
    from: ['published'],
    conflict: notPublished,
    set: (now) => ({ status: 'rejected', rejectionReason: reason, publishedAt: null, reviewedAt: now }),
    audit: { action: 'organisation.taken_offline', details: { from: 'published', to: 'rejected' } },
    afterwards: (tx, org) => mailOwners(ctx, tx, id, 'offline', { organisation: org.name, reason, link: link(ctx, `/mijn/organisaties/${id}`) }),
  });
}

/** Marks the edits of a published profile as seen, so it leaves the recent-changes list. */
export async function markChangesSeen(ctx: ServiceContext, id: string): Promise<void> {
  await decideOnOrganisation(ctx, id, {
    from: ['published'],
    conflict: notPublished,
    set: (now) => ({ reviewedAt: now }),
    audit: { action: 'organisation.changes_seen' },
  });
}

/** Sets which of the organisation's certifications the coordinator has verified; keeps certification_codes in sync. */
export async function setVerifiedCertifications(ctx: ServiceContext, id: string, verifiedCodes: string[]): Promise<{ verified: string[]; unverified: string[] }> {
  const actor = requireCoordinator(ctx);
  if (!isUuid(id)) throw notFound();
  return ctx.db.transaction(async (tx) => {
    if (!(await pq.lockOrganisation(tx, id))) throw notFound();
    const now = ctx.clock.now();
    const result = { verified: [] as string[], unverified: [] as string[] };
    for (const cert of await pq.listCertifications(tx, id)) {
      const wanted = verifiedCodes.includes(cert.code);
      if (wanted && !cert.verified) {
        await pq.setCertificationVerified(tx, id, cert.code, { by: actor.id, at: now });
        result.verified.push(cert.code);
      } else if (!wanted && cert.verified) {
        await pq.setCertificationVerified(tx, id, cert.code, null);
        result.unverified.push(cert.code);
      }
    }
    await pq.syncCertificationCodes(tx, id);
    if (result.verified.length || result.unverified.length) {
      await recordAudit(tx, ctx.clock, {
        actorUserId: actor.id,
        action: 'organisation.certifications_verified',
        subjectType: 'organisation',
        subjectId: id,
        details: result,
        requestId: ctx.requestId,
      });
    }
    return result;
  });
}

/** One claim with its organisation and claimant, for the decision page. */
export async function getClaim(ctx: ServiceContext, id: string) {
  requireCoordinator(ctx);
  if (!isUuid(id)) throw notFound();
  const claim = await q.findClaimDetails(ctx.db, id);
  if (!claim) throw notFound();
  return claim;
}

/** Approves a pending claim: the claimant becomes a member (owner when the organisation has none). */
export async function approveClaim(ctx: ServiceContext, id: string): Promise<void> {
  const actor = requireCoordinator(ctx);
  if (!isUuid(id)) throw notFound();
  await ctx.db.transaction(async (tx) => {
    const claim = await q.lockClaim(tx, id);
    if (!claim) throw notFound();
    const org = await pq.lockOrganisation(tx, claim.organisationId);
    if (!org) throw notFound();
    const now = ctx.clock.now();
    if ((await q.decideClaimIfPending(tx, id, { status: 'approved', decidedBy: actor.id, decidedAt: now, decisionReason: null })) !== 1) {
      throw new AppError('conflict', 'moderation.error.claimDecided');
    }
    const owners = await pq.listOwnerContacts(tx, org.id);
    // Someone must be able to manage the organisation: without owners the claimant becomes one.
    const role = owners.length ? 'member' : 'owner';
    await pq.insertMembership(tx, { userId: claim.userId, organisationId: org.id, role, createdAt: now });
    await recordAudit(tx, ctx.clock, {
      actorUserId: actor.id,
      action: 'claim.approved',
      subjectType: 'organisation_claim',
      subjectId: id,
      details: { organisationId: org.id, membershipRole: role },
      requestId: ctx.requestId,
    });
    const claimant = await pq.findUserContact(tx, claim.userId);
    const vars = { organisation: org.name, kvk: org.kvkNumber ?? '', claimant: claimant?.name ?? '', link: link(ctx, `/mijn/organisaties/${org.id}`) };
    if (claimant) await ctx.mailer.queue(tx, decisionMail('claimApprovedClaimant', claimant, vars));
    for (const owner of owners) await ctx.mailer.queue(tx, decisionMail('claimApprovedOwner', owner, vars));
  });
}

/** Rejects a pending claim with a reason the claimant sees. */
export async function rejectClaim(ctx: ServiceContext, id: string, reason: string): Promise<void> {
  const actor = requireCoordinator(ctx);
  if (!isUuid(id)) throw notFound();
  await ctx.db.transaction(async (tx) => {
    const claim = await q.lockClaim(tx, id);
    if (!claim) throw notFound();
    const org = await pq.findOrganisationById(tx, claim.organisationId);
    if (!org) throw notFound();
    if ((await q.decideClaimIfPending(tx, id, { status: 'rejected', decidedBy: actor.id, decidedAt: ctx.clock.now(), decisionReason: reason })) !== 1) {
      throw new AppError('conflict', 'moderation.error.claimDecided');
    }
    await recordAudit(tx, ctx.clock, {
      actorUserId: actor.id,
      action: 'claim.rejected',
      subjectType: 'organisation_claim',
      subjectId: id,
      details: { organisationId: org.id },
      requestId: ctx.requestId,
    });
    const claimant = await pq.findUserContact(tx, claim.userId);
    const vars = { organisation: org.name, kvk: org.kvkNumber ?? '', claimant: claimant?.name ?? '', reason, link: link(ctx, '/mijn/organisaties') };
    if (claimant) await ctx.mailer.queue(tx, decisionMail('claimRejectedClaimant', claimant, vars));
    await mailOwners(ctx, tx, org.id, 'claimRejectedOwner', vars);
  });
}
