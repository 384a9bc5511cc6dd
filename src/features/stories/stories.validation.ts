import { z } from 'zod';
import { themeSlugs } from '../../data/reference.ts';
import { AppError } from '../../lib/errors.ts';
import { markdownField } from '../../lib/markdown.ts';
import { squish } from '../../lib/text.ts';
import { STORY_KINDS } from './stories.schema.ts';

export const TITLE_MAX = 150;
export const LEAD_MAX = 400;
export const BODY_MAX = 20_000;
export const IMAGE_ALT_MAX = 250;
/** Stories on one page of /verhalen and in the Atom feed. */
export const STORIES_PAGE_SIZE = 12;
export const STORY_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const STORY_IMAGE_MAX_WIDTH = 1200;

const toList = (v: unknown) => (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]);
const line = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? squish(v) : v), z.string({ message: 'common.validation.required' }).min(1, 'common.validation.required').max(max));

/**
 * The linked organisations as typed by the coordinator: profile addresses or their last part (the slug), separated
 * by commas or new lines. "https://…/ondernemers/zorgboerderij-de-hazelaar" and "zorgboerderij-de-hazelaar" are one.
 */
export function organisationSlugsFrom(text: string): string[] {
  const slugs = text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop()!.toLowerCase());
  return [...new Set(slugs)];
}

/** The story form (and its API shape, if one comes): everything but the image. */
export const storyInputSchema = z.object({
  title: line(TITLE_MAX),
  kind: z.enum(STORY_KINDS, { message: 'stories.validation.kind' }),
  lead: line(LEAD_MAX),
  body: markdownField(BODY_MAX, { required: true }),
  themes: z.preprocess(toList, z.array(z.enum(themeSlugs as [string, ...string[]], { message: 'common.validation.choice' })).max(themeSlugs.length)),
  organisations: z.preprocess(
    (v) => (typeof v === 'string' ? v : ''),
    z
      .string()
      .max(4000)
      .transform(organisationSlugsFrom)
      .pipe(z.array(z.string().regex(/^[a-z0-9-]{1,120}$/, 'stories.validation.organisationSlug')).max(20, 'stories.validation.tooManyOrganisations')),
  ),
});
export type StoryInput = z.output<typeof storyInputSchema>;

export const imageAltSchema = z.object({ imageAlt: line(IMAGE_ALT_MAX) });

/** URL filters of /verhalen and /verhalen.atom; an unknown theme is a 400, not an empty list. */
export const storyFiltersSchema = z.object({
  thema: z.preprocess((v) => (v === '' ? undefined : v), z.enum(themeSlugs as [string, ...string[]], { message: 'stories.validation.unknownTheme' }).optional()),
  pagina: z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : v),
    z.coerce.number({ message: 'stories.validation.page' }).int({ message: 'stories.validation.page' }).min(1, { message: 'stories.validation.page' }).max(100_000, { message: 'stories.validation.page' }).default(1),
  ),
});
export type StoryFilters = z.output<typeof storyFiltersSchema>;

/** The URL filters of /verhalen and its feed; an unknown value is a 400 with the reason, never an empty list. */
export function parseStoryFilters(query: { thema?: string; pagina?: string }): StoryFilters {
  const parsed = storyFiltersSchema.safeParse(query);
  if (!parsed.success) throw new AppError('bad_request', parsed.error.issues[0]?.message ?? 'stories.validation.page');
  return parsed.data;
}
