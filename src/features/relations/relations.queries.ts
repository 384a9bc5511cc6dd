import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../accounts/accounts.schema.ts';
import { organisations } from '../directory/directory.schema.ts';
import { contactMoments } from './relations.schema.ts';

export async function findOrganisationBySlug(db: DbOrTx, slug: string) {
  const [row] = await db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      municipalitySlug: organisations.municipalitySlug,
      status: organisations.status,
      kvkNumber: organisations.kvkNumber,
      city: organisations.city,
      website: organisations.website,
      email: organisations.email,
      phone: organisations.phone,
      pitch: organisations.pitch,
    })
    .from(organisations)
    .where(eq(organisations.slug, slug))
    .limit(1);
  return row ?? null;
}

export type RelationsOrganisation = NonNullable<Awaited<ReturnType<typeof findOrganisationBySlug>>>;

export async function contactMomentsOf(db: DbOrTx, organisationId: string, limit = 100) {
  return db
    .select({
      id: contactMoments.id,
      kind: contactMoments.kind,
      happenedOn: contactMoments.happenedOn,
      note: contactMoments.note,
      authorName: users.name,
      createdAt: contactMoments.createdAt,
    })
    .from(contactMoments)
    .leftJoin(users, eq(users.id, contactMoments.authorUserId))
    .where(eq(contactMoments.organisationId, organisationId))
    .orderBy(desc(contactMoments.happenedOn), desc(contactMoments.createdAt))
    .limit(limit);
}

export type ContactMomentItem = Awaited<ReturnType<typeof contactMomentsOf>>[number];

export async function insertContactMoment(db: DbOrTx, values: typeof contactMoments.$inferInsert): Promise<string> {
  const [row] = await db.insert(contactMoments).values(values).returning({ id: contactMoments.id });
  return row.id;
}

type ListFilter = { municipalities: string[] | null; q: string };

function listCondition(filter: ListFilter): SQL | undefined {
  const where: SQL[] = [];
  if (filter.municipalities) where.push(inArray(organisations.municipalitySlug, filter.municipalities.length ? filter.municipalities : ['']));
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(sql`(${organisations.searchName} like ir_unaccent(${pattern}) or ${organisations.kvkNumber} = ${filter.q})`);
  }
  return where.length ? and(...where) : undefined;
}

export async function countOrganisationsInScope(db: DbOrTx, filter: ListFilter): Promise<number> {
  const [row] = await db.select({ total: sql<number>`count(*)::int` }).from(organisations).where(listCondition(filter));
  return row?.total ?? 0;
}

/** Organisations in the municipalities (all when null) whose name (or KvK number) matches, by name, with the last contact day. */
export async function organisationsInScope(db: DbOrTx, filter: ListFilter, limit: number, offset: number) {
  return db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      municipalitySlug: organisations.municipalitySlug,
      status: organisations.status,
      // Written out: drizzle leaves column names unqualified inside sql``, which a correlated subquery cannot have.
      lastContactOn: sql<string | null>`(select max(cm.happened_on)::text from contact_moments cm where cm.organisation_id = "organisations"."id")`,
    })
    .from(organisations)
    .where(listCondition(filter))
    .orderBy(asc(organisations.searchName), asc(organisations.id))
    .limit(limit)
    .offset(offset);
}

export type OrganisationListItem = Awaited<ReturnType<typeof organisationsInScope>>[number];
