import { and, asc, count, desc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../accounts/accounts.schema.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { organisationClaims, organisations } from '../directory/directory.schema.ts';

export type ClaimRow = typeof organisationClaims.$inferSelect;

/** Published profiles edited after the coordinator last looked at them. */
const changedSinceReview = and(
  eq(organisations.status, 'published'),
  gt(organisations.updatedAt, sql`coalesce(${organisations.reviewedAt}, ${organisations.publishedAt}, '-infinity'::timestamptz)`),
);

/** Profiles waiting for review, oldest submission first. */
export async function listInReview(db: DbOrTx, limit: number, offset: number) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kvkNumber: organisations.kvkNumber,
      municipalitySlug: organisations.municipalitySlug,
      submittedAt: organisations.submittedAt,
    })
    .from(organisations)
    .where(eq(organisations.status, 'in_review'))
    .orderBy(sql`${organisations.submittedAt} asc nulls first`, asc(organisations.id))
    .limit(limit)
    .offset(offset);
}

export async function countInReview(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organisations).where(eq(organisations.status, 'in_review'));
  return row.n;
}

export async function listRecentlyChanged(db: DbOrTx, limit: number, offset: number) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      municipalitySlug: organisations.municipalitySlug,
      updatedAt: organisations.updatedAt,
      reviewedAt: organisations.reviewedAt,
    })
    .from(organisations)
    .where(changedSinceReview)
    .orderBy(desc(organisations.updatedAt), asc(organisations.id))
    .limit(limit)
    .offset(offset);
}

export async function countRecentlyChanged(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organisations).where(changedSinceReview);
  return row.n;
}

/** Pending claims, oldest first, with what the coordinator needs to judge them. */
export async function listPendingClaims(db: DbOrTx, limit: number, offset: number) {
  return db
    .select({
      id: organisationClaims.id,
      createdAt: organisationClaims.createdAt,
      organisationId: organisations.id,
      organisationName: organisations.name,
      kvkNumber: organisations.kvkNumber,
      claimantName: users.name,
    })
    .from(organisationClaims)
    .innerJoin(organisations, eq(organisations.id, organisationClaims.organisationId))
    .innerJoin(users, eq(users.id, organisationClaims.userId))
    .where(eq(organisationClaims.status, 'pending'))
    .orderBy(asc(organisationClaims.createdAt), asc(organisationClaims.id))
    .limit(limit)
    .offset(offset);
}

export async function countPendingClaims(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organisationClaims).where(eq(organisationClaims.status, 'pending'));
  return row.n;
}

/** One claim with its organisation and claimant, for the decision page. */
export async function findClaimDetails(db: DbOrTx, id: string) {
  const rows = await db
    .select({
      claim: organisationClaims,
      organisationName: organisations.name,
      organisationStatus: organisations.status,
      kvkNumber: organisations.kvkNumber,
      claimantName: users.name,
      claimantEmail: users.email,
    })
    .from(organisationClaims)
    .innerJoin(organisations, eq(organisations.id, organisationClaims.organisationId))
    .innerJoin(users, eq(users.id, organisationClaims.userId))
    .where(eq(organisationClaims.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** Locks a claim row for a decision, so two coordinators cannot both decide it. */
export async function lockClaim(tx: DbOrTx, id: string): Promise<ClaimRow | null> {
  const rows = await tx.select().from(organisationClaims).where(eq(organisationClaims.id, id)).limit(1).for('update');
  return rows[0] ?? null;
}

/** Decides a claim only while it is pending; returns the number of rows changed (0 or 1). */
export async function decideClaimIfPending(
  tx: DbOrTx,
  id: string,
  values: { status: 'approved' | 'rejected'; decidedBy: string; decidedAt: Date; decisionReason: string | null },
): Promise<number> {
  const rows = await tx
    .update(organisationClaims)
    .set(values)
    .where(and(eq(organisationClaims.id, id), eq(organisationClaims.status, 'pending')))
    .returning({ id: organisationClaims.id });
  return rows.length;
}

/** The form fields members changed since `since`, read from the audit log (which records field names only). */
export async function changedFieldsSince(db: DbOrTx, organisationId: string, since: Date | null): Promise<string[]> {
  const rows = await db
    .select({ fields: sql<string[] | null>`${auditLog.details} -> 'fields'` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.subjectType, 'organisation'),
        eq(auditLog.subjectId, organisationId),
        eq(auditLog.action, 'organisation.updated'),
        since ? gt(auditLog.at, since) : undefined,
      ),
    );
  return [...new Set(rows.flatMap((r) => (Array.isArray(r.fields) ? r.fields : [])))];
}
