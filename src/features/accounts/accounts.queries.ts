import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Role } from '../../data/reference.ts';
import { emailTokens, roleAssignments, users } from './accounts.schema.ts';

export type EmailTokenPurpose = 'verify_email' | 'reset_password';

const accountColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  passwordHash: users.passwordHash,
  emailVerifiedAt: users.emailVerifiedAt,
  preferredLanguage: users.preferredLanguage,
  disabledAt: users.disabledAt,
  isDemo: users.isDemo,
};

export type AccountRow = {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  emailVerifiedAt: Date | null;
  preferredLanguage: string;
  disabledAt: Date | null;
  isDemo: boolean;
};

export async function findAccountByEmail(db: DbOrTx, email: string): Promise<AccountRow | null> {
  const rows = await db.select(accountColumns).from(users).where(eq(users.email, email)).limit(1);
  return rows[0] ?? null;
}

export async function findAccountById(db: DbOrTx, id: string): Promise<AccountRow | null> {
  const rows = await db.select(accountColumns).from(users).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Inserts a user; null when the email is taken (also when a concurrent registration won the race). */
export async function insertAccount(
  db: DbOrTx,
  v: { email: string; name: string; passwordHash: string; preferredLanguage: string; now: Date },
): Promise<string | null> {
  const rows = await db
    .insert(users)
    .values({ email: v.email, name: v.name, passwordHash: v.passwordHash, preferredLanguage: v.preferredLanguage, createdAt: v.now, updatedAt: v.now })
    .onConflictDoNothing()
    .returning({ id: users.id });
  return rows[0]?.id ?? null;
}

export async function insertRoleAssignment(db: DbOrTx, userId: string, role: Role, municipalitySlug: string | null = null): Promise<void> {
  await db.insert(roleAssignments).values({ userId, role, municipalitySlug }).onConflictDoNothing();
}

export async function insertEmailToken(
  db: DbOrTx,
  v: { tokenHash: string; userId: string; purpose: EmailTokenPurpose; now: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(emailTokens).values({ tokenHash: v.tokenHash, userId: v.userId, purpose: v.purpose, createdAt: v.now, expiresAt: v.expiresAt });
}

const liveToken = (tokenHash: string, purpose: EmailTokenPurpose, now: Date) =>
  and(eq(emailTokens.tokenHash, tokenHash), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, now));

/** The user of an unused, unexpired token, without using it up. */
export async function findLiveEmailToken(db: DbOrTx, tokenHash: string, purpose: EmailTokenPurpose, now: Date): Promise<string | null> {
  const rows = await db.select({ userId: emailTokens.userId }).from(emailTokens).where(liveToken(tokenHash, purpose, now)).limit(1);
  return rows[0]?.userId ?? null;
}

/** Uses a token up in one statement, so two simultaneous clicks cannot both succeed; returns its user or null. */
export async function consumeEmailToken(db: DbOrTx, tokenHash: string, purpose: EmailTokenPurpose, now: Date): Promise<string | null> {
  const rows = await db.update(emailTokens).set({ usedAt: now }).where(liveToken(tokenHash, purpose, now)).returning({ userId: emailTokens.userId });
  return rows[0]?.userId ?? null;
}

/** Marks every open token of a purpose as used: after a reset, older reset links must stop working. */
export async function useUpEmailTokensOfUser(db: DbOrTx, userId: string, purpose: EmailTokenPurpose, now: Date): Promise<void> {
  await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
}

export async function markEmailVerified(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)));
}

export async function updatePasswordHash(db: DbOrTx, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId));
}

export async function updateAccountName(db: DbOrTx, userId: string, name: string, now: Date): Promise<void> {
  await db.update(users).set({ name, updatedAt: now }).where(eq(users.id, userId));
}
