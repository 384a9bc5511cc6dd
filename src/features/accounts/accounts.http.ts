import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv, ServiceContext } from '../../web/types.ts';
import type { RequestMeta } from './accounts.service.ts';

/** The service context for the current request, acting as the logged-in user (or nobody). */
export function serviceContextOf(c: Context<AppEnv>): ServiceContext {
  const d = c.var.deps;
  return { db: d.db, actor: c.var.user, clock: d.clock, logger: c.var.logger, mailer: d.mailer, config: d.config, requestId: c.var.requestId };
}

/**
 * The client's IP address, for rate limits. Behind a trusted proxy (TRUST_PROXY=true) the last X-Forwarded-For
 * entry is the address our proxy saw; entries before it are whatever the client claimed, so they are ignored.
 * Without a socket (app.request in tests) every request counts as 'unknown'.
 */
export function clientIp(c: Context<AppEnv>): string {
  if (c.var.deps.config.trustProxy) {
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const last = forwarded.at(-1);
    if (last && last.length <= 100) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export const requestMetaOf = (c: Context<AppEnv>): RequestMeta => ({ ip: clientIp(c), lang: c.var.lang });
