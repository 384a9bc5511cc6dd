import { createMiddleware } from 'hono/factory';
import { isAppError } from '../../lib/errors.ts';
import type { AppEnv } from '../../web/types.ts';
import { authenticateBearer } from './api-tokens.service.ts';

/**
 * Authentication of the staff API: a personal API token in `Authorization: Bearer`, and nothing else. The user the
 * session cookie gave is dropped first, so a browser that is logged in cannot be made to call the API (the CSRF
 * middleware skips /api/, so accepting cookies here would open state changes to cross-site requests).
 * See docs/decisions/0007-staff-api-bearer-tokens.md.
 */
export const bearerAuth = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('user', null);
    // Answers depend on who asks: never from a shared cache.
    c.header('Cache-Control', 'no-store');
    c.header('Vary', 'Authorization');
    try {
      const { db, clock } = c.var.deps;
      c.set('user', await authenticateBearer({ db, clock, requestId: c.var.requestId }, c.req.header('authorization')));
    } catch (e) {
      if (isAppError(e) && e.code === 'unauthenticated') {
        const hasToken = /^Bearer\s/i.test(c.req.header('authorization') ?? '');
        c.header('WWW-Authenticate', hasToken ? 'Bearer realm="impactregio", error="invalid_token"' : 'Bearer realm="impactregio"');
      }
      throw e;
    }
    await next();
  });
