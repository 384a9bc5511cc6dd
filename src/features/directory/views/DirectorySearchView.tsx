import { CERTIFICATIONS, region, SDGS, THEMES } from '../../../data/reference.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { BadgeList } from '../../../web/components/Badge.tsx';
import { ErrorSummary, fieldId } from '../../../web/components/forms.tsx';
import { Pagination } from '../../../web/components/Pagination.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import type { SummaryRow } from '../directory.queries.ts';
import type { DirectorySearchResult } from '../directory.service.ts';
import { directoryHref, profileHref, type SearchLinkParams } from '../directory.urls.ts';
import { SORTS } from '../directory.validation.ts';

export type DirectoryView = 'lijst' | 'kaart';

/** What the visitor asked for, as typed (kept when the form comes back with an error). */
export type SearchFormValues = {
  q: string;
  gemeente: string;
  thema: string[];
  sdg: string[];
  certificering: string;
  sort: string;
};

export type DirectorySearchViewProps = {
  i: I18n;
  values: SearchFormValues;
  errors: FieldErrors;
  /** null when the parameters were invalid: then only the form and the messages are shown. */
  result: DirectorySearchResult | null;
  view: DirectoryView;
  /** The current search as link parameters (for pagination and the list/map switch). */
  link: SearchLinkParams;
  map: { tileUrl: string; attribution: string };
};

const municipalityName = (slug: string) => region.municipalities.find((m) => m.slug === slug)?.name ?? slug;
const themeLabel = (i: I18n, slug: string) => {
  const t = THEMES.find((x) => x.slug === slug);
  return t ? i.label(t.label) : slug;
};

function ResultCount({ i, result }: { i: I18n; result: DirectorySearchResult }) {
  const n = i.formatNumber(result.total);
  if (!result.totalIsExact) return <>{i.t('directory.search.countMore', { count: n })}</>;
  if (result.total === 1) return <>{i.t('directory.search.countOne')}</>;
  return <>{i.t('directory.search.count', { count: n })}</>;
}

function ResultItem({ i, org }: { i: I18n; org: SummaryRow }) {
  return (
    <li
      class="ir-result"
      data-lat={org.lat ?? undefined}
      data-lng={org.lng ?? undefined}
      data-name={org.name}
      data-href={profileHref(org.slug)}
    >
      <h3 class="utrecht-heading-3 ir-result__title">
        <a class="utrecht-link" href={profileHref(org.slug)}>
          {org.name}
        </a>
      </h3>
      <p class="utrecht-paragraph ir-result__meta">
        <span class="ir-visually-hidden">{i.t('directory.search.municipality')}: </span>
        {municipalityName(org.municipalitySlug)}
      </p>
      {org.pitch ? <p class="utrecht-paragraph ir-result__pitch">{org.pitch}</p> : null}
      <BadgeList items={org.themeSlugs.map((t) => themeLabel(i, t))} label={i.t('directory.profile.themes')} />
    </li>
  );
}

