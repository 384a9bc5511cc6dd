import type { I18n } from '../../../web/i18n/i18n.ts';

export function HomeView({ i, publishedCount, municipalityCount }: { i: I18n; publishedCount: number; municipalityCount: number }) {
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
      <section aria-labelledby="cijfers">
        <h2 class="utrecht-heading-2" id="cijfers">
          {i.t('pages.home.figuresTitle')}
        </h2>
        <dl class="ir-figures">
          <div>
            <dt>{i.t('pages.home.figurePublished')}</dt>
            <dd data-figure="published">{i.formatNumber(publishedCount)}</dd>
          </div>
          <div>
            <dt>{i.t('pages.home.figureMunicipalities')}</dt>
            <dd>{i.formatNumber(municipalityCount)}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="acties">
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
