import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from '../types.ts';

/**
 * Paths that carry a secret (email confirmation, password reset, registration cancel and support-request
 * confirmation links): whoever reads it in a log could use the link, so the log shows the route without it.
 */
const SECRET_IN_PATH = /^\/(e-mail-bevestigen|wachtwoord-herstellen|aanmelding\/annuleren|hulp-vragen\/bevestigen)\/[^/]+/;
const loggedPath = (path: string): string => path.replace(SECRET_IN_PATH, '/$1/[token]');

/** A request id (from X-Request-Id when sane, else new) and a child logger that carries it. Paths only, no query strings: they can hold personal data. */
export const requestContext = (deps: AppDeps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[A-Za-z0-9._-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    const logger = deps.logger.child({ requestId });
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('logger', logger);
    c.set('flash', null);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const level = c.res.status >= 500 ? 'error' : 'info';
    if (c.req.path !== '/healthz' && c.req.path !== '/readyz') {
      logger[level]({ method: c.req.method, path: loggedPath(c.req.path), status: c.res.status, ms }, 'request');
    }
  });
