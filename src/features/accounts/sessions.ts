import { and, eq, gt, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Role } from '../../data/reference.ts';
import { hashToken, randomToken } from '../../lib/ids.ts';
import type { CurrentUser } from '../../web/types.ts';
import { roleAssignments, sessions, users } from './accounts.schema.ts';

export const SESSION_COOKIE = 'sid';
export const SESSION_TTL_MS = 14 * 24 * 3600_000;

/** Creates a session and returns the raw id for the cookie; only its hash is stored. */
export async function createSession(db: DbOrTx, userId: string, now: Date): Promise<string> {
  const id = randomToken(32);
  await db.insert(sessions).values({ idHash: hashToken(id), userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) });
  return id;
}

export async function deleteSession(db: DbOrTx, rawId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, hashToken(rawId)));
}

export async function deleteSessionsOfUser(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

/** The user behind a live session, with roles; null for an unknown, expired or disabled one. */
export async function findUserBySession(db: DbOrTx, rawId: string, now: Date): Promise<CurrentUser | null> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      emailVerifiedAt: users.emailVerifiedAt,
      disabledAt: users.disabledAt,
      isDemo: users.isDemo,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, hashToken(rawId)), gt(sessions.expiresAt, now)))
    .limit(1);
  const u = rows[0];
  if (!u || u.disabledAt) return null;
  return loadCurrentUser(db, u);
}

/** Builds the CurrentUser with its role assignments. */
export async function loadCurrentUser(
  db: DbOrTx,
  u: { id: string; email: string; name: string; emailVerifiedAt: Date | null; isDemo: boolean },
): Promise<CurrentUser> {
  const roles = await db
    .select({ role: roleAssignments.role, municipalitySlug: roleAssignments.municipalitySlug })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, u.id));
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    emailVerified: u.emailVerifiedAt !== null,
    isDemo: u.isDemo,
    roles: roles.map((r) => ({ role: r.role as Role, municipalitySlug: r.municipalitySlug })),
  };
}
