import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../../lib/errors.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { isStaff } from '../accounts/permissions.ts';
import { StaffHomeView } from './views/StaffHomeView.tsx';
import { staffToolsFor } from './staff.tools.ts';

/** Visitors go to the login page; logged-in people without a staff role get 403. */
const requireStaff = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!c.var.user) throw new AppError('unauthenticated', 'accounts.login.required');
    if (!isStaff(c.var.user)) throw new AppError('forbidden', 'common.error.forbiddenText');
    await next();
  });

/**
 * /beheer: the staff landing page. Its guard covers every /beheer route of every feature (it is mounted before
 * them), so a staff page can never be open to visitors or entrepreneurs; each tool still checks its own roles.
 */
export function staffRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/beheer/*', requireStaff());

  app.get('/beheer', (c) => {
    const i = c.var.i18n;
    return renderPage(c, { title: i.t('staff.home.title') }, <StaffHomeView i={i} tools={staffToolsFor(c.var.user)} />);
  });

  return app;
}
