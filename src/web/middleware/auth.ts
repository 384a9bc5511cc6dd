import { createMiddleware } from 'hono/factory';
import type { Role } from '../../data/reference.ts';
import { hasRole } from '../../features/accounts/permissions.ts';
import { AppError } from '../../lib/errors.ts';
import type { AppEnv } from '../types.ts';

/** Visitors are sent to /inloggen and back (see handleError); logged-in users pass. */
export const requireUser = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!c.var.user) throw new AppError('unauthenticated', 'accounts.login.required');
    await next();
  });

/** Only users holding one of the roles pass; others get 403, visitors the login page. */
export const requireRole = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!c.var.user) throw new AppError('unauthenticated', 'accounts.login.required');
    if (!hasRole(c.var.user, ...roles)) throw new AppError('forbidden', 'common.error.forbiddenText');
    await next();
  });
