import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { slugify } from '../../lib/ids.ts';
import type { ServiceContext } from '../../web/types.ts';
import { hasRole, requireActor } from '../accounts/permissions.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as q from './profiles.queries.ts';
import { CONSENT_TEXT_VERSION, missingForReview, type ProfileInput } from './profiles.validation.ts';

/**
 * Profile management by the organisation's own people: create (one organisation per KvK number), edit, consent,
 * submit for review, and claims on an organisation that already exists. Moderation decisions live in
 * features/moderation.
 *
 * Editing a published profile keeps it published: the coordinator approved the organisation and the owner gave
 * consent, and taking a profile offline for every fixed typo would punish keeping it up to date. The coordinator
 * sees such edits in the "recent changes" list (updated_at later than reviewed_at) and can take a profile offline.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);

export const notFound = () => new AppError('not_found', 'common.error.notFoundText');

/** The code of the unique index a PostgreSQL error violated, or null (drizzle wraps the driver error in `cause`). */
export function uniqueViolation(e: unknown): string | null {
  for (let err = e as { code?: string; constraint?: string; cause?: unknown } | undefined, depth = 0; err && depth < 3; depth++) {
    if (err.code === '23505') return err.constraint ?? '';
    err = err.cause as typeof err;
  }
  return null;
}

/** The member's role, or not_found for anyone else: outsiders learn nothing, not even that the id exists. */
export async function requireMembership(ctx: ServiceContext, db: DbOrTx, id: string) {
  const actor = requireActor(ctx.actor);
  if (!isUuid(id)) throw notFound();
  const role = await q.findMembershipRole(db, actor.id, id);
  if (!role) throw notFound();
  return { actor, role };
}

/** Inside a transaction: the membership check, then the organisation's row locked for the rest of it. */
export async function lockAsMember(ctx: ServiceContext, tx: DbOrTx, id: string) {
  const { actor, role } = await requireMembership(ctx, tx, id);
  const org = await q.lockOrganisation(tx, id);
  if (!org) throw notFound();
  return { actor, role, org };
}

/** Form field name -> organisations column; also the list of fields whose changes are recorded. */
export const FIELD_COLUMNS = {
  name: 'name',
  kvkNumber: 'kvkNumber',
  legalForm: 'legalForm',
  municipality: 'municipalitySlug',
  streetAddress: 'streetAddress',
  postcode: 'postcode',
  city: 'city',
  lat: 'lat',
  lng: 'lng',
  website: 'website',
  email: 'email',
  phone: 'phone',
  pitch: 'pitch',
  description: 'description',
  impactProblem: 'impactProblem',
  impactTargetGroup: 'impactTargetGroup',
  impactMeasurement: 'impactMeasurement',
  themes: 'themeSlugs',
  sdgs: 'sdgs',
  foundedYear: 'foundedYear',
  employees: 'employees',
  employeesDistance: 'employeesDistanceToLabourMarket',
  offer: 'offer',
  needs: 'needs',
} as const satisfies Record<string, keyof q.OrganisationValues>;

function columnsFrom(input: ProfileInput) {
  return {
    name: input.name,
    kvkNumber: input.kvkNumber,
    legalForm: input.legalForm,
    municipalitySlug: input.municipality,
    streetAddress: input.streetAddress ?? null,
    postcode: input.postcode ?? null,
    city: input.city ?? null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    website: input.website ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    pitch: input.pitch,
    description: input.description,
    impactProblem: input.impactProblem,
    impactTargetGroup: input.impactTargetGroup,
    impactMeasurement: input.impactMeasurement,
    themeSlugs: input.themes,
    sdgs: input.sdgs,
    foundedYear: input.foundedYear ?? null,
    employees: input.employees ?? null,
    employeesDistanceToLabourMarket: input.employeesDistance ?? null,
    offer: input.offer,
    needs: input.needs,
  } satisfies Partial<q.OrganisationValues>;
}

const certificationsFrom = (input: ProfileInput) =>
  input.certifications.map((code) => ({ code, otherName: code === 'anders' ? (input.certificationOther ?? null) : null }));

/** What the claim offer may say about an existing organisation: its name only when it is public anyway. */
export type KvkTaken = { kvkNumber: string; publicName: string | null };
const kvkTaken = (kvkNumber: string, existing: { name: string; status: string } | null): KvkTaken => ({
  kvkNumber,
  publicName: existing?.status === 'published' ? existing.name : null,
});

