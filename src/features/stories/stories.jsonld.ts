import { THEMES } from '../../data/reference.ts';
import { markdownToPlainText } from '../../lib/markdown.ts';
import { profileHref } from '../directory/directory.urls.ts';
import type { LinkedOrganisation, StoryRow } from './stories.queries.ts';
import { storyHref, storyImageHref } from './stories.urls.ts';

/** schema.org Article (a portrait) or NewsArticle for a published story. */
export function storyJsonLd(story: StoryRow, organisations: LinkedOrganisation[], publicUrl: string): Record<string, unknown> {
  const url = `${publicUrl}${storyHref(story.slug)}`;
  const out: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': story.kind === 'nieuws' ? 'NewsArticle' : 'Article',
    '@id': url,
    url,
    mainEntityOfPage: url,
    headline: story.title.slice(0, 110),
    description: story.lead,
    articleBody: markdownToPlainText(story.body),
    inLanguage: 'nl',
    dateModified: story.updatedAt.toISOString(),
    publisher: { '@type': 'Organization', name: 'Impact in de Regio', url: publicUrl },
  };
  if (story.publishedAt) out.datePublished = story.publishedAt.toISOString();
  if (story.hasImage) out.image = `${publicUrl}${storyImageHref(story.slug, story.updatedAt)}`;
  if (story.themeSlugs.length) out.keywords = story.themeSlugs.map((s) => THEMES.find((t) => t.slug === s)?.label.nl ?? s).join(', ');
  if (organisations.length) out.about = organisations.map((o) => ({ '@type': 'Organization', name: o.name, url: `${publicUrl}${profileHref(o.slug)}` }));
  return out;
}
