import { Pagination } from '../../../web/components/Pagination.tsx';
import { fieldId } from '../../../web/components/forms.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import type { OrganisationListItem } from '../relations.queries.ts';
import { formatDay, municipalityName } from './RelationshipView.tsx';

export type OrganisationListProps = {
  i: I18n;
  filters: { q: string; gemeente: string };
  municipalities: string[];
  result: { page: number; pages: number; total: number; items: OrganisationListItem[] };
};

const listHref = (filters: { q: string; gemeente: string }, page: number) => {
  const p = new URLSearchParams();
  if (filters.q) p.set('q', filters.q);
  if (filters.gemeente) p.set('gemeente', filters.gemeente);
  if (page > 1) p.set('pagina', String(page));
  const s = p.toString();
  return `/beheer/organisaties${s ? `?${s}` : ''}`;
};

/** /beheer/organisaties: find an organisation of one's own municipalities and open its relationship view. */
export function OrganisationListView({ i, filters, municipalities, result }: OrganisationListProps) {
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('relations.list.title')}</h1>
      <p class="utrecht-paragraph">{i.t('relations.list.intro')}</p>
      <form method="get" action="/beheer/organisaties" class="ir-search-form" role="search" aria-label={i.t('relations.list.searchLabel')}>
        <div class="utrecht-form-field ir-field">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for={fieldId('q')}>
              {i.t('relations.list.q')}
            </label>
          </div>
          <div class="utrecht-form-field__input">
            <input class="utrecht-textbox utrecht-textbox--html-input" id={fieldId('q')} name="q" type="search" value={filters.q} maxlength={100} />
          </div>
        </div>
        {municipalities.length > 1 ? (
          <div class="utrecht-form-field ir-field">
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for={fieldId('gemeente')}>
                {i.t('relations.list.municipality')}
              </label>
            </div>
            <div class="utrecht-form-field__input">
              <select class="utrecht-select utrecht-select--html-select" id={fieldId('gemeente')} name="gemeente">
                <option value="">{i.t('relations.list.allMunicipalities')}</option>
                {municipalities.map((m) => (
                  <option value={m} selected={m === filters.gemeente}>
                    {municipalityName(m)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        ) : null}
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {i.t('relations.list.submit')}
        </button>
      </form>
      {result.items.length === 0 ? (
        <p class="utrecht-paragraph ir-empty-state">{i.t(filters.q ? 'relations.list.noMatch' : 'relations.list.empty')}</p>
      ) : (
        <div class="ir-moderation-scroll">
          <table class="utrecht-table ir-moderation-table" data-organisations>
            <caption class="utrecht-table__caption">{i.t('relations.list.caption', { total: result.total })}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                {['name', 'municipality', 'status', 'lastContact'].map((c) => (
                  <th class="utrecht-table__header-cell" scope="col">
                    {i.t(`relations.list.col.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {result.items.map((o) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">
                    <a class="utrecht-link" href={`/beheer/organisaties/${o.slug}`}>
                      {o.name}
                    </a>
                  </td>
                  <td class="utrecht-table__cell">{municipalityName(o.municipalitySlug)}</td>
                  <td class="utrecht-table__cell">{i.t(`relations.orgStatus.${o.status}`)}</td>
                  <td class="utrecht-table__cell">{o.lastContactOn ? formatDay(i, o.lastContactOn) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination i={i} page={result.page} pages={result.pages} hrefFor={(p) => listHref(filters, p)} />
    </>
  );
}
