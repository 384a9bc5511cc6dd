import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, ne, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { roleAssignments, users } from '../accounts/accounts.schema.ts';
import { memberships, organisations } from '../directory/directory.schema.ts';
import {
  supportAttachments,
  supportCaseCounters,
  supportEvents,
  supportMunicipalitySettings,
  supportRequests,
  supportRoutingRules,
  supportStandIns,
  type SupportStatus,
  type SupportTopic,
} from './support.schema.ts';

export type SupportRequestRow = typeof supportRequests.$inferSelect;
export type SupportRequestValues = typeof supportRequests.$inferInsert;
export type SupportEventRow = typeof supportEvents.$inferSelect;
export type SupportEventValues = typeof supportEvents.$inferInsert;
export type RoutingRuleRow = typeof supportRoutingRules.$inferSelect;

/** What the staff see of a request's reach: null fields mean "no limit". */
export type ScopeFilter = { all: boolean; municipalities: string[]; partnerOrganisationIds: string[] };

const assignee = alias(users, 'assignee');
const partner = alias(organisations, 'partner');

export function scopeCondition(scope: ScopeFilter): SQL {
  if (scope.all) return sql`true`;
  const parts: SQL[] = [];
  if (scope.municipalities.length) parts.push(inArray(supportRequests.municipalitySlug, scope.municipalities));
  // Same rule as reachOf (support.scope.ts): a partner reaches a request only while it is referred to it, or closed while referred.
  if (scope.partnerOrganisationIds.length) {
    parts.push(and(inArray(supportRequests.partnerOrganisationId, scope.partnerOrganisationIds), inArray(supportRequests.status, ['referred', 'closed']))!);
  }
  return parts.length ? or(...parts)! : sql`false`;
}

export const openCondition = () => notInArray(supportRequests.status, ['unconfirmed', 'closed']);

export const overdueCondition = (now: Date) =>
  and(openCondition(), isNull(supportRequests.firstRespondedAt), isNotNull(supportRequests.firstResponseDueAt), lt(supportRequests.firstResponseDueAt, now))!;

export const listColumns = {
  id: supportRequests.id,
  caseNumber: supportRequests.caseNumber,
  topic: supportRequests.topic,
  municipalitySlug: supportRequests.municipalitySlug,
  status: supportRequests.status,
  urgency: supportRequests.urgency,
  organisationId: supportRequests.organisationId,
  organisationName: organisations.name,
  requesterName: supportRequests.requesterName,
  assigneeUserId: supportRequests.assigneeUserId,
  assigneeName: assignee.name,
  partnerOrganisationId: supportRequests.partnerOrganisationId,
  partnerName: partner.name,
  createdAt: supportRequests.createdAt,
  firstResponseDueAt: supportRequests.firstResponseDueAt,
  firstRespondedAt: supportRequests.firstRespondedAt,
  closedAt: supportRequests.closedAt,
  outcome: supportRequests.outcome,
  satisfaction: supportRequests.satisfaction,
};

export type RequestListRow = {
  [K in keyof typeof listColumns]: (typeof listColumns)[K]['_']['notNull'] extends true ? (typeof listColumns)[K]['_']['data'] : (typeof listColumns)[K]['_']['data'] | null;
};

export async function countRequests(db: DbOrTx, where: SQL): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(supportRequests).where(where);
  return row?.n ?? 0;
}

export async function listRequests(db: DbOrTx, where: SQL, limit: number, offset: number): Promise<RequestListRow[]> {
  return (await db
    .select(listColumns)
    .from(supportRequests)
    .leftJoin(organisations, eq(organisations.id, supportRequests.organisationId))
    .leftJoin(assignee, eq(assignee.id, supportRequests.assigneeUserId))
    .leftJoin(partner, eq(partner.id, supportRequests.partnerOrganisationId))
    .where(where)
    .orderBy(desc(supportRequests.createdAt), desc(supportRequests.id))
    .limit(limit)
    .offset(offset)) as RequestListRow[];
}

