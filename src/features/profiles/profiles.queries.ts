import { and, asc, desc, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../accounts/accounts.schema.ts';
import {
  memberships,
  organisationCertifications,
  organisationClaims,
  organisationLogos,
  organisations,
  publishConsents,
} from '../directory/directory.schema.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type OrganisationValues = Omit<typeof organisations.$inferInsert, 'id' | 'searchVector'>;
export type CertificationRow = typeof organisationCertifications.$inferSelect;

export async function findOrganisationById(db: DbOrTx, id: string): Promise<OrganisationRow | null> {
  const rows = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Locks the row for the rest of the transaction, so two decisions or edits on one organisation queue up. */
export async function lockOrganisation(tx: DbOrTx, id: string): Promise<OrganisationRow | null> {
  const rows = await tx.select().from(organisations).where(eq(organisations.id, id)).limit(1).for('update');
  return rows[0] ?? null;
}

export async function findOrganisationByKvk(db: DbOrTx, kvkNumber: string) {
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, status: organisations.status, slug: organisations.slug })
    .from(organisations)
    .where(eq(organisations.kvkNumber, kvkNumber))
    .limit(1);
  return rows[0] ?? null;
}

/** Slugs equal to `base` or `base-<n>`, to pick the next free one. */
export async function findSlugsLike(db: DbOrTx, base: string): Promise<string[]> {
  const rows = await db
    .select({ slug: organisations.slug })
    .from(organisations)
    .where(or(eq(organisations.slug, base), like(organisations.slug, `${base}-%`)));
  return rows.map((r) => r.slug);
}

export async function insertOrganisation(tx: DbOrTx, values: OrganisationValues): Promise<OrganisationRow> {
  const [row] = await tx.insert(organisations).values(values).returning();
  return row;
}

export async function updateOrganisation(tx: DbOrTx, id: string, values: Partial<OrganisationValues>): Promise<void> {
  await tx.update(organisations).set(values).where(eq(organisations.id, id));
}

/** Changes the status only when it is still `from`; returns how many rows changed (0 or 1). */
export async function updateOrganisationIfStatus(
  tx: DbOrTx,
  id: string,
  from: OrganisationRow['status'][],
  values: Partial<OrganisationValues>,
): Promise<number> {
  const rows = await tx
    .update(organisations)
    .set(values)
    .where(and(eq(organisations.id, id), inArray(organisations.status, from)))
    .returning({ id: organisations.id });
  return rows.length;
}

export async function findMembershipRole(db: DbOrTx, userId: string, organisationId: string): Promise<'owner' | 'member' | null> {
  const rows = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)))
    .limit(1);
  return rows[0]?.role ?? null;
}

export async function insertMembership(tx: DbOrTx, values: typeof memberships.$inferInsert): Promise<void> {
  await tx.insert(memberships).values(values).onConflictDoNothing();
}

/** The organisations a user belongs to, newest change first. */
export async function listOrganisationsOfUser(db: DbOrTx, userId: string) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      slug: organisations.slug,
      status: organisations.status,
      rejectionReason: organisations.rejectionReason,
      hasLogo: organisations.hasLogo,
      updatedAt: organisations.updatedAt,
      publishedAt: organisations.publishedAt,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(desc(organisations.updatedAt), asc(organisations.name));
}

/** Who a decision mail goes to: address, name and language. */
const contactColumns = { userId: users.id, email: users.email, name: users.name, language: users.preferredLanguage };

/** The owners' addresses and languages, for decision mails. */
export async function listOwnerContacts(db: DbOrTx, organisationId: string) {
  return db
    .select(contactColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'owner'), isNull(users.disabledAt)))
    .orderBy(asc(users.email));
}

/** One user's address, name and language, for a decision mail (the claimant's). */
export async function findUserContact(db: DbOrTx, userId: string) {
  const rows = await db.select(contactColumns).from(users).where(eq(users.id, userId)).limit(1);
  return rows[0] ?? null;
}

export async function listMembers(db: DbOrTx, organisationId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(memberships.role), asc(users.name));
}

export async function listCertifications(db: DbOrTx, organisationId: string): Promise<CertificationRow[]> {
  return db.select().from(organisationCertifications).where(eq(organisationCertifications.organisationId, organisationId)).orderBy(asc(organisationCertifications.code));
}

/**
 * Makes the organisation's certifications exactly `wanted`, keeping the verified flag of a certification that did
 * not change, and writes the same codes to organisations.certification_codes (the directory filters on that column).
 */
