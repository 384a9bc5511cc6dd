import { createHmac, timingSafeEqual } from 'node:crypto';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../../lib/errors.ts';
import { randomToken } from '../../lib/ids.ts';
import type { AppEnv } from '../types.ts';
import { secureCookies } from './session.ts';

export const CSRF_COOKIE = 'csrf';
export const CSRF_FIELD = '_csrf';

export const csrfTokenFor = (secret: string, cookieValue: string) => createHmac('sha256', secret).update(`csrf:${cookieValue}`).digest('base64url');

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host of an Origin header, or null when it is not a URL (a forged header is refused, not a 500). */
const hostOf = (origin: string): string | null => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};

/**
 * Every state-changing form carries a token derived from a random HttpOnly cookie (signed double submit).
 * The JSON API under /api/ never authenticates by cookie, so it is exempt.
 */
export const csrf = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    // The API sets no cookies (so shared caches may keep its public answers) and never reads them.
    if (c.req.path.startsWith('/api/')) {
      c.set('csrfToken', '');
      return next();
    }
    const { secret } = c.var.deps;
    let cookie = getCookie(c, CSRF_COOKIE);
    if (!cookie || !/^[A-Za-z0-9_-]{20,100}$/.test(cookie)) {
      cookie = randomToken(24);
      setCookie(c, CSRF_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secureCookies(c) });
    }
    const expected = csrfTokenFor(secret, cookie);
    c.set('csrfToken', expected);
    if (!SAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      const host = c.req.header('host');
      if (origin && origin !== 'null' && host && hostOf(origin) !== host) {
        throw new AppError('forbidden', 'common.form.csrf');
      }
      let sent = c.req.header('x-csrf-token');
      if (!sent) {
        const type = c.req.header('content-type') ?? '';
        if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
          const body = await c.req.parseBody({ all: true });
          const v = body[CSRF_FIELD];
          sent = typeof v === 'string' ? v : undefined;
        }
      }
      const a = Buffer.from(sent ?? '');
      const b = Buffer.from(expected);
      if (a.length !== b.length || !timingSafeEqual(a, b)) {
        throw new AppError('forbidden', 'common.form.csrf');
      }
    }
    await next();
  });
