import { Hono } from 'hono';
import type { AppEnv } from '../../web/types.ts';

/** Placeholder: the open data API is being built. */
export function directoryApiRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  return app;
}