async function nextFreeSlug(db: DbOrTx, base: string): Promise<string> {
  const taken = new Set(await q.findSlugsLike(db, base));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export type CreateResult = { ok: true; organisation: q.OrganisationRow } | { ok: false; kvkTaken: KvkTaken };

/** Creates a draft organisation with the actor as owner, unless its KvK number is already registered. */
export async function createOrganisation(ctx: ServiceContext, input: ProfileInput): Promise<CreateResult> {
  const actor = requireActor(ctx.actor);
  if (!hasRole(actor, 'entrepreneur')) throw new AppError('forbidden', 'profiles.error.entrepreneurOnly');
  const existing = await q.findOrganisationByKvk(ctx.db, input.kvkNumber);
  if (existing) return { ok: false, kvkTaken: kvkTaken(input.kvkNumber, existing) };
  // Two people may register the same KvK number or name at the same moment: the unique indexes decide.
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const organisation = await ctx.db.transaction(async (tx) => {
        const now = ctx.clock.now();
        const slug = await nextFreeSlug(tx, slugify(input.name));
        const org = await q.insertOrganisation(tx, { ...columnsFrom(input), slug, status: 'draft', createdAt: now, updatedAt: now });
        await q.replaceCertifications(tx, org.id, certificationsFrom(input));
        await q.insertMembership(tx, { userId: actor.id, organisationId: org.id, role: 'owner', createdAt: now });
        await recordAudit(tx, ctx.clock, { actorUserId: actor.id, action: 'organisation.created', subjectType: 'organisation', subjectId: org.id, requestId: ctx.requestId });
        return org;
      });
      return { ok: true, organisation };
    } catch (e) {
      const violated = uniqueViolation(e);
      if (violated === 'organisations_kvk_unique') {
        return { ok: false, kvkTaken: kvkTaken(input.kvkNumber, await q.findOrganisationByKvk(ctx.db, input.kvkNumber)) };
      }
      if (violated === 'organisations_slug_unique') continue;
      throw e;
    }
  }
  throw new AppError('conflict', 'profiles.error.tryAgain');
}

export type UpdateResult = { ok: true; changedFields: string[] } | { ok: false; kvkTaken: KvkTaken };

/** Saves the member's edits; the status stays as it is (see the note at the top of this file). */
export async function updateOrganisation(ctx: ServiceContext, id: string, input: ProfileInput): Promise<UpdateResult> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const { actor, org: current } = await lockAsMember(ctx, tx, id);
      if (current.kvkNumber !== input.kvkNumber) {
        const other = await q.findOrganisationByKvk(tx, input.kvkNumber);
        if (other && other.id !== id) return { ok: false as const, kvkTaken: kvkTaken(input.kvkNumber, other) };
      }
      const next = columnsFrom(input);
      const changedFields = Object.entries(FIELD_COLUMNS)
        .filter(([, column]) => JSON.stringify(current[column] ?? null) !== JSON.stringify(next[column] ?? null))
        .map(([field]) => field);
      const certsBefore = JSON.stringify((await q.listCertifications(tx, id)).map((c) => [c.code, c.otherName ?? null]));
      const certsNext = certificationsFrom(input).sort((a, b) => a.code.localeCompare(b.code));
      if (certsBefore !== JSON.stringify(certsNext.map((c) => [c.code, c.otherName]))) changedFields.push('certifications');
      if (changedFields.length === 0) return { ok: true as const, changedFields };
      await q.updateOrganisation(tx, id, { ...next, updatedAt: ctx.clock.now() });
      await q.replaceCertifications(tx, id, certsNext);
      await recordAudit(tx, ctx.clock, {
        actorUserId: actor.id,
        action: 'organisation.updated',
        subjectType: 'organisation',
        subjectId: id,
        details: { status: current.status, fields: changedFields },
        requestId: ctx.requestId,
      });
      return { ok: true as const, changedFields };
    });
  } catch (e) {
    if (uniqueViolation(e) === 'organisations_kvk_unique') {
      return { ok: false, kvkTaken: kvkTaken(input.kvkNumber, await q.findOrganisationByKvk(ctx.db, input.kvkNumber)) };
    }
    throw e;
  }
}

/** The actor's organisations and claims, for /mijn/organisaties. */
export async function listMyOrganisations(ctx: ServiceContext) {
  const actor = requireActor(ctx.actor);
  const [organisations, claims] = await Promise.all([q.listOrganisationsOfUser(ctx.db, actor.id), q.listClaimsOfUser(ctx.db, actor.id)]);
  return {
    organisations,
    // A claimant whose claim is not approved only learns the organisation's name when it is published anyway.
    claims: claims.map((c) => ({ ...c, organisationName: c.status === 'approved' || c.organisationStatus === 'published' ? c.organisationName : null })),
  };
}

/** Everything a member sees on the organisation's own page: profile, certifications, consent, what review still needs. */
export async function getOwnOrganisation(ctx: ServiceContext, id: string) {
  const { role } = await requireMembership(ctx, ctx.db, id);
  const organisation = await q.findOrganisationById(ctx.db, id);
  if (!organisation) throw notFound();
  const [certifications, consent] = await Promise.all([q.listCertifications(ctx.db, id), q.findCurrentConsent(ctx.db, id, CONSENT_TEXT_VERSION)]);
  return { organisation, certifications, consent, role, missing: missingForReview(organisation) };
}

