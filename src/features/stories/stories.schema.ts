import { sql } from 'drizzle-orm';
import { boolean, customType, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { organisations } from '../directory/directory.schema.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const STORY_KINDS = ['portret', 'nieuws'] as const;
export type StoryKind = (typeof STORY_KINDS)[number];
export const storyKindEnum = pgEnum('story_kind', STORY_KINDS);
/** draft → published → (unpublished = draft again). Only the coordinator writes stories, so there is no review. */
export const storyStatusEnum = pgEnum('story_status', ['draft', 'published']);

/** A story (verhaal): a portrait of an impact entrepreneur or a news item, written by the coordinator. */
export const stories = pgTable(
  'stories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    kind: storyKindEnum('kind').notNull().default('portret'),
    title: text('title').notNull(),
    /** One or two plain sentences: the summary on lists, the home page and in the feed. */
    lead: text('lead').notNull(),
    /** Markdown (src/lib/markdown.ts); refused when it holds HTML, escaped again when rendered. */
    body: text('body').notNull().default(''),
    themeSlugs: text('theme_slugs').array().notNull().default(sql`'{}'::text[]`),
    status: storyStatusEnum('status').notNull().default('draft'),
    hasImage: boolean('has_image').notNull().default(false),
    /** What the image shows, for people who cannot see it; required with an image. */
    imageAlt: text('image_alt'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** First publication; kept when a story is taken offline and published again (the feed entry stays the same). */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('stories_slug_unique').on(t.slug),
    index('stories_published_idx').on(t.publishedAt.desc(), t.id).where(sql`status = 'published'`),
  ],
);

/** The organisations a story is about; the story shows on their public profiles. */
export const storyOrganisations = pgTable(
  'story_organisations',
  {
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.organisationId] }), index('story_organisations_org_idx').on(t.organisationId)],
);

/** The story's image, checked and re-encoded as WebP (like organisation logos). */
export const storyImages = pgTable('story_images', {
  storyId: uuid('story_id')
    .primaryKey()
    .references(() => stories.id, { onDelete: 'cascade' }),
  contentType: text('content_type').notNull(),
  bytes: bytea('bytes').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
