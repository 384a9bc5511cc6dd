import { AppError } from '../../lib/errors.ts';
import type { ServiceContext } from '../../web/types.ts';
import { hasRole, municipalitiesInScope, requireActor } from '../accounts/permissions.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as q from './support.queries.ts';

/** Which requests a staff member may see: every one, those of some municipalities, and/or those referred to a partner. */
export type StaffScope = { all: boolean; municipalities: string[]; partnerOrganisationIds: string[] };

export const SUPPORT_STAFF_ROLES = ['coordinator', 'admin', 'account_manager', 'partner'] as const;

/** The actor's support scope; forbidden for anyone without a support role. Partner organisations come from the DB. */
export async function staffScopeOf(ctx: ServiceContext): Promise<StaffScope> {
  const actor = requireActor(ctx.actor);
  if (!hasRole(actor, ...SUPPORT_STAFF_ROLES)) throw new AppError('forbidden', 'common.error.forbiddenText');
  if (hasRole(actor, 'coordinator', 'admin')) return { all: true, municipalities: [], partnerOrganisationIds: [] };
  const municipalities = municipalitiesInScope(actor, 'account_manager');
  const partnerOrganisationIds = hasRole(actor, 'partner') ? await q.partnerOrganisationIdsOf(ctx.db, actor.id) : [];
  return { all: false, municipalities: municipalities === 'all' ? [] : municipalities, partnerOrganisationIds };
}

/**
 * Statuses in which the partner organisation on a request (partnerOrganisationId) reaches it: `referred` (it has the
 * request and may act on it) and `closed` (read-only: closed while it was referred, because the municipality clears
 * partnerOrganisationId when it takes a referred request back or reopens it). See decision 0008.
 */
export const PARTNER_REACH_STATUSES = ['referred', 'closed'] as const;

/** Whether the scope reaches the request, and whether only as a partner (then internal notes stay hidden). */
export function reachOf(scope: StaffScope, request: { municipalitySlug: string; partnerOrganisationId: string | null; status: string }): 'full' | 'partner' | null {
  if (request.status === 'unconfirmed' && !scope.all) return null;
  if (scope.all || scope.municipalities.includes(request.municipalitySlug)) return 'full';
  if (
    request.partnerOrganisationId &&
    scope.partnerOrganisationIds.includes(request.partnerOrganisationId) &&
    (PARTNER_REACH_STATUSES as readonly string[]).includes(request.status)
  ) {
    return 'partner';
  }
  return null;
}

/** A partner may act (message, note, close) only while the request is referred to it; a closed one it only reads. */
export const partnerMayAct = (request: { status: string }): boolean => request.status === 'referred';

/**
 * Loads a request for a staff member: out of scope → an audit entry and forbidden (no data); unknown → not found.
 * `audit` writes the read itself (every staff read of a request is logged).
 */
export async function requireRequestInScope(ctx: ServiceContext, id: string, action: string, audit: boolean) {
  const scope = await staffScopeOf(ctx);
  const actor = ctx.actor!;
  const request = isUuid(id) ? await q.findRequest(ctx.db, id) : null;
  if (!request || (request.status === 'unconfirmed' && !scope.all)) throw new AppError('not_found', 'common.error.notFoundText');
  const reach = reachOf(scope, request);
  if (!reach) {
    await recordAudit(ctx.db, ctx.clock, {
      actorUserId: actor.id,
      action: 'support_request.access_denied',
      subjectType: 'support_request',
      subjectId: request.id,
      details: { attempted: action, municipality: request.municipalitySlug },
      requestId: ctx.requestId,
    });
    throw new AppError('forbidden', 'common.error.forbiddenText');
  }
  if (audit) {
    await recordAudit(ctx.db, ctx.clock, { actorUserId: actor.id, action, subjectType: 'support_request', subjectId: request.id, requestId: ctx.requestId });
  }
  return { scope, request, reach, actor };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);