/** Records the actor's consent to publish with the current text version and the service clock's time; idempotent. */
export async function giveConsent(ctx: ServiceContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    const { actor } = await lockAsMember(ctx, tx, id);
    const existing = await q.findCurrentConsent(tx, id, CONSENT_TEXT_VERSION);
    if (existing) return existing;
    const consent = await q.insertConsent(tx, { organisationId: id, userId: actor.id, textVersion: CONSENT_TEXT_VERSION, givenAt: ctx.clock.now() });
    await recordAudit(tx, ctx.clock, {
      actorUserId: actor.id,
      action: 'organisation.consent_given',
      subjectType: 'organisation',
      subjectId: id,
      details: { textVersion: CONSENT_TEXT_VERSION },
      requestId: ctx.requestId,
    });
    return consent;
  });
}

/** Withdraws consent and, in the same transaction, takes the profile offline (back to draft). */
export async function withdrawConsent(ctx: ServiceContext, id: string): Promise<{ withdrawn: number; unpublished: boolean }> {
  return ctx.db.transaction(async (tx) => {
    const { actor, org } = await lockAsMember(ctx, tx, id);
    const now = ctx.clock.now();
    const withdrawn = await q.withdrawConsents(tx, id, now);
    // Without consent nothing may be public or waiting to become public.
    const unpublished = (await q.updateOrganisationIfStatus(tx, id, ['published', 'in_review'], { status: 'draft', publishedAt: null, submittedAt: null, updatedAt: now })) > 0;
    if (withdrawn > 0 || unpublished) {
      await recordAudit(tx, ctx.clock, {
        actorUserId: actor.id,
        action: 'organisation.consent_withdrawn',
        subjectType: 'organisation',
        subjectId: id,
        details: { from: org.status, to: unpublished ? 'draft' : org.status },
        requestId: ctx.requestId,
      });
    }
    return { withdrawn, unpublished };
  });
}

export type SubmitResult = { ok: true } | { ok: false; needsConsent: boolean; missing: string[] };

/** Sends a draft or rejected profile to the coordinator; needs a current consent and the fields review needs. */
export async function submitForReview(ctx: ServiceContext, id: string): Promise<SubmitResult> {
  return ctx.db.transaction(async (tx) => {
    const { actor, org } = await lockAsMember(ctx, tx, id);
    if (org.status === 'in_review') throw new AppError('conflict', 'profiles.submit.alreadyInReview');
    if (org.status === 'published') throw new AppError('conflict', 'profiles.submit.alreadyPublished');
    if (org.status === 'archived') throw new AppError('conflict', 'profiles.submit.archived');
    const consent = await q.findCurrentConsent(tx, id, CONSENT_TEXT_VERSION);
    const missing = missingForReview(org);
    if (!consent || missing.length) return { ok: false as const, needsConsent: !consent, missing };
    const now = ctx.clock.now();
    await q.updateOrganisation(tx, id, { status: 'in_review', submittedAt: now, rejectionReason: null });
    await recordAudit(tx, ctx.clock, {
      actorUserId: actor.id,
      action: 'organisation.submitted',
      subjectType: 'organisation',
      subjectId: id,
      details: { from: org.status, to: 'in_review' },
      requestId: ctx.requestId,
    });
    return { ok: true as const };
  });
}

export type ClaimResult = 'created' | 'already_member' | 'already_pending' | 'unknown_kvk';

/** Asks the coordinator to make the actor a member of the organisation registered under this KvK number. */
export async function requestClaim(ctx: ServiceContext, input: { kvkNumber: string; message: string }): Promise<ClaimResult> {
  const actor = requireActor(ctx.actor);
  if (!hasRole(actor, 'entrepreneur')) throw new AppError('forbidden', 'profiles.error.entrepreneurOnly');
  const org = await q.findOrganisationByKvk(ctx.db, input.kvkNumber);
  if (!org) return 'unknown_kvk';
  return ctx.db.transaction(async (tx) => {
    // The row lock serialises claims on one organisation, so a double click makes one claim.
    await q.lockOrganisation(tx, org.id);
    if (await q.findMembershipRole(tx, actor.id, org.id)) return 'already_member' as const;
    if (await q.findPendingClaim(tx, org.id, actor.id)) return 'already_pending' as const;
    const claim = await q.insertClaim(tx, { organisationId: org.id, userId: actor.id, message: input.message, status: 'pending', createdAt: ctx.clock.now() });
    await recordAudit(tx, ctx.clock, {
      actorUserId: actor.id,
      action: 'claim.requested',
      subjectType: 'organisation_claim',
      subjectId: claim.id,
      details: { organisationId: org.id },
      requestId: ctx.requestId,
    });
    return 'created' as const;
  });
}
