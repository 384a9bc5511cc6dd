import { Hono } from 'hono';
import type { AppEnv } from '../../web/types.ts';
import { supportAskRoutes } from './support.ask.pages.tsx';
import { supportMineRoutes } from './support.mine.pages.tsx';
import { supportRoutingRoutes } from './support.routing.pages.tsx';
import { supportStaffRoutes } from './support.staff.pages.tsx';

/** Every page of the support desk: asking, "Mijn hulpvragen", the staff inbox and routing (routing before :id). */
export function supportRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', supportAskRoutes());
  app.route('/', supportMineRoutes());
  app.route('/', supportRoutingRoutes());
  app.route('/', supportStaffRoutes());
  return app;
}