export async function findRequest(db: DbOrTx, id: string): Promise<SupportRequestRow | null> {
  const rows = await db.select().from(supportRequests).where(eq(supportRequests.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function lockRequest(tx: DbOrTx, id: string): Promise<SupportRequestRow | null> {
  const rows = await tx.select().from(supportRequests).where(eq(supportRequests.id, id)).limit(1).for('update');
  return rows[0] ?? null;
}

export async function findRequestByIdempotencyKey(db: DbOrTx, key: string): Promise<SupportRequestRow | null> {
  const rows = await db.select().from(supportRequests).where(eq(supportRequests.idempotencyKey, key)).limit(1);
  return rows[0] ?? null;
}

export async function findRequestByConfirmToken(db: DbOrTx, tokenHash: string): Promise<SupportRequestRow | null> {
  const rows = await db.select().from(supportRequests).where(eq(supportRequests.confirmTokenHash, tokenHash)).limit(1).for('update');
  return rows[0] ?? null;
}

export async function insertRequest(tx: DbOrTx, values: SupportRequestValues): Promise<SupportRequestRow> {
  const [row] = await tx.insert(supportRequests).values(values).returning();
  return row!;
}

export async function updateRequest(tx: DbOrTx, id: string, values: Partial<SupportRequestValues>): Promise<void> {
  await tx.update(supportRequests).set(values).where(eq(supportRequests.id, id));
}

/** The next case number of a year; the row lock serialises concurrent submissions (a rolled-back one leaves a gap). */
export async function nextCaseNumber(tx: DbOrTx, year: number): Promise<number> {
  const [row] = await tx
    .insert(supportCaseCounters)
    .values({ year, lastNumber: 1 })
    .onConflictDoUpdate({ target: supportCaseCounters.year, set: { lastNumber: sql`${supportCaseCounters.lastNumber} + 1` } })
    .returning({ n: supportCaseCounters.lastNumber });
  return row!.n;
}

export async function insertEvent(tx: DbOrTx, values: SupportEventValues): Promise<void> {
  await tx.insert(supportEvents).values(values);
}

export async function listEvents(db: DbOrTx, requestId: string) {
  return db
    .select({
      id: supportEvents.id,
      at: supportEvents.at,
      kind: supportEvents.kind,
      actorUserId: supportEvents.actorUserId,
      actorName: users.name,
      fromStatus: supportEvents.fromStatus,
      toStatus: supportEvents.toStatus,
      body: supportEvents.body,
      partnerOrganisationId: supportEvents.partnerOrganisationId,
      details: supportEvents.details,
    })
    .from(supportEvents)
    .leftJoin(users, eq(users.id, supportEvents.actorUserId))
    .where(eq(supportEvents.requestId, requestId))
    .orderBy(asc(supportEvents.at), asc(supportEvents.id));
}
export type EventListRow = Awaited<ReturnType<typeof listEvents>>[number];

export async function insertAttachment(tx: DbOrTx, values: typeof supportAttachments.$inferInsert): Promise<void> {
  await tx.insert(supportAttachments).values(values);
}

export async function listAttachments(db: DbOrTx, requestId: string) {
  return db
    .select({ id: supportAttachments.id, fileName: supportAttachments.fileName, contentType: supportAttachments.contentType, sizeBytes: supportAttachments.sizeBytes })
    .from(supportAttachments)
    .where(eq(supportAttachments.requestId, requestId))
    .orderBy(asc(supportAttachments.createdAt), asc(supportAttachments.fileName));
}
export type AttachmentMeta = Awaited<ReturnType<typeof listAttachments>>[number];

export async function findAttachment(db: DbOrTx, requestId: string, attachmentId: string) {
  const rows = await db
    .select()
    .from(supportAttachments)
    .where(and(eq(supportAttachments.requestId, requestId), eq(supportAttachments.id, attachmentId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function nameOfUser(db: DbOrTx, id: string | null): Promise<string | null> {
  if (!id) return null;
  const rows = await db.select({ name: users.name }).from(users).where(eq(users.id, id)).limit(1);
  return rows[0]?.name ?? null;
}

export async function findUserContact(db: DbOrTx, id: string) {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, language: users.preferredLanguage })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.disabledAt)))
    .limit(1);
  return rows[0] ?? null;
}

/** Name and slug of an organisation (the slug leads staff to its relationship view). */
export async function organisationRef(db: DbOrTx, id: string | null): Promise<{ name: string; slug: string } | null> {
  if (!id) return null;
  const rows = await db.select({ name: organisations.name, slug: organisations.slug }).from(organisations).where(eq(organisations.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function nameOfOrganisation(db: DbOrTx, id: string | null): Promise<string | null> {
  if (!id) return null;
  const rows = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id)).limit(1);
  return rows[0]?.name ?? null;
}

/** The organisations the user is a member of that are partners. */
export async function partnerOrganisationIdsOf(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: organisations.id })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), eq(organisations.isPartner, true)));
  return rows.map((r) => r.id);
}

/** Member contacts of a partner organisation (for the referral mail). */
export async function partnerContacts(db: DbOrTx, organisationId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, language: users.preferredLanguage })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), isNull(users.disabledAt)));
}

