import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { slugify } from '../../lib/ids.ts';
import { pageOf } from '../../lib/paging.ts';
import type { ServiceContext } from '../../web/types.ts';
import { requireActorWithRole } from '../accounts/permissions.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isUuid, uniqueViolation } from '../profiles/profiles.service.ts';
import * as q from './stories.queries.ts';
import { processStoryImage } from './stories.image.ts';
import { STORIES_PAGE_SIZE, type StoryFilters, type StoryInput } from './stories.validation.ts';

export type { LinkedOrganisation, StoryRow, StorySummary } from './stories.queries.ts';

const notFound = () => new AppError('not_found', 'common.error.notFoundText');
/** Slugs are made by slugify (a-z, 0-9, -); anything else in a URL cannot name a story (and never reaches SQL). */
export const isSlug = (s: string): boolean => /^[a-z0-9][a-z0-9-]{0,199}$/.test(s);
const requireCoordinator = (ctx: ServiceContext) => requireActorWithRole(ctx.actor, 'coordinator');

// --- public -------------------------------------------------------------------------------------------------------

export type StoryPage = { stories: q.StorySummary[]; page: number; pages: number; total: number };

/** One page of published stories (newest first), optionally of one theme. */
export async function listPublishedStories(ctx: Pick<ServiceContext, 'db'>, filters: Pick<StoryFilters, 'thema' | 'pagina'>): Promise<StoryPage> {
  const first = await q.listPublished(ctx.db, { theme: filters.thema, limit: STORIES_PAGE_SIZE, offset: (filters.pagina - 1) * STORIES_PAGE_SIZE });
  const paging = pageOf(filters.pagina, first.total, STORIES_PAGE_SIZE);
  // A page past the end shows the last page rather than an empty one.
  const rows = paging.page === filters.pagina ? first.rows : (await q.listPublished(ctx.db, { theme: filters.thema, limit: STORIES_PAGE_SIZE, offset: paging.offset })).rows;
  return { stories: rows, page: paging.page, pages: paging.pages, total: paging.total };
}

/** The newest published stories, for the home page and the Atom feed. */
export async function latestStories(ctx: Pick<ServiceContext, 'db'>, limit: number, theme?: string): Promise<q.StorySummary[]> {
  return (await q.listPublished(ctx.db, { theme, limit, offset: 0 })).rows;
}

/** The newest published stories with their Markdown bodies, for the Atom feed. */
export async function latestStoriesWithBody(ctx: Pick<ServiceContext, 'db'>, limit: number, theme?: string): Promise<Array<q.StorySummary & { body: string }>> {
  const list = await latestStories(ctx, limit, theme);
  const bodies = await q.bodiesOf(ctx.db, list.map((s) => s.id));
  return list.map((s) => ({ ...s, body: bodies.get(s.id) ?? '' }));
}

/** Published stories about one organisation, for its public profile. */
export async function storiesAboutOrganisation(ctx: Pick<ServiceContext, 'db'>, organisationId: string, limit = 5): Promise<q.StorySummary[]> {
  return q.publishedForOrganisation(ctx.db, organisationId, limit);
}

/** A published story with the published organisations it is about; not_found for drafts and unknown slugs. */
export async function getPublishedStory(ctx: Pick<ServiceContext, 'db'>, slug: string): Promise<{ story: q.StoryRow; organisations: q.LinkedOrganisation[] }> {
  const story = isSlug(slug) ? await q.findBySlug(ctx.db, slug) : null;
  if (!story || story.status !== 'published') throw notFound();
  return { story, organisations: await q.linkedOrganisations(ctx.db, story.id, true) };
}

/** The image of a published story. */
export async function getPublishedStoryImage(ctx: Pick<ServiceContext, 'db'>, slug: string) {
  const story = isSlug(slug) ? await q.findBySlug(ctx.db, slug) : null;
  if (!story || story.status !== 'published' || !story.hasImage) throw notFound();
  const image = await q.findImage(ctx.db, story.id);
  if (!image) throw notFound();
  return image;
}

