import { THEMES } from '../../../data/reference.ts';
import { BadgeList } from '../../../web/components/Badge.tsx';
import { fieldId } from '../../../web/components/forms.tsx';
import { Markdown } from '../../../web/components/Markdown.tsx';
import { Pagination } from '../../../web/components/Pagination.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import { profileHref } from '../../directory/directory.urls.ts';
import type { LinkedOrganisation, StoryRow, StorySummary } from '../stories.queries.ts';
import { storiesAtomHref, storiesHref, storyHref, storyImageHref } from '../stories.urls.ts';

const themeLabel = (i: I18n, slug: string) => {
  const t = THEMES.find((x) => x.slug === slug);
  return t ? i.label(t.label) : slug;
};

const kindKey = (kind: string) => (kind === 'nieuws' ? 'stories.kind.nieuws' : 'stories.kind.portret');

/** A list of story summaries: title link, kind and date, lead. Used on /verhalen, the home page and profiles. */
export function StoryList({ i, stories, headingLevel = 2 }: { i: I18n; stories: StorySummary[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="ir-results ir-story-list">
      {stories.map((s) => (
        <li class="ir-result ir-story-card">
          {s.hasImage ? <img class="ir-story-card__image" src={storyImageHref(s.slug, s.updatedAt)} alt="" loading="lazy" /> : null}
          <Heading class={`utrecht-heading-${headingLevel} ir-result__title`}>
            <a class="utrecht-link" href={storyHref(s.slug)}>
              {s.title}
            </a>
          </Heading>
          <p class="utrecht-paragraph ir-result__meta">
            {i.t(kindKey(s.kind))}
            {s.publishedAt ? (
              <>
                {' · '}
                <time datetime={s.publishedAt.toISOString()}>{i.formatDate(s.publishedAt)}</time>
              </>
            ) : null}
            {s.isDemo ? ` · ${i.t('stories.demo')}` : ''}
          </p>
          <p class="utrecht-paragraph ir-result__pitch">{s.lead}</p>
        </li>
      ))}
    </ul>
  );
}

/** GET /verhalen: published stories, newest first, with a theme filter and the feed link. */
export function StoryListView({ i, page, theme }: { i: I18n; page: { stories: StorySummary[]; page: number; pages: number; total: number }; theme?: string }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('stories.list.title')}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{i.t('stories.list.lead')}</p>
      <form method="get" action="/verhalen" class="ir-story-filter" role="search" aria-label={i.t('stories.list.filterLabel')}>
        <div class="utrecht-form-field ir-field">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for={fieldId('thema')}>
              {i.t('stories.list.theme')}
            </label>
          </div>
          <div class="utrecht-form-field__input ir-search-form__row">
            <select class="utrecht-select utrecht-select--html-select" id={fieldId('thema')} name="thema">
              <option value="">{i.t('stories.list.allThemes')}</option>
              {THEMES.map((t) => (
                <option value={t.slug} selected={t.slug === theme}>
                  {i.label(t.label)}
                </option>
              ))}
            </select>
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">
              {i.t('stories.list.filter')}
            </button>
          </div>
        </div>
      </form>
      <p class="utrecht-paragraph" role="status">
        {theme ? i.t('stories.list.countTheme', { count: page.total, theme: themeLabel(i, theme) }) : i.t('stories.list.count', { count: page.total })}
      </p>
      {page.stories.length === 0 ? (
        <div class="ir-empty-state">
          <p class="utrecht-paragraph">{i.t(theme ? 'stories.list.emptyTheme' : 'stories.list.empty')}</p>
          {theme ? (
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href="/verhalen">
                {i.t('stories.list.showAll')}
              </a>
            </p>
          ) : null}
        </div>
      ) : (
        <StoryList i={i} stories={page.stories} />
      )}
      <Pagination i={i} page={page.page} pages={page.pages} hrefFor={(n) => storiesHref({ thema: theme, pagina: n })} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={storiesAtomHref(theme)} type="application/atom+xml">
          {i.t('stories.list.atom')}
        </a>
      </p>
    </>
  );
}

/** GET /verhalen/:slug: one published story; with `preview` the coordinator's view of a draft (image from /beheer). */
export function StoryPageView({ i, story, organisations, preview }: { i: I18n; story: StoryRow; organisations: LinkedOrganisation[]; preview?: { imageSrc: string; backHref: string } }) {
  return (
    <article class="ir-prose ir-story">
      {preview ? (
        <div class="utrecht-alert ir-moderation-alert" role="note">
          <p class="utrecht-paragraph">
            {i.t('stories.preview.notice')}{' '}
            <a class="utrecht-link" href={preview.backHref}>
              {i.t('stories.preview.back')}
            </a>
          </p>
        </div>
      ) : null}
      <h1 class="utrecht-heading-1">{story.title}</h1>
      <p class="utrecht-paragraph ir-result__meta">
        {i.t(kindKey(story.kind))}
        {story.publishedAt ? (
          <>
            {' · '}
            {i.t('stories.page.published')} <time datetime={story.publishedAt.toISOString()}>{i.formatDate(story.publishedAt)}</time>
          </>
        ) : null}
        {story.isDemo ? ` · ${i.t('stories.demo')}` : ''}
      </p>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{story.lead}</p>
      {story.hasImage ? (
        <figure class="ir-story__figure">
          <img class="ir-story__image" src={preview?.imageSrc ?? storyImageHref(story.slug, story.updatedAt)} alt={story.imageAlt ?? ''} />
        </figure>
      ) : null}
      <Markdown source={story.body} headingLevel={2} class="ir-markdown ir-story__body" />
      {story.themeSlugs.length ? (
        <section aria-labelledby="verhaal-themas">
          <h2 class="utrecht-heading-2" id="verhaal-themas">
            {i.t('stories.page.themes')}
          </h2>
          <BadgeList items={story.themeSlugs.map((s) => themeLabel(i, s))} />
        </section>
      ) : null}
      {organisations.length ? (
        <section aria-labelledby="verhaal-ondernemers">
          <h2 class="utrecht-heading-2" id="verhaal-ondernemers">
            {i.t('stories.page.organisations')}
          </h2>
          <ul class="utrecht-unordered-list">
            {organisations.map((o) => (
              <li>
                <a class="utrecht-link" href={profileHref(o.slug)}>
                  {o.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/verhalen">
          {i.t('stories.page.back')}
        </a>
      </p>
    </article>
  );
}

/** The slot on a public organisation profile: the stories about it (nothing when there are none). */
export function StoriesAboutOrganisation({ i, stories }: { i: I18n; stories: StorySummary[] }) {
  if (stories.length === 0) return null;
  return (
    <section aria-labelledby="verhalen-over" class="ir-org-page__stories">
      <h2 class="utrecht-heading-2" id="verhalen-over">
        {i.t('stories.profile.title')}
      </h2>
      <StoryList i={i} stories={stories} headingLevel={3} />
    </section>
  );
}
