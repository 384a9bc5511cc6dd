import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { createSession, deleteSession, findUserBySession, SESSION_COOKIE, SESSION_TTL_MS } from '../../features/accounts/sessions.ts';
import type { AppEnv } from '../types.ts';

/** Loads the logged-in user (or null) from the session cookie. */
export const session = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const raw = getCookie(c, SESSION_COOKIE);
    let user = null;
    if (raw && raw.length < 200) {
      const { db, clock } = c.var.deps;
      user = await findUserBySession(db, raw, clock.now());
      if (!user) deleteCookie(c, SESSION_COOKIE, { path: '/' });
    }
    c.set('user', user);
    await next();
  });

export const secureCookies = (c: Context<AppEnv>): boolean => {
  const { config } = c.var.deps;
  if (config.publicUrl.startsWith('https://')) return true;
  return config.trustProxy && c.req.header('x-forwarded-proto') === 'https';
};

/** Starts a fresh session (a new id on every login, against session fixation) and sets the cookie. */
export async function startSession(c: Context<AppEnv>, userId: string): Promise<void> {
  const old = getCookie(c, SESSION_COOKIE);
  const { db, clock } = c.var.deps;
  if (old) await deleteSession(db, old);
  const id = await createSession(db, userId, clock.now());
  setCookie(c, SESSION_COOKIE, id, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureCookies(c),
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const raw = getCookie(c, SESSION_COOKIE);
  if (raw) await deleteSession(c.var.deps.db, raw);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
