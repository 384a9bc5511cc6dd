import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { DEFAULT_LANG, i18nFor, isLang, type Lang } from '../i18n/i18n.ts';
import type { AppEnv } from '../types.ts';

export const LANG_COOKIE = 'lang';

/** Dutch by default; `?lang=en` switches and is remembered in a cookie. */
export const language = (options: { secureCookies: boolean }) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const fromQuery = c.req.query('lang');
    let lang: Lang = DEFAULT_LANG;
    if (isLang(fromQuery)) {
      lang = fromQuery;
      setCookie(c, LANG_COOKIE, lang, { path: '/', sameSite: 'Lax', httpOnly: true, secure: options.secureCookies, maxAge: 365 * 24 * 3600 });
    } else {
      const fromCookie = getCookie(c, LANG_COOKIE);
      if (isLang(fromCookie)) lang = fromCookie;
    }
    c.set('lang', lang);
    c.set('i18n', i18nFor(lang));
    await next();
    c.header('Content-Language', lang);
  });
