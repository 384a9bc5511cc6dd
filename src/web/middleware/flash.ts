import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../types.ts';

const FLASH_COOKIE = 'flash';

/** Reads (and clears) a one-time confirmation message key set before a redirect. */
export const flash = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const key = getCookie(c, FLASH_COOKIE);
    if (key && /^[a-zA-Z0-9._-]{1,100}$/.test(key) && c.req.method === 'GET') {
      c.set('flash', key);
      deleteCookie(c, FLASH_COOKIE, { path: '/' });
    }
    await next();
  });

/** Redirect (303) with a confirmation message key shown once on the next page. */
export function redirectWithFlash(c: Context<AppEnv>, location: string, messageKey: string) {
  setCookie(c, FLASH_COOKIE, messageKey, { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 60 });
  return c.redirect(location, 303);
}
