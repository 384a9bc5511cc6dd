import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isDatabaseReachable } from './db/client.ts';
import { accountsRoutes } from './features/accounts/accounts.pages.tsx';
import { agendaModerationRoutes } from './features/agenda/agenda.moderation.pages.tsx';
import { agendaRoutes } from './features/agenda/agenda.pages.tsx';
import { agendaPostingRoutes } from './features/agenda/agenda.posting.pages.tsx';
import { apiTokensRoutes } from './features/api-tokens/api-tokens.pages.tsx';
import { relationsRoutes } from './features/relations/relations.pages.tsx';
import { supportReportsRoutes } from './features/support/support.reports.pages.tsx';
import { supportExportRoutes } from './features/support/support.export.ts';
import { directoryApiRoutes } from './features/directory/directory.api.ts';
import { directoryRoutes } from './features/directory/directory.pages.tsx';
import { mailRoutes } from './features/mail/mail.pages.tsx';
import { moderationRoutes } from './features/moderation/moderation.pages.tsx';
import { staticPagesRoutes } from './features/pages/pages.pages.tsx';
import { profilesRoutes } from './features/profiles/profiles.pages.tsx';
import { registrationsRoutes } from './features/registrations/registrations.pages.tsx';
import { staffRoutes } from './features/staff/staff.pages.tsx';
import { storiesRoutes } from './features/stories/stories.pages.tsx';
import { feedsRoutes } from './features/feeds/feeds.pages.tsx';
import { AppError } from './lib/errors.ts';
import { ASK_BODY_LIMIT } from './features/support/support.attachments.ts';
import { supportRoutes } from './features/support/support.pages.ts';
import { handleError, handleNotFound } from './web/errors.tsx';
import { csrf } from './web/middleware/csrf.ts';
import { flash } from './web/middleware/flash.ts';
import { language } from './web/middleware/language.ts';
import { requestContext } from './web/middleware/request-context.ts';
import { securityHeaders, tileOriginOf } from './web/middleware/security-headers.ts';
import { session } from './web/middleware/session.ts';
import { staticRoutes } from './web/static.ts';
import type { AppDeps, AppEnv } from './web/types.ts';

/** Builds the whole web app from its dependencies. Never listens itself: main.ts and tests do that. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const https = deps.config.publicUrl.startsWith('https://');

  app.use(requestContext(deps));
  app.use(securityHeaders({ tileOrigin: tileOriginOf(deps.config.mapTileUrl), https }));

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) =>
    (await isDatabaseReachable(deps.db)) ? c.json({ status: 'ready' }) : c.json({ status: 'database unreachable' }, 503),
  );
  app.route('/', staticRoutes());

  app.use(language({ secureCookies: https }));
  // A NUL character (%00) can never be part of a page address, and PostgreSQL refuses it in text: answer 404 here
  // once, instead of in every route that passes a path parameter to the database.
  app.use(async (c, next) => {
    if (/%00|\0/.test(c.req.path)) return handleNotFound(c);
    await next();
  });
  // Uploads (logos) are the largest bodies; anything bigger is refused before it is read (the refusal is in the
  // visitor's language, so language runs first).
  const tooLarge = () => {
    throw new AppError('bad_request', 'common.error.tooLarge');
  };
  const defaultBodyLimit = bodyLimit({ maxSize: 3 * 1024 * 1024, onError: tooLarge });
  // The ask form carries up to five 10 MB attachments; every other route keeps the small limit.
  const askBodyLimit = bodyLimit({ maxSize: ASK_BODY_LIMIT, onError: tooLarge });
  app.use((c, next) => (c.req.method === 'POST' && c.req.path === '/hulp-vragen' ? askBodyLimit(c, next) : defaultBodyLimit(c, next)));
  app.use(session());
  app.use(csrf());
  app.use(flash());

  app.route('/', staticPagesRoutes());
  app.route('/', accountsRoutes());
  // Right after accounts: its /beheer guard must run before any feature's /beheer routes.
  app.route('/', staffRoutes());
  // Before the support desk's /beheer/hulpvragen/:id, so "rapportage" is not taken for a request id.
  app.route('/', supportReportsRoutes());
  // Before the support desk's /mijn/hulpvragen/:id, so "download" is not taken for a request id.
  app.route('/', supportExportRoutes());
  // Before the agenda's pages: /agenda/<slug>.ics is a feed, not an event called "<slug>.ics".
  app.route('/', feedsRoutes());
  app.route('/', directoryRoutes());
  app.route('/', profilesRoutes());
  // The agenda's moderation list before moderation's own routes (both under /beheer/moderatie).
  app.route('/', agendaModerationRoutes());
  app.route('/', moderationRoutes());
  app.route('/', mailRoutes());
  app.route('/', storiesRoutes());
  app.route('/', apiTokensRoutes());
  app.route('/', relationsRoutes());
  app.route('/', registrationsRoutes());
  app.route('/', agendaRoutes());
  app.route('/', agendaPostingRoutes());
  app.route('/', supportRoutes());
  app.route('/', directoryApiRoutes());

  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}
