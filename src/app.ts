import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isDatabaseReachable } from './db/client.ts';
import { accountsRoutes } from './features/accounts/accounts.pages.tsx';
import { directoryApiRoutes } from './features/directory/directory.api.ts';
import { directoryRoutes } from './features/directory/directory.pages.tsx';
import { mailRoutes } from './features/mail/mail.pages.tsx';
import { moderationRoutes } from './features/moderation/moderation.pages.tsx';
import { staticPagesRoutes } from './features/pages/pages.pages.tsx';
import { profilesRoutes } from './features/profiles/profiles.pages.tsx';
import { staffRoutes } from './features/staff/staff.pages.tsx';
import { AppError } from './lib/errors.ts';
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
  // Uploads (logos) are the largest bodies; anything bigger is refused before it is read (the refusal is in the
  // visitor's language, so language runs first).
  app.use(
    bodyLimit({
      maxSize: 3 * 1024 * 1024,
      onError: () => {
        throw new AppError('bad_request', 'common.error.tooLarge');
      },
    }),
  );
  app.use(session());
  app.use(csrf());
  app.use(flash());

  app.route('/', staticPagesRoutes());
  app.route('/', accountsRoutes());
  // Right after accounts: its /beheer guard must run before any feature's /beheer routes.
  app.route('/', staffRoutes());
  app.route('/', directoryRoutes());
  app.route('/', profilesRoutes());
  app.route('/', moderationRoutes());
  app.route('/', mailRoutes());
  app.route('/', directoryApiRoutes());

  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}
