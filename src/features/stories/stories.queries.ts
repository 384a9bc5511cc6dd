import { and, count, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { organisations } from '../directory/directory.schema.ts';
import { stories, storyImages, storyOrganisations } from './stories.schema.ts';

export type StoryRow = typeof stories.$inferSelect;
export type StoryValues = typeof stories.$inferInsert;
export type LinkedOrganisation = { id: string; slug: string; name: string; status: string };
/** What lists, the home page, profiles and the feed show of a story. */
export type StorySummary = Pick<StoryRow, 'id' | 'slug' | 'kind' | 'title' | 'lead' | 'themeSlugs' | 'hasImage' | 'imageAlt' | 'publishedAt' | 'updatedAt' | 'isDemo'>;

const summaryColumns = {
  id: stories.id,
  slug: stories.slug,
  kind: stories.kind,
  title: stories.title,
  lead: stories.lead,
  themeSlugs: stories.themeSlugs,
  hasImage: stories.hasImage,
  imageAlt: stories.imageAlt,
  publishedAt: stories.publishedAt,
  updatedAt: stories.updatedAt,
  isDemo: stories.isDemo,
};

const published = eq(stories.status, 'published');
const withTheme = (theme?: string) => (theme ? and(published, sql`${stories.themeSlugs} @> array[${theme}]::text[]`) : published);

/** One page of published stories, newest first, and how many there are. */
export async function listPublished(db: DbOrTx, p: { theme?: string; limit: number; offset: number }): Promise<{ rows: StorySummary[]; total: number }> {
  const where = withTheme(p.theme);
  const [rows, [{ total }]] = await Promise.all([
    db.select(summaryColumns).from(stories).where(where).orderBy(desc(stories.publishedAt), desc(stories.id)).limit(p.limit).offset(p.offset),
    db.select({ total: count() }).from(stories).where(where),
  ]);
  return { rows, total };
}

/** Published stories linked to an organisation, newest first. */
export async function publishedForOrganisation(db: DbOrTx, organisationId: string, limit: number): Promise<StorySummary[]> {
  return db
    .select(summaryColumns)
    .from(stories)
    .innerJoin(storyOrganisations, eq(storyOrganisations.storyId, stories.id))
    .where(and(published, eq(storyOrganisations.organisationId, organisationId)))
    .orderBy(desc(stories.publishedAt), desc(stories.id))
    .limit(limit);
}

/** Every story for the coordinator, drafts first, then newest. */
export async function listAll(db: DbOrTx, p: { limit: number; offset: number }) {
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ ...summaryColumns, status: stories.status })
      .from(stories)
      .orderBy(sql`${stories.status} = 'published'`, desc(stories.updatedAt), desc(stories.id))
      .limit(p.limit)
      .offset(p.offset),
    db.select({ total: count() }).from(stories),
  ]);
  return { rows, total };
}

/** The Markdown bodies of some stories (for the Atom feed's content), by id. */
export async function bodiesOf(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: stories.id, body: stories.body }).from(stories).where(inArray(stories.id, ids));
  return new Map(rows.map((r) => [r.id, r.body]));
}

export async function findBySlug(db: DbOrTx, slug: string): Promise<StoryRow | null> {
  const [row] = await db.select().from(stories).where(eq(stories.slug, slug)).limit(1);
  return row ?? null;
}

export async function findById(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}): Promise<StoryRow | null> {
  const query = db.select().from(stories).where(eq(stories.id, id)).limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** The organisations linked to a story, in name order; `publishedOnly` for the public page. */
export async function linkedOrganisations(db: DbOrTx, storyId: string, publishedOnly: boolean): Promise<LinkedOrganisation[]> {
  const where = publishedOnly ? and(eq(storyOrganisations.storyId, storyId), eq(organisations.status, 'published')) : eq(storyOrganisations.storyId, storyId);
  return db
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name, status: organisations.status })
    .from(storyOrganisations)
    .innerJoin(organisations, eq(organisations.id, storyOrganisations.organisationId))
    .where(where)
    .orderBy(organisations.name);
}

export async function organisationsBySlugs(db: DbOrTx, slugs: string[]): Promise<Array<{ id: string; slug: string }>> {
  if (slugs.length === 0) return [];
  return db.select({ id: organisations.id, slug: organisations.slug }).from(organisations).where(inArray(organisations.slug, slugs));
}

export async function findSlugsLike(db: DbOrTx, base: string): Promise<string[]> {
  const rows = await db
    .select({ slug: stories.slug })
    .from(stories)
    .where(or(eq(stories.slug, base), like(stories.slug, `${base}-%`)));
  return rows.map((r) => r.slug);
}

export async function insertStory(tx: DbOrTx, values: StoryValues): Promise<StoryRow> {
  const [row] = await tx.insert(stories).values(values).returning();
  return row;
}

export async function updateStory(tx: DbOrTx, id: string, values: Partial<StoryValues>): Promise<void> {
  await tx.update(stories).set(values).where(eq(stories.id, id));
}

export async function deleteStory(tx: DbOrTx, id: string): Promise<void> {
  await tx.delete(stories).where(eq(stories.id, id));
}

export async function replaceLinks(tx: DbOrTx, storyId: string, organisationIds: string[]): Promise<void> {
  await tx.delete(storyOrganisations).where(eq(storyOrganisations.storyId, storyId));
  if (organisationIds.length) await tx.insert(storyOrganisations).values(organisationIds.map((organisationId) => ({ storyId, organisationId })));
}

export async function upsertImage(tx: DbOrTx, storyId: string, contentType: string, bytes: Buffer, now: Date): Promise<void> {
  await tx
    .insert(storyImages)
    .values({ storyId, contentType, bytes, updatedAt: now })
    .onConflictDoUpdate({ target: storyImages.storyId, set: { contentType, bytes, updatedAt: now } });
}

export async function deleteImage(tx: DbOrTx, storyId: string): Promise<number> {
  const rows = await tx.delete(storyImages).where(eq(storyImages.storyId, storyId)).returning({ id: storyImages.storyId });
  return rows.length;
}

export async function findImage(db: DbOrTx, storyId: string) {
  const [row] = await db.select().from(storyImages).where(eq(storyImages.storyId, storyId)).limit(1);
  return row ?? null;
}