// --- coordinator ----------------------------------------------------------------------------------------------------

export async function listStoriesForStaff(ctx: ServiceContext, requestedPage: number) {
  requireCoordinator(ctx);
  const first = await q.listAll(ctx.db, { limit: STORIES_PAGE_SIZE * 2, offset: (requestedPage - 1) * STORIES_PAGE_SIZE * 2 });
  const paging = pageOf(requestedPage, first.total, STORIES_PAGE_SIZE * 2);
  const rows = paging.page === requestedPage ? first.rows : (await q.listAll(ctx.db, { limit: STORIES_PAGE_SIZE * 2, offset: paging.offset })).rows;
  return { stories: rows, page: paging.page, pages: paging.pages, total: paging.total };
}

export async function getStoryForStaff(ctx: ServiceContext, id: string): Promise<{ story: q.StoryRow; organisations: q.LinkedOrganisation[] }> {
  requireCoordinator(ctx);
  const story = isUuid(id) ? await q.findById(ctx.db, id) : null;
  if (!story) throw notFound();
  return { story, organisations: await q.linkedOrganisations(ctx.db, story.id, false) };
}

export async function getStoryImageForStaff(ctx: ServiceContext, id: string) {
  requireCoordinator(ctx);
  const image = isUuid(id) ? await q.findImage(ctx.db, id) : null;
  if (!image) throw notFound();
  return image;
}

export type SaveResult = { ok: true; story: q.StoryRow } | { ok: false; unknownOrganisations: string[] };

/** Looks up the linked organisations by slug; the slugs that match nothing are reported, nothing is saved then. */
async function resolveOrganisations(db: DbOrTx, slugs: string[]): Promise<{ ids: string[]; unknown: string[] }> {
  const found = await q.organisationsBySlugs(db, slugs);
  const bySlug = new Map(found.map((o) => [o.slug, o.id]));
  return { ids: slugs.filter((s) => bySlug.has(s)).map((s) => bySlug.get(s)!), unknown: slugs.filter((s) => !bySlug.has(s)) };
}

const columnsFrom = (input: StoryInput) => ({ title: input.title, kind: input.kind, lead: input.lead, body: input.body, themeSlugs: input.themes });

/** Creates a draft story. */
export async function createStory(ctx: ServiceContext, input: StoryInput): Promise<SaveResult> {
  const actor = requireCoordinator(ctx);
  const links = await resolveOrganisations(ctx.db, input.organisations);
  if (links.unknown.length) return { ok: false, unknownOrganisations: links.unknown };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const story = await ctx.db.transaction(async (tx) => {
        const now = ctx.clock.now();
        const base = slugify(input.title);
        const taken = new Set(await q.findSlugsLike(tx, base));
        let slug = base;
        for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
        const row = await q.insertStory(tx, { ...columnsFrom(input), slug, status: 'draft', createdByUserId: actor.id, createdAt: now, updatedAt: now });
        await q.replaceLinks(tx, row.id, links.ids);
        await recordAudit(tx, ctx.clock, { actorUserId: actor.id, action: 'story.created', subjectType: 'story', subjectId: row.id, requestId: ctx.requestId });
        return row;
      });
      return { ok: true, story };
    } catch (e) {
      if (uniqueViolation(e) === 'stories_slug_unique') continue;
      throw e;
    }
  }
  throw new AppError('conflict', 'stories.error.tryAgain');
}

