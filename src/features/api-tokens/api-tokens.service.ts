import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { hashToken, randomToken } from '../../lib/ids.ts';
import type { CurrentUser, ServiceContext } from '../../web/types.ts';
import { isStaff, requireActor } from '../accounts/permissions.ts';
import { loadCurrentUser } from '../accounts/sessions.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as q from './api-tokens.queries.ts';
import { type CreateTokenInput, MAX_ACTIVE_TOKENS, TOKEN_PATTERN, TOKEN_PREFIX } from './api-tokens.validation.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_MS = 24 * 3600_000;

/** Personal API tokens are for staff only: nobody else has an API to call with one. */
function requireStaffActor(ctx: ServiceContext): CurrentUser {
  const actor = requireActor(ctx.actor);
  if (!isStaff(actor)) throw new AppError('forbidden', 'apiTokens.error.staffOnly');
  return actor;
}

export type TokenListItem = Awaited<ReturnType<typeof q.tokensOfUser>>[number] & { state: 'active' | 'expired' | 'revoked' };

export async function listApiTokens(ctx: ServiceContext): Promise<TokenListItem[]> {
  const actor = requireStaffActor(ctx);
  const now = ctx.clock.now();
  const rows = await q.tokensOfUser(ctx.db, actor.id);
  return rows.map((r) => ({ ...r, state: r.revokedAt ? 'revoked' : r.expiresAt <= now ? 'expired' : 'active' }));
}

/**
 * Creates a token and returns it in full: the only time anyone sees it, since only its hash is kept.
 * Refused (conflict) when the person already holds MAX_ACTIVE_TOKENS live tokens.
 */
export async function createApiToken(ctx: ServiceContext, input: CreateTokenInput): Promise<{ id: string; token: string; expiresAt: Date }> {
  const actor = requireStaffActor(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    if ((await q.countActiveTokens(tx, actor.id, now)) >= MAX_ACTIVE_TOKENS) {
      throw new AppError('conflict', 'apiTokens.error.tooMany');
    }
    const token = `${TOKEN_PREFIX}${randomToken(32)}`;
    const row = await q.insertApiToken(tx, {
      userId: actor.id,
      name: input.name,
      tokenHash: hashToken(token),
      lastFour: token.slice(-4),
      createdAt: now,
      expiresAt: new Date(now.getTime() + Number(input.validDays) * DAY_MS),
    });
    await recordAudit(tx, ctx.clock, {
      actorUserId: actor.id,
      action: 'api_token.created',
      subjectType: 'api_token',
      subjectId: row.id,
      details: { validDays: Number(input.validDays) },
      requestId: ctx.requestId,
    });
    return { id: row.id, token, expiresAt: row.expiresAt };
  });
}

/** One of the actor's own tokens (for the revoke confirmation); anyone else's is not found. */
export async function getOwnApiToken(ctx: ServiceContext, id: string) {
  const actor = requireStaffActor(ctx);
  const row = UUID.test(id) ? await q.findTokenOfUser(ctx.db, actor.id, id) : null;
  if (!row) throw new AppError('not_found', 'common.error.notFoundText');
  return { id: row.id, name: row.name, lastFour: row.lastFour, createdAt: row.createdAt, expiresAt: row.expiresAt, revokedAt: row.revokedAt };
}

/** Revokes one of the actor's own tokens; it stops working on the next request. Revoking twice is harmless. */
export async function revokeApiToken(ctx: ServiceContext, id: string): Promise<void> {
  const actor = requireStaffActor(ctx);
  await getOwnApiToken(ctx, id);
  await ctx.db.transaction(async (tx) => {
    if (!(await q.revokeToken(tx, actor.id, id, ctx.clock.now()))) return;
    await recordAudit(tx, ctx.clock, {
      actorUserId: actor.id,
      action: 'api_token.revoked',
      subjectType: 'api_token',
      subjectId: id,
      requestId: ctx.requestId,
    });
  });
}

export type BearerDeps = { db: Db; clock: Clock; requestId?: string };

/**
 * The staff member behind an `Authorization: Bearer` header. Missing, malformed, unknown, expired or revoked
 * tokens and disabled accounts are `unauthenticated` (401); a valid token of someone who no longer holds a staff
 * role is `forbidden` (403). Refusals of a known token are written to the audit log.
 */
export async function authenticateBearer(deps: BearerDeps, authorization: string | undefined): Promise<CurrentUser> {
  const match = /^Bearer +(\S+) *$/i.exec(authorization ?? '');
  if (!match) throw new AppError('unauthenticated', 'apiTokens.api.missing');
  const raw = match[1];
  if (!TOKEN_PATTERN.test(raw)) throw new AppError('unauthenticated', 'apiTokens.api.invalid');
  const row = await q.findTokenByHash(deps.db, hashToken(raw));
  if (!row) throw new AppError('unauthenticated', 'apiTokens.api.invalid');
  const now = deps.clock.now();
  const refused = async (reason: string) =>
    recordAudit(deps.db, deps.clock, {
      actorUserId: row.user.id,
      action: 'api_token.refused',
      subjectType: 'api_token',
      subjectId: row.id,
      details: { reason },
      requestId: deps.requestId,
    });
  if (row.revokedAt) {
    await refused('revoked');
    throw new AppError('unauthenticated', 'apiTokens.api.revoked');
  }
  if (row.expiresAt <= now) {
    await refused('expired');
    throw new AppError('unauthenticated', 'apiTokens.api.expired');
  }
  if (row.user.disabledAt) {
    await refused('account_disabled');
    throw new AppError('unauthenticated', 'apiTokens.api.invalid');
  }
  const user = await loadCurrentUser(deps.db, row.user);
  if (!isStaff(user)) {
    await refused('not_staff');
    throw new AppError('forbidden', 'apiTokens.api.notStaff');
  }
  await q.touchToken(deps.db, row.id, now);
  return user;
}
