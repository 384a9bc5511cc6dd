import { createHash } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { AppError } from '../../lib/errors.ts';
import { errorPage } from '../../web/errors.tsx';
import type { AppEnv } from '../../web/types.ts';
import { serviceContextOf } from '../accounts/accounts.http.ts';
import { agendaQueryString, parseAgendaFilters } from '../agenda/agenda.validation.ts';
import { parseStoryFilters } from '../stories/stories.validation.ts';
import { storiesAtomHref } from '../stories/stories.urls.ts';
import { agendaCalendar, eventCalendar, newEventsAtom, organisationCalendar, storiesAtom } from './feeds.service.ts';

/**
 * A feed answer: the body with a strong ETag (calendar apps poll often; an unchanged feed costs a 304), public
 * caching for a few minutes, and the right type.
 */
function feedResponse(c: Context<AppEnv>, body: string, contentType: string, disposition?: string): Response {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  // A feed is the same for everyone and publicly cacheable: it must not carry the CSRF or language cookie that the
  // middleware hands out, or a shared cache would give one visitor's cookie to all.
  c.header('Set-Cookie', undefined);
  c.header('ETag', etag);
  c.header('Cache-Control', 'public, max-age=300');
  c.header('X-Content-Type-Options', 'nosniff');
  if (disposition) c.header('Content-Disposition', disposition);
  if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  return c.body(body, 200, { 'Content-Type': contentType });
}

const CALENDAR = 'text/calendar; charset=utf-8';
const ATOM = 'application/atom+xml; charset=utf-8';

/** The agenda filters of the request, or a 400 page that names every wrong value (a typo must not give an empty feed). */
function filtersOr400(c: Context<AppEnv>) {
  const parsed = parseAgendaFilters(c.req.queries());
  if (parsed.ok) return { filters: parsed.filters, response: null };
  const i = c.var.i18n;
  const messages = Object.values(parsed.errors)
    .flat()
    .map((key) => i.t(key));
  return { filters: null, response: errorPage(c, 400, messages.join(' ')) };
}

/**
 * Calendar and news feeds: /agenda.ics (with the agenda's filters), /agenda.atom, /agenda/:slug.ics,
 * /ondernemers/:slug/agenda.ics and /verhalen.atom. Mounted before the agenda's own routes so that
 * "/agenda/<slug>.ics" is never read as an event called "<slug>.ics".
 */
export function feedsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/agenda.ics', async (c) => {
    const { filters, response } = filtersOr400(c);
    if (!filters) return response;
    const ics = await agendaCalendar(serviceContextOf(c), filters, `/agenda.ics${agendaQueryString(filters)}`);
    return feedResponse(c, ics, CALENDAR, 'inline; filename=agenda.ics');
  });

  app.get('/agenda.atom', async (c) => {
    const { filters, response } = filtersOr400(c);
    if (!filters) return response;
    const qs = agendaQueryString(filters);
    return feedResponse(c, await newEventsAtom(serviceContextOf(c), filters, `/agenda.atom${qs}`, `/agenda${qs}`), ATOM);
  });

  app.get('/agenda/:file{[^/]+\\.ics}', async (c) => {
    const slug = c.req.param('file').replace(/\.ics$/, '');
    const ics = await eventCalendar(serviceContextOf(c), slug, `/agenda/${encodeURIComponent(slug)}.ics`);
    if (!ics) throw new AppError('not_found', 'common.error.notFoundText');
    const safeName = slug.replace(/[^a-z0-9-]/gi, '') || 'evenement';
    return feedResponse(c, ics, CALENDAR, `attachment; filename="${safeName}.ics"`);
  });

  app.get('/ondernemers/:slug/agenda.ics', async (c) => {
    const slug = c.req.param('slug');
    const ics = await organisationCalendar(serviceContextOf(c), slug, `/ondernemers/${encodeURIComponent(slug)}/agenda.ics`);
    return feedResponse(c, ics, CALENDAR, 'inline; filename=agenda.ics');
  });

  app.get('/verhalen.atom', async (c) => {
    const { thema } = parseStoryFilters({ thema: c.req.query('thema'), pagina: c.req.query('pagina') });
    return feedResponse(c, await storiesAtom(serviceContextOf(c), thema, storiesAtomHref(thema)), ATOM);
  });

  return app;
}
