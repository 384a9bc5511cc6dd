import type { AgendaItem } from '../../agenda/agenda.service.ts';
import { municipalityName, typeLabel, whenText } from '../../agenda/views/agenda.format.ts';
import { eventHref } from '../../agenda/views/AgendaListView.tsx';
import type { StorySummary } from '../../stories/stories.queries.ts';
import { StoryList } from '../../stories/views/StoryViews.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';

/** The next events on the home page: with their full date (the agenda's own cards leave the day to a heading). */
function HomeEventList({ i, events }: { i: I18n; events: AgendaItem[] }) {
  return (
    <ul class="ir-results">
      {events.map((e) => (
        <li class="ir-result">
          <h3 class="utrecht-heading-3 ir-result__title">
            <a class="utrecht-link" href={eventHref(e.slug)}>
              {e.title}
            </a>
          </h3>
          <p class="utrecht-paragraph ir-result__meta">
            <time datetime={e.startsAt.toISOString()}>{whenText(i, e.startsAt, e.endsAt)}</time>
          </p>
          <p class="utrecht-paragraph ir-result__pitch">
            {[
              typeLabel(i, e.type),
              e.isOnline && !e.city ? i.t('pages.home.eventOnline') : (e.city ?? municipalityName(e.municipalitySlug)),
              e.organiserName ? i.t('pages.home.eventBy', { name: e.organiserName }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </li>
      ))}
    </ul>
  );
}

export type HomeFigures = { published: number; eventsThisQuarter: number; quarter: { quarter: number; year: number }; municipalities: number };

/** The home page: what the platform is, the directory search, the next events, the latest stories, figures. */
export function HomeView({ i, figures, events, stories }: { i: I18n; figures: HomeFigures; events: AgendaItem[]; stories: StorySummary[] }) {
  return (
    <>
      <section class="ir-hero">
        <h1 class="utrecht-heading-1">{i.t('pages.home.title')}</h1>
        <p class="utrecht-paragraph utrecht-paragraph--lead">{i.t('pages.home.lead')}</p>
        <form method="get" action="/ondernemers" role="search" class="ir-search-form">
          <label class="utrecht-form-label" for="home-zoek">
            {i.t('pages.home.searchLabel')}
          </label>
          <div class="ir-search-form__row">
            <input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="home-zoek" name="q" maxlength={200} />
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              {i.t('pages.home.searchButton')}
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="cijfers" class="ir-home-section">
        <h2 class="utrecht-heading-2" id="cijfers">
          {i.t('pages.home.figuresTitle')}
        </h2>
        <dl class="ir-figures">
          <div>
            <dt>{i.t('pages.home.figurePublished')}</dt>
            <dd data-figure="published">{i.formatNumber(figures.published)}</dd>
          </div>
          <div>
            <dt>{i.t('pages.home.figureEventsQuarter', { quarter: figures.quarter.quarter, year: figures.quarter.year })}</dt>
            <dd data-figure="events-quarter">{i.formatNumber(figures.eventsThisQuarter)}</dd>
          </div>
          <div>
            <dt>{i.t('pages.home.figureMunicipalities')}</dt>
            <dd>{i.formatNumber(figures.municipalities)}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="komende-evenementen" class="ir-home-section">
        <h2 class="utrecht-heading-2" id="komende-evenementen">
          {i.t('pages.home.eventsTitle')}
        </h2>
        {events.length ? <HomeEventList i={i} events={events} /> : <p class="utrecht-paragraph ir-empty-state">{i.t('pages.home.eventsEmpty')}</p>}
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/agenda">
            {i.t('pages.home.eventsAll')}
          </a>
        </p>
      </section>
      <section aria-labelledby="laatste-verhalen" class="ir-home-section">
        <h2 class="utrecht-heading-2" id="laatste-verhalen">
          {i.t('pages.home.storiesTitle')}
        </h2>
        {stories.length ? <StoryList i={i} stories={stories} headingLevel={3} /> : <p class="utrecht-paragraph ir-empty-state">{i.t('pages.home.storiesEmpty')}</p>}
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/verhalen">
            {i.t('pages.home.storiesAll')}
          </a>
        </p>
      </section>
      <section aria-labelledby="acties" class="ir-home-section">
        <h2 class="utrecht-heading-2" id="acties">
          {i.t('pages.home.actionLinesTitle')}
        </h2>
        <ul class="ir-cards">
          <li class="ir-card">
            <a class="utrecht-link" href="/ondernemers">{i.t('common.nav.directory')}</a>
            <p class="utrecht-paragraph">{i.t('pages.home.imago')}</p>
          </li>
          <li class="ir-card">
            <a class="utrecht-link" href="/agenda">{i.t('common.nav.agenda')}</a>
            <p class="utrecht-paragraph">{i.t('pages.home.netwerk')}</p>
          </li>
          <li class="ir-card">
            <a class="utrecht-link" href="/hulp-vragen">{i.t('common.nav.support')}</a>
            <p class="utrecht-paragraph">{i.t('pages.home.support')}</p>
          </li>
          <li class="ir-card">
            <a class="utrecht-link" href="/kennis">{i.t('common.nav.knowledge')}</a>
            <p class="utrecht-paragraph">{i.t('pages.home.kennis')}</p>
          </li>
        </ul>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/registreren">{i.t('pages.home.registerCta')}</a>
        </p>
      </section>
    </>
  );
}

/** A page of headed paragraphs (about, privacy, accessibility). */
export function TextPageView({ i, titleKey, intro, sections, extra }: { i: I18n; titleKey: string; intro: string[]; sections: Array<{ titleKey: string; body: string[] }>; extra?: unknown }) {
  return (
    <article class="ir-prose">
      <h1 class="utrecht-heading-1">{i.t(titleKey)}</h1>
      {intro.map((k) => (
        <p class="utrecht-paragraph">{i.t(k)}</p>
      ))}
      {sections.map((s) => (
        <section>
          <h2 class="utrecht-heading-2">{i.t(s.titleKey)}</h2>
          {s.body.map((k) => (
            <p class="utrecht-paragraph">{i.t(k)}</p>
          ))}
        </section>
      ))}
      {extra as never}
    </article>
  );
}

export function PlaceholderView({ i, titleKey }: { i: I18n; titleKey: string }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t(titleKey)}</h1>
      <p class="utrecht-paragraph">{i.t('pages.placeholder.text')}</p>
    </>
  );
}
