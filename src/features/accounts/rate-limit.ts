import { lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { hashToken } from '../../lib/ids.ts';
import { rateLimitHits } from './accounts.schema.ts';

/**
 * Fixed-window rate limits kept in PostgreSQL (table rate_limit_hits), so every app process counts together.
 * Any feature can reuse this: define a rule, then call `enforceRateLimit` before the expensive or sensitive work.
 */
export type RateLimitRule = {
  /** Short stable name, part of the stored key: 'login.ip'. */
  name: string;
  /** Hits allowed per window; the next one is refused. */
  limit: number;
  /** Window length; at most 24 hours (older windows are pruned). */
  windowMs: number;
};

export type RateLimitResult = { allowed: boolean; count: number; resetAt: Date };

const PRUNE_AFTER_MS = 24 * 3600_000;

/** The stored key: the subject (IP address, email) is hashed so the table holds no personal data in the clear. */
const storedKey = (rule: RateLimitRule, subject: string) => `${rule.name}:${hashToken(subject.toLowerCase())}`;

/** Counts one hit of `subject` under `rule` and says whether it is still within the limit. */
export async function hitRateLimit(db: DbOrTx, rule: RateLimitRule, subject: string, now: Date): Promise<RateLimitResult> {
  const windowStart = new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);
  const [row] = await db
    .insert(rateLimitHits)
    .values({ key: storedKey(rule, subject), windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimitHits.key, rateLimitHits.windowStart], set: { count: sql`${rateLimitHits.count} + 1` } })
    .returning({ count: rateLimitHits.count });
  // A new window row is the moment to drop expired ones: keeps the table small without a separate job.
  if (row.count === 1) await db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, new Date(now.getTime() - PRUNE_AFTER_MS)));
  return { allowed: row.count <= rule.limit, count: row.count, resetAt: new Date(windowStart.getTime() + rule.windowMs) };
}

/** Counts one hit and throws AppError('rate_limited') (a 429 page or problem+json) when the limit is passed. */
export async function enforceRateLimit(db: DbOrTx, rule: RateLimitRule, subject: string, now: Date): Promise<void> {
  const r = await hitRateLimit(db, rule, subject, now);
  if (!r.allowed) throw new AppError('rate_limited', 'common.error.rateLimitedText');
}

/** The limits of the accounts feature. Generous for people, tight for scripts. */
export const ACCOUNT_RATE_LIMITS = {
  loginPerIp: { name: 'login.ip', limit: 30, windowMs: 15 * 60_000 },
  loginPerEmail: { name: 'login.email', limit: 10, windowMs: 15 * 60_000 },
  registerPerIp: { name: 'register.ip', limit: 10, windowMs: 60 * 60_000 },
  registerPerEmail: { name: 'register.email', limit: 3, windowMs: 60 * 60_000 },
  resetPerIp: { name: 'reset.ip', limit: 10, windowMs: 60 * 60_000 },
  resetPerEmail: { name: 'reset.email', limit: 3, windowMs: 60 * 60_000 },
  /** A new verification link when an unverified account logs in; more would only flood the mailbox. */
  verifyResendPerUser: { name: 'verify-resend.user', limit: 3, windowMs: 60 * 60_000 },
  passwordChangePerUser: { name: 'password-change.user', limit: 10, windowMs: 15 * 60_000 },
} satisfies Record<string, RateLimitRule>;
