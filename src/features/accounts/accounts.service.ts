import { hash, verify } from '@node-rs/argon2';
import type { DbOrTx } from '../../db/client.ts';
import { hashToken, randomToken } from '../../lib/ids.ts';
import type { ServiceContext } from '../../web/types.ts';
import type { Lang } from '../../web/i18n/i18n.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { alreadyRegisteredMail, verifyEmailMail } from './accounts.mails.ts';
import {
  consumeEmailToken,
  findAccountByEmail,
  insertAccount,
  insertEmailToken,
  insertRoleAssignment,
  markEmailVerified,
  updateAccountName,
  type AccountRow,
} from './accounts.queries.ts';
import type { LoginInput, RegisterInput } from './accounts.validation.ts';
import { requireActor } from './permissions.ts';
import { ACCOUNT_RATE_LIMITS, enforceRateLimit, hitRateLimit } from './rate-limit.ts';

export const VERIFY_TOKEN_TTL_MS = 48 * 3600_000;

/** argon2id with the library defaults (m=19 MiB, t=2, p=1: the OWASP baseline). */
export const hashPassword = (password: string): Promise<string> => hash(password);

let dummyHash: Promise<string> | null = null;
/** Checks a password; with no account a dummy hash is checked, so a known and an unknown email take as long. */
export async function passwordMatches(account: Pick<AccountRow, 'passwordHash'> | null, password: string): Promise<boolean> {
  if (!account) {
    await verify(await (dummyHash ??= hash('dummy password for timing only')), password).catch(() => false);
    return false;
  }
  return verify(account.passwordHash, password).catch(() => false);
}

/** Where the visitor's request came from, for rate limits and the language of new accounts. */
export type RequestMeta = { ip: string; lang: Lang };

async function queueVerification(ctx: ServiceContext, tx: DbOrTx, account: { id: string; email: string; preferredLanguage: string }) {
  const token = randomToken(32);
  const now = ctx.clock.now();
  await insertEmailToken(tx, { tokenHash: hashToken(token), userId: account.id, purpose: 'verify_email', now, expiresAt: new Date(now.getTime() + VERIFY_TOKEN_TTL_MS) });
  await ctx.mailer.queue(tx, verifyEmailMail(account.preferredLanguage, account.email, { link: `${ctx.config.publicUrl}/e-mail-bevestigen/${token}` }));
}

/**
 * Registers an entrepreneur account and mails a verification link. For an email that already has an account the
 * owner gets a notice instead; the caller sees the same outcome either way, so nobody learns who has an account.
 */
export async function registerAccount(ctx: ServiceContext, input: RegisterInput, meta: RequestMeta): Promise<void> {
  const now = ctx.clock.now();
  await enforceRateLimit(ctx.db, ACCOUNT_RATE_LIMITS.registerPerIp, meta.ip, now);
  await enforceRateLimit(ctx.db, ACCOUNT_RATE_LIMITS.registerPerEmail, input.email, now);
  // Hash before looking: a known email must not answer faster than an unknown one.
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    const id = await insertAccount(tx, { email: input.email, name: input.name, passwordHash, preferredLanguage: meta.lang, now });
    if (id === null) {
      const existing = await findAccountByEmail(tx, input.email);
      if (!existing) return;
      await ctx.mailer.queue(
        tx,
        alreadyRegisteredMail(existing.preferredLanguage, existing.email, {
          loginLink: `${ctx.config.publicUrl}/inloggen`,
          resetLink: `${ctx.config.publicUrl}/wachtwoord-vergeten`,
        }),
      );
      return;
    }
    await insertRoleAssignment(tx, id, 'entrepreneur');
    await queueVerification(ctx, tx, { id, email: input.email, preferredLanguage: meta.lang });
    await recordAudit(tx, ctx.clock, { actorUserId: id, action: 'account.registered', subjectType: 'user', subjectId: id, requestId: ctx.requestId });
  });
}

/** Confirms an email address with a one-time link; false when the link is unknown, used or expired. */
export async function verifyEmail(ctx: ServiceContext, token: string): Promise<boolean> {
  if (!token || token.length > 200) return false;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const userId = await consumeEmailToken(tx, hashToken(token), 'verify_email', now);
    if (!userId) return false;
    await markEmailVerified(tx, userId, now);
    await recordAudit(tx, ctx.clock, { actorUserId: userId, action: 'account.email_verified', subjectType: 'user', subjectId: userId, requestId: ctx.requestId });
    return true;
  });
}

export type LoginOutcome = { kind: 'ok'; userId: string } | { kind: 'unverified' } | { kind: 'failed' };

/**
 * Checks email and password. An account whose email is not yet confirmed cannot log in: with the right password
 * it gets a fresh verification link (a few per hour at most) and the answer 'unverified'. A wrong password never
 * reveals whether the email is known.
 */
export async function authenticate(ctx: ServiceContext, input: LoginInput, meta: RequestMeta): Promise<LoginOutcome> {
  const now = ctx.clock.now();
  await enforceRateLimit(ctx.db, ACCOUNT_RATE_LIMITS.loginPerIp, meta.ip, now);
  await enforceRateLimit(ctx.db, ACCOUNT_RATE_LIMITS.loginPerEmail, input.email, now);
  const account = await findAccountByEmail(ctx.db, input.email);
  const ok = await passwordMatches(account, input.password);
  if (!account || !ok || account.disabledAt) return { kind: 'failed' };
  if (!account.emailVerifiedAt) {
    const resend = await hitRateLimit(ctx.db, ACCOUNT_RATE_LIMITS.verifyResendPerUser, account.id, now);
    if (resend.allowed) await ctx.db.transaction((tx) => queueVerification(ctx, tx, account));
    return { kind: 'unverified' };
  }
  return { kind: 'ok', userId: account.id };
}

/** Changes the actor's display name. */
export async function changeName(ctx: ServiceContext, name: string): Promise<void> {
  const actor = requireActor(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    await updateAccountName(tx, actor.id, name, ctx.clock.now());
    await recordAudit(tx, ctx.clock, { actorUserId: actor.id, action: 'account.name_changed', subjectType: 'user', subjectId: actor.id, requestId: ctx.requestId });
  });
}