export async function listPartnerOrganisations(db: DbOrTx) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.isPartner, true), ne(organisations.status, 'archived')))
    .orderBy(asc(organisations.name));
}

/** Active users holding `role` for the municipality (or, with null, regional holders of the role). */
export async function usersWithRole(db: DbOrTx, role: 'account_manager' | 'coordinator', municipalitySlug: string | null) {
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.role, role),
        municipalitySlug === null ? sql`true` : eq(roleAssignments.municipalitySlug, municipalitySlug),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
}

export async function openCountsOf(db: DbOrTx, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: supportRequests.assigneeUserId, n: sql<number>`count(*)::int` })
    .from(supportRequests)
    .where(and(inArray(supportRequests.assigneeUserId, userIds), openCondition()))
    .groupBy(supportRequests.assigneeUserId);
  return new Map(rows.map((r) => [r.id!, r.n]));
}

export async function standInsOf(db: DbOrTx, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.select().from(supportStandIns).where(inArray(supportStandIns.userId, userIds));
}

export async function findStandIn(db: DbOrTx, userId: string) {
  const rows = await db.select().from(supportStandIns).where(eq(supportStandIns.userId, userId)).limit(1);
  return rows[0] ?? null;
}

export async function rulesOf(db: DbOrTx, municipalitySlug: string): Promise<RoutingRuleRow[]> {
  return db.select().from(supportRoutingRules).where(eq(supportRoutingRules.municipalitySlug, municipalitySlug)).orderBy(asc(supportRoutingRules.topic));
}

export async function settingsOf(db: DbOrTx, municipalitySlug: string) {
  const rows = await db.select().from(supportMunicipalitySettings).where(eq(supportMunicipalitySettings.municipalitySlug, municipalitySlug)).limit(1);
  return rows[0] ?? null;
}

export async function setRulePointer(tx: DbOrTx, ruleId: string, userId: string): Promise<void> {
  await tx.update(supportRoutingRules).set({ lastAssignedUserId: userId }).where(eq(supportRoutingRules.id, ruleId));
}

/** Requests of a requester: by account, or (not yet attached) by their verified email. */
export async function listRequestsOfRequester(db: DbOrTx, userId: string, limit: number, offset: number) {
  return db
    .select(listColumns)
    .from(supportRequests)
    .leftJoin(organisations, eq(organisations.id, supportRequests.organisationId))
    .leftJoin(assignee, eq(assignee.id, supportRequests.assigneeUserId))
    .leftJoin(partner, eq(partner.id, supportRequests.partnerOrganisationId))
    .where(and(eq(supportRequests.requesterUserId, userId), isNull(supportRequests.anonymisedAt)))
    .orderBy(desc(supportRequests.createdAt), desc(supportRequests.id))
    .limit(limit)
    .offset(offset) as Promise<RequestListRow[]>;
}

export async function countRequestsOfRequester(db: DbOrTx, userId: string): Promise<number> {
  return countRequests(db, and(eq(supportRequests.requesterUserId, userId), isNull(supportRequests.anonymisedAt))!);
}

/** Attaches a visitor's requests (same email, no account yet) to the account that now has that verified email. */
export async function attachRequestsByEmail(tx: DbOrTx, userId: string, email: string): Promise<number> {
  const rows = await tx
    .update(supportRequests)
    .set({ requesterUserId: userId })
    // Only confirmed ones: an unconfirmed request may have been typed by someone else with this address.
    .where(and(isNull(supportRequests.requesterUserId), eq(supportRequests.requesterEmail, email), isNull(supportRequests.anonymisedAt), notUnconfirmed()))
    .returning({ id: supportRequests.id });
  return rows.length;
}

export const byStatus = (status: SupportStatus) => eq(supportRequests.status, status);
export const byTopic = (topic: SupportTopic) => eq(supportRequests.topic, topic);
export const notUnconfirmed = () => ne(supportRequests.status, 'unconfirmed');
/** Owned by the user, or by one of their partner organisations. */
export const ownedBy = (userId: string, partnerOrganisationIds: string[]) =>
  partnerOrganisationIds.length
    ? or(eq(supportRequests.assigneeUserId, userId), inArray(supportRequests.partnerOrganisationId, partnerOrganisationIds))!
    : eq(supportRequests.assigneeUserId, userId);

/** The requester's organisations (not partners) with their municipality, for the ask form. */
export async function organisationsOfRequester(db: DbOrTx, userId: string) {
  return db
    .select({ id: organisations.id, name: organisations.name, municipalitySlug: organisations.municipalitySlug })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), eq(organisations.isPartner, false), ne(organisations.status, 'archived')))
    .orderBy(asc(organisations.name));
}
