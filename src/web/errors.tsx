import { loggableError } from '../lib/loggable-error.ts';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, httpStatusFor, isAppError } from '../lib/errors.ts';
import { i18nFor } from './i18n/i18n.ts';
import { renderPage } from './render.tsx';
import type { AppEnv } from './types.ts';

export const isApiPath = (path: string) => path.startsWith('/api/');

const titleKeys: Record<number, [string, string]> = {
  400: ['common.error.badRequestTitle', 'common.error.badRequestTitle'],
  403: ['common.error.forbiddenTitle', 'common.error.forbiddenText'],
  404: ['common.error.notFoundTitle', 'common.error.notFoundText'],
  429: ['common.error.rateLimitedTitle', 'common.error.rateLimitedText'],
  500: ['common.error.serverErrorTitle', 'common.error.serverErrorText'],
};

/** application/problem+json (RFC 9457) for the API. */
export function problem(c: Context<AppEnv>, status: ContentfulStatusCode, title: string, detail?: string, extra: Record<string, unknown> = {}) {
  c.header('API-Version', '1.0.0');
  return c.body(JSON.stringify({ type: 'about:blank', title, status, ...(detail ? { detail } : {}), instance: c.req.path, ...extra }), status, {
    'Content-Type': 'application/problem+json',
  });
}

/** A friendly HTML error page in the visitor's language. */
export function errorPage(c: Context<AppEnv>, status: ContentfulStatusCode, detail?: string) {
  const i = c.var.i18n ?? i18nFor('nl');
  const [titleKey, textKey] = titleKeys[status] ?? titleKeys[status >= 500 ? 500 : 400];
  if (!c.var.i18n || !c.var.deps || c.var.csrfToken === undefined) {
    // Errors thrown before the page middleware ran (e.g. the body limit) still say what went wrong.
    const text = (detail ?? i.t(textKey)).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return c.html(`<!doctype html><html lang="${i.lang}"><head><meta charset="utf-8"><title>${i.t(titleKey)}</title></head><body><main><h1>${i.t(titleKey)}</h1><p>${text}</p><p><a href="/">${i.t('common.error.backHome')}</a></p></main></body></html>`, status);
  }
  return renderPage(
    c,
    { title: i.t(titleKey), status },
    <section class="ir-error-page">
      <h1 class="utrecht-heading-1">{i.t(titleKey)}</h1>
      <p class="utrecht-paragraph">{detail ?? i.t(textKey)}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/">
          {i.t('common.error.backHome')}
        </a>
      </p>
    </section>,
  );
}

/** The one place that turns errors into responses. Stack traces and SQL never reach a user. */
export function handleError(err: Error, c: Context<AppEnv>) {
  const i = c.var.i18n ?? i18nFor('nl');
  let status: ContentfulStatusCode = 500;
  let message: string | undefined;
  let appError: AppError | null = null;
  if (isAppError(err)) {
    appError = err;
    status = httpStatusFor[err.code] as ContentfulStatusCode;
    message = i.t(err.message);
  } else if (err instanceof HTTPException) {
    status = err.status as ContentfulStatusCode;
    if (status >= 500) (c.var.logger ?? console).error({ err }, 'http exception');
  } else {
    (c.var.logger ?? console).error({ err: loggableError(err) }, 'unhandled error');
  }
  if (appError?.code === 'unauthenticated' && !isApiPath(c.req.path)) {
    const back = c.req.method === 'GET' ? `${c.req.path}${new URL(c.req.url).search}` : '/';
    return c.redirect(`/inloggen?terug=${encodeURIComponent(back)}`, 303);
  }
  if (status === 429) c.header('Retry-After', '300');
  if (isApiPath(c.req.path)) {
    if (status === 422) status = 400; // the API answers invalid input with 400
    const [titleKey] = titleKeys[status] ?? titleKeys[status >= 500 ? 500 : 400];
    const invalidParams = appError
      ? Object.entries(appError.fieldErrors).flatMap(([name, reasons]) => reasons.map((reason) => ({ name, reason })))
      : [];
    return problem(c, status, appError ? message! : i.t(titleKey), appError ? undefined : undefined, invalidParams.length ? { invalidParams } : {});
  }
  return errorPage(c, status, status < 500 ? message : undefined);
}

export function handleNotFound(c: Context<AppEnv>) {
  if (isApiPath(c.req.path)) return problem(c, 404, c.var.i18n?.t('common.error.notFoundTitle') ?? 'Not found');
  return errorPage(c, 404);
}
