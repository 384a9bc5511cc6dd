import { hashToken, randomToken } from '../../lib/ids.ts';
import type { ServiceContext } from '../../web/types.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireActor } from './permissions.ts';
import { resetPasswordMail } from './accounts.mails.ts';
import {
  consumeEmailToken,
  findAccountByEmail,
  findAccountById,
  findLiveEmailToken,
  insertEmailToken,
  markEmailVerified,
  updatePasswordHash,
  useUpEmailTokensOfUser,
} from './accounts.queries.ts';
import { hashPassword, passwordMatches, type RequestMeta } from './accounts.service.ts';
import type { ChangePasswordInput } from './accounts.validation.ts';
import { ACCOUNT_RATE_LIMITS, enforceRateLimit } from './rate-limit.ts';
import { deleteSessionsOfUser } from './sessions.ts';

/** Reset links are short-lived: whoever holds one can take over the account. */
export const RESET_TOKEN_TTL_MS = 2 * 3600_000;

/** Mails a reset link when the email has an account; the caller sees the same outcome either way. */
export async function requestPasswordReset(ctx: ServiceContext, email: string, meta: RequestMeta): Promise<void> {
  const now = ctx.clock.now();
  await enforceRateLimit(ctx.db, ACCOUNT_RATE_LIMITS.resetPerIp, meta.ip, now);
  await enforceRateLimit(ctx.db, ACCOUNT_RATE_LIMITS.resetPerEmail, email, now);
  const account = await findAccountByEmail(ctx.db, email);
  if (!account || account.disabledAt) return;
  const token = randomToken(32);
  await ctx.db.transaction(async (tx) => {
    await insertEmailToken(tx, { tokenHash: hashToken(token), userId: account.id, purpose: 'reset_password', now, expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS) });
    await ctx.mailer.queue(tx, resetPasswordMail(account.preferredLanguage, account.email, { link: `${ctx.config.publicUrl}/wachtwoord-herstellen/${token}` }));
  });
}

/** Whether a reset link can still be used (shown before the form, so nobody types a password in vain). */
export async function isResetTokenLive(ctx: ServiceContext, token: string): Promise<boolean> {
  if (!token || token.length > 200) return false;
  return (await findLiveEmailToken(ctx.db, hashToken(token), 'reset_password', ctx.clock.now())) !== null;
}

/**
 * Sets a new password with a one-time reset link. Every session of the user ends (whoever else was logged in is
 * out), every other open reset link stops working, and the email counts as confirmed: the link proved the mailbox.
 * False when the link is unknown, used or expired.
 */
export async function resetPassword(ctx: ServiceContext, token: string, newPassword: string): Promise<boolean> {
  if (!token || token.length > 200) return false;
  const passwordHash = await hashPassword(newPassword);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const userId = await consumeEmailToken(tx, hashToken(token), 'reset_password', now);
    if (!userId) return false;
    await updatePasswordHash(tx, userId, passwordHash, now);
    await useUpEmailTokensOfUser(tx, userId, 'reset_password', now);
    await markEmailVerified(tx, userId, now);
    await deleteSessionsOfUser(tx, userId);
    await recordAudit(tx, ctx.clock, { actorUserId: userId, action: 'account.password_reset', subjectType: 'user', subjectId: userId, requestId: ctx.requestId });
    return true;
  });
}

/**
 * Changes the actor's password after checking the current one. Ends every session of the user, this one too:
 * the caller starts a fresh session for the browser that made the change. 'current_wrong' when the check fails.
 */
export async function changePassword(ctx: ServiceContext, input: ChangePasswordInput): Promise<'changed' | 'current_wrong'> {
  const actor = requireActor(ctx.actor);
  const now = ctx.clock.now();
  await enforceRateLimit(ctx.db, ACCOUNT_RATE_LIMITS.passwordChangePerUser, actor.id, now);
  const account = await findAccountById(ctx.db, actor.id);
  if (!account || !(await passwordMatches(account, input.currentPassword))) return 'current_wrong';
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await updatePasswordHash(tx, actor.id, passwordHash, now);
    await useUpEmailTokensOfUser(tx, actor.id, 'reset_password', now);
    await deleteSessionsOfUser(tx, actor.id);
    await recordAudit(tx, ctx.clock, { actorUserId: actor.id, action: 'account.password_changed', subjectType: 'user', subjectId: actor.id, requestId: ctx.requestId });
  });
  return 'changed';
}
