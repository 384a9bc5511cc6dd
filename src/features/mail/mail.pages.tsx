import { Hono } from 'hono';
import type { AppEnv } from '../../web/types.ts';

/** Placeholder: routes of this feature are being built. */
export function mailRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  return app;
}
