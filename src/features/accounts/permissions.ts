import type { Role } from '../../data/reference.ts';
import type { Actor } from '../../web/types.ts';

/** Pure permission helpers; services call these, routes call requireRole. */
export const hasRole = (actor: Actor, ...roles: Role[]): boolean =>
  !!actor && actor.roles.some((r) => roles.includes(r.role));

/** Regional roles (coordinator, admin) see every municipality; scoped staff only their own. */
export function municipalitiesInScope(actor: Actor, role: Role): 'all' | string[] {
  if (!actor) return [];
  if (hasRole(actor, 'coordinator', 'admin')) return 'all';
  return actor.roles.filter((r) => r.role === role && r.municipalitySlug).map((r) => r.municipalitySlug!);
}

export const isStaff = (actor: Actor): boolean =>
  hasRole(actor, 'coordinator', 'admin', 'account_manager', 'procurement_officer', 'partner');
