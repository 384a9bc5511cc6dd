import type { Role } from '../../data/reference.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, CurrentUser } from '../../web/types.ts';

/** Pure permission helpers; services call these, routes call requireRole. */
export const hasRole = (actor: Actor | Pick<CurrentUser, 'roles'>, ...roles: Role[]): boolean =>
  !!actor && actor.roles.some((r) => roles.includes(r.role));

/** Regional roles (coordinator, admin) see every municipality; scoped staff only their own. */
export function municipalitiesInScope(actor: Actor, role: Role): 'all' | string[] {
  if (!actor) return [];
  if (hasRole(actor, 'coordinator', 'admin')) return 'all';
  return actor.roles.filter((r) => r.role === role && r.municipalitySlug).map((r) => r.municipalitySlug!);
}

/** The logged-in user, or `unauthenticated` (pages send visitors to the login page). */
export function requireActor(actor: Actor): CurrentUser {
  if (!actor) throw new AppError('unauthenticated', 'accounts.login.required');
  return actor;
}

/** The logged-in user when they hold one of the roles; visitors get `unauthenticated`, everyone else `forbidden`. */
export function requireActorWithRole(actor: Actor, ...roles: Role[]): CurrentUser {
  const user = requireActor(actor);
  if (!hasRole(user, ...roles)) throw new AppError('forbidden', 'common.error.forbiddenText');
  return user;
}

export const isStaff = (actor: Actor | Pick<CurrentUser, 'roles'>): boolean =>
  hasRole(actor, 'coordinator', 'admin', 'account_manager', 'procurement_officer', 'partner');