function FilterForm({ i, values, errors, view }: Pick<DirectorySearchViewProps, 'i' | 'values' | 'errors' | 'view'>) {
  const hasFilters = Boolean(values.gemeente || values.thema.length || values.sdg.length || values.certificering);
  const invalid = (name: string) => (errors[name]?.length ? 'true' : undefined);
  const fieldError = (name: string) =>
    errors[name]?.length ? (
      <div class="utrecht-form-field-error-message" id={`${fieldId(name)}-fout`}>
        {errors[name].join(' ')}
      </div>
    ) : null;
  const describedBy = (name: string) => (errors[name]?.length ? `${fieldId(name)}-fout` : undefined);
  const themes = new Set(values.thema);
  const sdgs = new Set(values.sdg);
  return (
    <form method="get" action="/ondernemers" role="search" class="ir-directory-search" aria-label={i.t('directory.search.formLabel')}>
      {view === 'kaart' ? <input type="hidden" name="weergave" value="kaart" /> : null}
      <div class="utrecht-form-field ir-field">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for={fieldId('q')}>
            {i.t('directory.search.qLabel')}
          </label>
        </div>
        <div class="utrecht-form-field-description" id={`${fieldId('q')}-uitleg`}>
          {i.t('directory.search.qHint')}
        </div>
        <div class="ir-search-form__row">
          <input
            class="utrecht-textbox utrecht-textbox--html-input"
            type="search"
            id={fieldId('q')}
            name="q"
            value={values.q}
            maxlength={200}
            aria-describedby={`${fieldId('q')}-uitleg`}
          />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            {i.t('directory.search.submit')}
          </button>
        </div>
      </div>
      <details class="ir-filters" open={hasFilters || Object.keys(errors).length > 0}>
        <summary class="ir-filters__summary">{i.t('directory.search.filters')}</summary>
        <div class="ir-filters__body">
          <div class={`utrecht-form-field ir-field ${errors.gemeente?.length ? 'utrecht-form-field--invalid' : ''}`}>
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for={fieldId('gemeente')}>
                {i.t('directory.search.municipality')}
              </label>
            </div>
            {fieldError('gemeente')}
            <select class="utrecht-select utrecht-select--html-select" id={fieldId('gemeente')} name="gemeente" aria-invalid={invalid('gemeente')} aria-describedby={describedBy('gemeente')}>
              <option value="">{i.t('directory.search.allMunicipalities')}</option>
              {region.municipalities.map((m) => (
                <option value={m.slug} selected={values.gemeente === m.slug}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <fieldset class={`utrecht-form-fieldset ir-fieldset ${errors.thema?.length ? 'utrecht-form-fieldset--invalid' : ''}`} aria-describedby={describedBy('thema')}>
            <legend class="utrecht-form-fieldset__legend utrecht-form-label">{i.t('directory.search.themes')}</legend>
            <p class="utrecht-form-field-description">{i.t('directory.search.anyOf')}</p>
            {fieldError('thema')}
            <div class="ir-checkbox-list ir-checkbox-list--columns">
              {THEMES.map((t, idx) => {
                const id = idx === 0 ? fieldId('thema') : `${fieldId('thema')}-${idx}`;
                return (
                  <div class="utrecht-form-field utrecht-form-field--checkbox ir-checkbox">
                    <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={id} name="thema" value={t.slug} checked={themes.has(t.slug)} />
                    <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>
                      {i.label(t.label)}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
          <fieldset class={`utrecht-form-fieldset ir-fieldset ${errors.sdg?.length ? 'utrecht-form-fieldset--invalid' : ''}`} aria-describedby={describedBy('sdg')}>
            <legend class="utrecht-form-fieldset__legend utrecht-form-label">{i.t('directory.search.sdgs')}</legend>
            <p class="utrecht-form-field-description">{i.t('directory.search.anyOf')}</p>
            {fieldError('sdg')}
            <div class="ir-checkbox-list ir-checkbox-list--columns">
              {SDGS.map((s, idx) => {
                const id = idx === 0 ? fieldId('sdg') : `${fieldId('sdg')}-${idx}`;
                return (
                  <div class="utrecht-form-field utrecht-form-field--checkbox ir-checkbox">
                    <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={id} name="sdg" value={String(s.number)} checked={sdgs.has(String(s.number))} />
                    <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>
                      {i.t('directory.sdgLabel', { number: s.number, label: i.label(s.label) })}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
          <div class={`utrecht-form-field ir-field ${errors.certificering?.length ? 'utrecht-form-field--invalid' : ''}`}>
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for={fieldId('certificering')}>
                {i.t('directory.search.certification')}
              </label>
            </div>
            {fieldError('certificering')}
            <select
              class="utrecht-select utrecht-select--html-select"
              id={fieldId('certificering')}
              name="certificering"
              aria-invalid={invalid('certificering')}
              aria-describedby={describedBy('certificering')}
            >
              <option value="">{i.t('directory.search.allCertifications')}</option>
              {CERTIFICATIONS.map((c) => (
                <option value={c.code} selected={values.certificering === c.code}>
                  {i.label(c.label)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </details>
      <div class={`utrecht-form-field ir-field ${errors.sort?.length ? 'utrecht-form-field--invalid' : ''}`}>
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for={fieldId('sort')}>
            {i.t('directory.search.sort')}
          </label>
        </div>
        {fieldError('sort')}
        <select class="utrecht-select utrecht-select--html-select" id={fieldId('sort')} name="sort" aria-invalid={invalid('sort')} aria-describedby={describedBy('sort')}>
          {SORTS.map((s) => (
            <option value={s} selected={values.sort === s}>
              {i.t(`directory.sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="ir-form-actions">
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {i.t('directory.search.apply')}
        </button>
        <a class="utrecht-link" href={directoryHref({ weergave: view })}>
          {i.t('directory.search.clear')}
        </a>
      </div>
    </form>
  );
}

function MapArea({ i, result, map }: { i: I18n; result: DirectorySearchResult; map: DirectorySearchViewProps['map'] }) {
  const located = result.items.filter((o) => o.lat !== null && o.lng !== null).length;
  return (
    <section class="ir-map-section" aria-labelledby="kaart-titel">
      <h3 class="utrecht-heading-3" id="kaart-titel">
        {i.t('directory.map.title')}
      </h3>
      <p class="utrecht-paragraph">{i.t('directory.map.located', { located, total: result.items.length })}</p>
      <div class="ir-map" id="kaart" data-map data-tile-url={map.tileUrl} data-attribution={map.attribution} data-label={i.t('directory.map.label')}>
        <p class="utrecht-paragraph ir-map__fallback">{i.t('directory.map.noScript')}</p>
      </div>
    </section>
  );
}

/** GET /ondernemers: the search form, the result count, the results as a list (and on a map), pagination. */
export function DirectorySearchView(p: DirectorySearchViewProps) {
  const { i, result } = p;
  const labels: Record<string, string> = {
    q: i.t('directory.search.qLabel'),
    gemeente: i.t('directory.search.municipality'),
    thema: i.t('directory.search.themes'),
    sdg: i.t('directory.search.sdgs'),
    certificering: i.t('directory.search.certification'),
    sort: i.t('directory.search.sort'),
    page: i.t('directory.search.page'),
  };
  const pages = result ? (result.lastPage ?? (result.hasNext ? result.page + 1 : result.page)) : 1;
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('directory.search.title')}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{i.t('directory.search.lead')}</p>
      <ErrorSummary i={i} form={{ values: {}, errors: p.errors }} labels={labels} />
      <FilterForm i={i} values={p.values} errors={p.errors} view={p.view} />
      {result ? (
        <section class="ir-results-section" aria-labelledby="resultaten">
          <h2 class="utrecht-heading-2" id="resultaten">
            <ResultCount i={i} result={result} />
          </h2>
          {!result.totalIsExact ? <p class="utrecht-paragraph">{i.t('directory.search.refine')}</p> : null}
          {result.items.length ? (
            <>
              <nav class="ir-view-switch" aria-label={i.t('directory.view.label')}>
                <ul class="ir-view-switch__list">
                  <li>
                    <a class="utrecht-link" href={directoryHref({ ...p.link, weergave: 'lijst' })} aria-current={p.view === 'lijst' ? 'page' : undefined}>
                      {i.t('directory.view.list')}
                    </a>
                  </li>
                  <li>
                    <a class="utrecht-link" href={directoryHref({ ...p.link, weergave: 'kaart' })} aria-current={p.view === 'kaart' ? 'page' : undefined}>
                      {i.t('directory.view.map')}
                    </a>
                  </li>
                </ul>
              </nav>
              {p.view === 'kaart' ? <MapArea i={i} result={result} map={p.map} /> : null}
              <ol class="ir-results" aria-labelledby="resultaten">
                {result.items.map((org) => (
                  <ResultItem i={i} org={org} />
                ))}
              </ol>
              <Pagination i={i} page={result.page} pages={pages} hrefFor={(n) => directoryHref({ ...p.link, page: n })} />
            </>
          ) : (
            <div class="ir-empty-state">
              <p class="utrecht-paragraph">{result.page > 1 ? i.t('directory.search.emptyPage') : i.t('directory.search.empty')}</p>
              <ul class="utrecht-unordered-list">
                <li>{i.t('directory.search.emptyTipSpelling')}</li>
                <li>{i.t('directory.search.emptyTipWords')}</li>
                <li>{i.t('directory.search.emptyTipFilters')}</li>
              </ul>
              <p class="utrecht-paragraph">
                <a class="utrecht-link" href="/ondernemers">
                  {i.t('directory.search.showAll')}
                </a>
              </p>
            </div>
          )}
        </section>
      ) : null}
    </>
  );
}