export async function replaceCertifications(
  tx: DbOrTx,
  organisationId: string,
  wanted: Array<{ code: string; otherName: string | null }>,
): Promise<void> {
  const current = await listCertifications(tx, organisationId);
  const wantedCodes = wanted.map((w) => w.code);
  const gone = current.filter((c) => !wantedCodes.includes(c.code)).map((c) => c.code);
  if (gone.length) {
    await tx
      .delete(organisationCertifications)
      .where(and(eq(organisationCertifications.organisationId, organisationId), inArray(organisationCertifications.code, gone)));
  }
  for (const w of wanted) {
    const existing = current.find((c) => c.code === w.code);
    if (!existing) {
      await tx.insert(organisationCertifications).values({ organisationId, code: w.code, otherName: w.otherName });
    } else if ((existing.otherName ?? null) !== w.otherName) {
      // A different "other" certificate is a new claim: its verification no longer holds.
      await tx
        .update(organisationCertifications)
        .set({ otherName: w.otherName, verified: false, verifiedBy: null, verifiedAt: null })
        .where(and(eq(organisationCertifications.organisationId, organisationId), eq(organisationCertifications.code, w.code)));
    }
  }
  await syncCertificationCodes(tx, organisationId);
}

/** organisations.certification_codes mirrors organisation_certifications; call in the same transaction as any change. */
export async function syncCertificationCodes(tx: DbOrTx, organisationId: string): Promise<void> {
  await tx.execute(sql`
    update ${organisations}
       set certification_codes = coalesce(
             (select array_agg(code order by code) from ${organisationCertifications} where organisation_id = ${organisationId}),
             '{}'::text[])
     where id = ${organisationId}`);
}

export async function setCertificationVerified(
  tx: DbOrTx,
  organisationId: string,
  code: string,
  verified: { by: string; at: Date } | null,
): Promise<number> {
  const rows = await tx
    .update(organisationCertifications)
    .set(verified ? { verified: true, verifiedBy: verified.by, verifiedAt: verified.at } : { verified: false, verifiedBy: null, verifiedAt: null })
    .where(and(eq(organisationCertifications.organisationId, organisationId), eq(organisationCertifications.code, code)))
    .returning({ code: organisationCertifications.code });
  return rows.length;
}

/** The consent that currently allows publication: not withdrawn and for the current text version. */
export async function findCurrentConsent(db: DbOrTx, organisationId: string, textVersion: string) {
  const rows = await db
    .select()
    .from(publishConsents)
    .where(and(eq(publishConsents.organisationId, organisationId), eq(publishConsents.textVersion, textVersion), isNull(publishConsents.withdrawnAt)))
    .orderBy(desc(publishConsents.givenAt))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertConsent(tx: DbOrTx, values: typeof publishConsents.$inferInsert) {
  const [row] = await tx.insert(publishConsents).values(values).returning();
  return row;
}

/** Withdraws every open consent of the organisation; returns how many were open. */
export async function withdrawConsents(tx: DbOrTx, organisationId: string, at: Date): Promise<number> {
  const rows = await tx
    .update(publishConsents)
    .set({ withdrawnAt: at })
    .where(and(eq(publishConsents.organisationId, organisationId), isNull(publishConsents.withdrawnAt)))
    .returning({ id: publishConsents.id });
  return rows.length;
}

export async function findLogo(db: DbOrTx, organisationId: string) {
  const rows = await db.select().from(organisationLogos).where(eq(organisationLogos.organisationId, organisationId)).limit(1);
  return rows[0] ?? null;
}

export async function upsertLogo(tx: DbOrTx, organisationId: string, contentType: string, bytes: Buffer, at: Date): Promise<void> {
  await tx
    .insert(organisationLogos)
    .values({ organisationId, contentType, bytes, updatedAt: at })
    .onConflictDoUpdate({ target: organisationLogos.organisationId, set: { contentType, bytes, updatedAt: at } });
}

export async function deleteLogo(tx: DbOrTx, organisationId: string): Promise<number> {
  const rows = await tx.delete(organisationLogos).where(eq(organisationLogos.organisationId, organisationId)).returning({ id: organisationLogos.organisationId });
  return rows.length;
}

export async function findPendingClaim(db: DbOrTx, organisationId: string, userId: string) {
  const rows = await db
    .select()
    .from(organisationClaims)
    .where(and(eq(organisationClaims.organisationId, organisationId), eq(organisationClaims.userId, userId), eq(organisationClaims.status, 'pending')))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertClaim(tx: DbOrTx, values: typeof organisationClaims.$inferInsert) {
  const [row] = await tx.insert(organisationClaims).values(values).returning();
  return row;
}

/** A user's claims with the organisation's name when it is public or the claim was approved. */
export async function listClaimsOfUser(db: DbOrTx, userId: string) {
  return db
    .select({
      id: organisationClaims.id,
      status: organisationClaims.status,
      createdAt: organisationClaims.createdAt,
      decidedAt: organisationClaims.decidedAt,
      decisionReason: organisationClaims.decisionReason,
      kvkNumber: organisations.kvkNumber,
      organisationName: organisations.name,
      organisationStatus: organisations.status,
    })
    .from(organisationClaims)
    .innerJoin(organisations, eq(organisations.id, organisationClaims.organisationId))
    .where(eq(organisationClaims.userId, userId))
    .orderBy(desc(organisationClaims.createdAt));
}
