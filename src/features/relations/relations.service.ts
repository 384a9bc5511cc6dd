import { AppError } from '../../lib/errors.ts';
import { pageOf } from '../../lib/paging.ts';
import type { CurrentUser, ServiceContext } from '../../web/types.ts';
import { hasRole, municipalitiesInScope, requireActor } from '../accounts/permissions.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { registrationsOfOrganisation } from '../registrations/registrations.by-organisation.ts';
import { requestsOfOrganisation } from '../support/support.service.ts';
import * as q from './relations.queries.ts';
import type { ContactMomentInput, OrganisationListFilters } from './relations.validation.ts';

/**
 * The relationship view: what the municipality knows of one organisation (its support requests, events its people
 * attended, contact moments), like a small CRM. Account managers see the organisations of their own municipalities,
 * the coordinator all of them. Every read is audited; an attempt outside the scope is audited and refused (403)
 * without any data.
 */
export const RELATIONS_ROLES = ['coordinator', 'account_manager'] as const;
export const LIST_PAGE_SIZE = 25;

function relationsActor(ctx: ServiceContext): { actor: CurrentUser; municipalities: 'all' | string[] } {
  const actor = requireActor(ctx.actor);
  if (!hasRole(actor, ...RELATIONS_ROLES)) throw new AppError('forbidden', 'common.error.forbiddenText');
  // municipalitiesInScope gives 'all' to coordinators (and admins, who do not pass the check above on their own).
  return { actor, municipalities: municipalitiesInScope(actor, 'account_manager') };
}

const inScope = (municipalities: 'all' | string[], slug: string) => municipalities === 'all' || municipalities.includes(slug);

/** The organisation for the actor, or not_found / (audited) forbidden. */
async function organisationInScope(ctx: ServiceContext, slug: string, attempted: string) {
  const { actor, municipalities } = relationsActor(ctx);
  const organisation = /^[a-z0-9-]{1,100}$/.test(slug) ? await q.findOrganisationBySlug(ctx.db, slug) : null;
  if (!organisation) throw new AppError('not_found', 'common.error.notFoundText');
  if (!inScope(municipalities, organisation.municipalitySlug)) {
    await recordAudit(ctx.db, ctx.clock, {
      actorUserId: actor.id,
      action: 'organisation.relations_denied',
      subjectType: 'organisation',
      subjectId: organisation.id,
      details: { attempted, municipality: organisation.municipalitySlug },
      requestId: ctx.requestId,
    });
    throw new AppError('forbidden', 'relations.error.outOfScope');
  }
  return { actor, organisation };
}

/** The municipalities the actor may filter the list on (all of the region for the coordinator). */
export function listableMunicipalities(ctx: ServiceContext): 'all' | string[] {
  return relationsActor(ctx).municipalities;
}

/** /beheer/organisaties: organisations in the actor's municipalities, searched by name or KvK number. */
export async function listOrganisationsForStaff(ctx: ServiceContext, filters: OrganisationListFilters) {
  const { actor, municipalities } = relationsActor(ctx);
  if (filters.gemeente && !inScope(municipalities, filters.gemeente)) {
    await recordAudit(ctx.db, ctx.clock, {
      actorUserId: actor.id,
      action: 'organisation.relations_denied',
      subjectType: 'municipality',
      subjectId: filters.gemeente,
      details: { attempted: 'organisation.list' },
      requestId: ctx.requestId,
    });
    throw new AppError('forbidden', 'relations.error.outOfScope');
  }
  const filter = { municipalities: filters.gemeente ? [filters.gemeente] : municipalities === 'all' ? null : municipalities, q: filters.q };
  const p = pageOf(filters.pagina, await q.countOrganisationsInScope(ctx.db, filter), LIST_PAGE_SIZE);
  const items = await q.organisationsInScope(ctx.db, filter, LIST_PAGE_SIZE, p.offset);
  return { ...p, items };
}

/** Everything the relationship view shows; the read is written to the audit log. */
export async function getRelationshipView(ctx: ServiceContext, slug: string) {
  const { actor, organisation } = await organisationInScope(ctx, slug, 'organisation.relations_read');
  await recordAudit(ctx.db, ctx.clock, {
    actorUserId: actor.id,
    action: 'organisation.relations_read',
    subjectType: 'organisation',
    subjectId: organisation.id,
    requestId: ctx.requestId,
  });
  const [requests, registrations, contactMoments] = await Promise.all([
    requestsOfOrganisation(ctx, organisation.id),
    registrationsOfOrganisation(ctx.db, organisation.id),
    q.contactMomentsOf(ctx.db, organisation.id),
  ]);
  return { organisation, requests, registrations, contactMoments };
}

export type RelationshipView = Awaited<ReturnType<typeof getRelationshipView>>;

/** Logs a contact moment with the organisation (author: the actor). */
export async function logContactMoment(ctx: ServiceContext, slug: string, input: ContactMomentInput): Promise<void> {
  const { actor, organisation } = await organisationInScope(ctx, slug, 'contact_moment.created');
  await ctx.db.transaction(async (tx) => {
    const id = await q.insertContactMoment(tx, {
      organisationId: organisation.id,
      authorUserId: actor.id,
      kind: input.kind,
      happenedOn: input.happenedOn,
      note: input.note,
      createdAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx.clock, {
      actorUserId: actor.id,
      action: 'contact_moment.created',
      subjectType: 'organisation',
      subjectId: organisation.id,
      details: { contactMomentId: id, kind: input.kind },
      requestId: ctx.requestId,
    });
  });
}

/** Only checks access (for re-showing the form after an error, which reads the view again). */
export async function requireOrganisationInScope(ctx: ServiceContext, slug: string, attempted: string) {
  return (await organisationInScope(ctx, slug, attempted)).organisation;
}
