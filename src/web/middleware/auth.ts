import { createMiddleware } from 'hono/factory';
import type { Role } from '../../data/reference.ts';
import { requireActor, requireActorWithRole } from '../../features/accounts/permissions.ts';
import type { AppEnv } from '../types.ts';

/** Visitors are sent to /inloggen and back (see handleError); logged-in users pass. */
export const requireUser = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    requireActor(c.var.user);
    await next();
  });

/** Only users holding one of the roles pass; others get 403, visitors the login page. */
export const requireRole = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    requireActorWithRole(c.var.user, ...roles);
    await next();
  });
