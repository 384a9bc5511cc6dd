import { hash } from '@node-rs/argon2';
import type { Role } from '../../src/data/reference.ts';
import type { Db } from '../../src/db/client.ts';
import { roleAssignments, users } from '../../src/features/accounts/accounts.schema.ts';
import { createSession, loadCurrentUser, SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { memberships, organisations } from '../../src/features/directory/directory.schema.ts';
import type { CurrentUser } from '../../src/web/types.ts';
import type { TestClient } from './client.ts';

let seq = 0;
const next = () => `${process.pid}-${++seq}`;

export const FACTORY_PASSWORD = 'correct horse battery staple';
let cachedHash: Promise<string> | null = null;
/** Hashing is slow on purpose; every factory user shares one hash of FACTORY_PASSWORD. */
const passwordHash = () => (cachedHash ??= hash(FACTORY_PASSWORD));

export type UserOptions = {
  email?: string;
  name?: string;
  verified?: boolean;
  roles?: Array<Role | { role: Role; municipality?: string }>;
};

/** Inserts a user (verified by default) with roles; returns the CurrentUser the app would see. */
export async function createUser(db: Db, options: UserOptions = {}): Promise<CurrentUser> {
  const n = next();
  const [u] = await db
    .insert(users)
    .values({
      email: (options.email ?? `user-${n}@example.org`).toLowerCase(),
      name: options.name ?? `Test Gebruiker ${n}`,
      passwordHash: await passwordHash(),
      emailVerifiedAt: options.verified === false ? null : new Date('2026-01-01T00:00:00Z'),
    })
    .returning();
  const roles = (options.roles ?? []).map((r) => (typeof r === 'string' ? { role: r, municipality: undefined } : r));
  if (roles.length) {
    await db.insert(roleAssignments).values(roles.map((r) => ({ userId: u.id, role: r.role, municipalitySlug: r.municipality ?? null })));
  }
  return loadCurrentUser(db, u);
}

/** Logs the client in as the user by giving it a real session cookie. */
export async function loginAs(db: Db, client: TestClient, user: { id: string }, now = new Date()): Promise<void> {
  const id = await createSession(db, user.id, now);
  client.cookies.set(SESSION_COOKIE, id);
}

export type OrganisationOptions = Partial<typeof organisations.$inferInsert> & { ownerId?: string };

/** Inserts an organisation (published by default) and, with ownerId, its owner membership. */
export async function createOrganisation(db: Db, options: OrganisationOptions = {}) {
  const n = next();
  const { ownerId, ...values } = options;
  const [org] = await db
    .insert(organisations)
    .values({
      slug: `organisatie-${n}`,
      name: `Organisatie ${n}`,
      kvkNumber: String(10_000_000 + seq).padStart(8, '0'),
      municipalitySlug: 'emmen',
      pitch: 'Wij helpen mensen aan werk.',
      status: 'published',
      publishedAt: new Date('2026-01-01T00:00:00Z'),
      ...values,
    })
    .returning();
  if (ownerId) await db.insert(memberships).values({ userId: ownerId, organisationId: org.id, role: 'owner' });
  return org;
}