/** Saves the coordinator's edits (the slug stays: links to the story keep working). */
export async function updateStory(ctx: ServiceContext, id: string, input: StoryInput): Promise<SaveResult> {
  const actor = requireCoordinator(ctx);
  if (!isUuid(id)) throw notFound();
  const links = await resolveOrganisations(ctx.db, input.organisations);
  if (links.unknown.length) return { ok: false, unknownOrganisations: links.unknown };
  return ctx.db.transaction(async (tx) => {
    const current = await q.findById(tx, id, { forUpdate: true });
    if (!current) throw notFound();
    const now = ctx.clock.now();
    await q.updateStory(tx, id, { ...columnsFrom(input), updatedAt: now });
    await q.replaceLinks(tx, id, links.ids);
    await recordAudit(tx, ctx.clock, { actorUserId: actor.id, action: 'story.updated', subjectType: 'story', subjectId: id, requestId: ctx.requestId });
    return { ok: true as const, story: { ...current, ...columnsFrom(input), updatedAt: now } };
  });
}

/** Publishes or takes offline; the first publication date is kept (the feed entry and its date stay the same). */
export async function setStoryPublished(ctx: ServiceContext, id: string, publish: boolean): Promise<void> {
  const actor = requireCoordinator(ctx);
  if (!isUuid(id)) throw notFound();
  await ctx.db.transaction(async (tx) => {
    const current = await q.findById(tx, id, { forUpdate: true });
    if (!current) throw notFound();
    if ((current.status === 'published') === publish) return;
    const now = ctx.clock.now();
    await q.updateStory(tx, id, { status: publish ? 'published' : 'draft', publishedAt: current.publishedAt ?? (publish ? now : null), updatedAt: now });
    await recordAudit(tx, ctx.clock, { actorUserId: actor.id, action: publish ? 'story.published' : 'story.unpublished', subjectType: 'story', subjectId: id, requestId: ctx.requestId });
  });
}

export async function deleteStory(ctx: ServiceContext, id: string): Promise<void> {
  const actor = requireCoordinator(ctx);
  if (!isUuid(id)) throw notFound();
  await ctx.db.transaction(async (tx) => {
    const current = await q.findById(tx, id, { forUpdate: true });
    if (!current) throw notFound();
    await q.deleteStory(tx, id);
    await recordAudit(tx, ctx.clock, { actorUserId: actor.id, action: 'story.deleted', subjectType: 'story', subjectId: id, requestId: ctx.requestId });
  });
}

/** Replaces the story's image with a checked, re-encoded copy; nothing changes when the file or the text is refused. */
export async function uploadStoryImage(ctx: ServiceContext, id: string, upload: Uint8Array | null, imageAlt: string): Promise<void> {
  const actor = requireCoordinator(ctx);
  if (!isUuid(id)) throw notFound();
  if (!upload) throw new AppError('validation_failed', 'stories.image.missing', { image: ['stories.image.missing'] });
  const image = await processStoryImage(upload);
  await ctx.db.transaction(async (tx) => {
    const current = await q.findById(tx, id, { forUpdate: true });
    if (!current) throw notFound();
    const now = ctx.clock.now();
    await q.upsertImage(tx, id, image.contentType, image.bytes, now);
    await q.updateStory(tx, id, { hasImage: true, imageAlt, updatedAt: now });
    await recordAudit(tx, ctx.clock, { actorUserId: actor.id, action: 'story.updated', subjectType: 'story', subjectId: id, details: { fields: ['image'] }, requestId: ctx.requestId });
  });
}

export async function removeStoryImage(ctx: ServiceContext, id: string): Promise<boolean> {
  const actor = requireCoordinator(ctx);
  if (!isUuid(id)) throw notFound();
  return ctx.db.transaction(async (tx) => {
    const current = await q.findById(tx, id, { forUpdate: true });
    if (!current) throw notFound();
    const removed = (await q.deleteImage(tx, id)) > 0;
    if (removed) {
      await q.updateStory(tx, id, { hasImage: false, imageAlt: null, updatedAt: ctx.clock.now() });
      await recordAudit(tx, ctx.clock, { actorUserId: actor.id, action: 'story.updated', subjectType: 'story', subjectId: id, details: { fields: ['image'] }, requestId: ctx.requestId });
    }
    return removed;
  });
}
