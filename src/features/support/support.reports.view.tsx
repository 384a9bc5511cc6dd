import { fieldId } from '../../web/components/forms.tsx';
import type { I18n } from '../../web/i18n/i18n.ts';
import type { FieldErrors } from '../../lib/errors.ts';
import type { ReportRow } from './support.reports.queries.ts';
import { formatHours, formatSatisfaction, monthLabel, municipalityName, type Report } from './support.reports.service.ts';
import { SUPPORT_TOPICS } from './support.schema.ts';

const COLUMNS = ['month', 'municipality', 'topic', 'new', 'closed', 'median', 'overdue', 'satisfaction'] as const;

export const reportQueryString = (f: { municipality: string; topic: string; from: string; to: string }) => {
  const p = new URLSearchParams();
  if (f.municipality) p.set('gemeente', f.municipality);
  if (f.topic) p.set('onderwerp', f.topic);
  if (f.from) p.set('van', f.from);
  if (f.to) p.set('tot', f.to);
  const s = p.toString();
  return s ? `?${s}` : '';
};

function Select({ name, label, value, options, allLabel }: { name: string; label: string; value: string; options: Array<{ value: string; label: string }>; allLabel: string }) {
  return (
    <div class="utrecht-form-field ir-field">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={fieldId(name)}>
          {label}
        </label>
      </div>
      <div class="utrecht-form-field__input">
        <select class="utrecht-select utrecht-select--html-select" id={fieldId(name)} name={name}>
          <option value="">{allLabel}</option>
          {options.map((o) => (
            <option value={o.value} selected={o.value === value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function MonthField({ i, name, label, value, errors }: { i: I18n; name: string; label: string; value: string; errors?: string[] }) {
  const hint = `${fieldId(name)}-uitleg`;
  const error = `${fieldId(name)}-fout`;
  return (
    <div class={`utrecht-form-field ir-field ${errors?.length ? 'utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={fieldId(name)}>
          {label}
        </label>
      </div>
      <div class="utrecht-form-field-description" id={hint}>
        {i.t('supportReports.filter.monthHint')}
      </div>
      {errors?.length ? (
        <div class="utrecht-form-field-error-message" id={error}>
          {errors.join(' ')}
        </div>
      ) : null}
      <div class="utrecht-form-field__input">
        <input
          class="utrecht-textbox utrecht-textbox--html-input"
          id={fieldId(name)}
          name={name}
          type="text"
          inputmode="numeric"
          maxlength={7}
          value={value}
          aria-describedby={errors?.length ? `${hint} ${error}` : hint}
          aria-invalid={errors?.length ? 'true' : undefined}
        />
      </div>
    </div>
  );
}

const cells = (i: I18n, r: ReportRow) => [
  String(r.newCount),
  String(r.closedCount),
  r.medianFirstAnswerHours === null ? '—' : i.t('supportReports.hours', { hours: formatHours(i, r.medianFirstAnswerHours) }),
  String(r.overdueCount),
  r.averageSatisfaction === null ? '—' : i.t('supportReports.satisfaction', { score: formatSatisfaction(i, r.averageSatisfaction), count: r.ratings }),
];

export type ReportViewProps = {
  i: I18n;
  report: Report | null;
  /** What was typed, shown again with errors (400) when the filters did not parse. */
  typed: { gemeente: string; onderwerp: string; van: string; tot: string };
  municipalities: string[];
  errors?: FieldErrors;
};

/** /beheer/hulpvragen/rapportage: filters, the totals in words, the table per month, municipality and topic, CSV link. */
export function ReportView({ i, report, typed, municipalities, errors = {} }: ReportViewProps) {
  const f = report?.filters;
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('supportReports.title')}</h1>
      <p class="utrecht-paragraph">{i.t('supportReports.intro')}</p>
      <details class="ir-filters" open>
        <summary class="ir-filters__summary">{i.t('supportReports.filter.title')}</summary>
        <div class="ir-filters__body">
          <form method="get" action="/beheer/hulpvragen/rapportage">
            {municipalities.length > 1 ? (
              <Select
                name="gemeente"
                label={i.t('supportReports.filter.municipality')}
                value={typed.gemeente}
                allLabel={i.t('supportReports.filter.allMunicipalities')}
                options={municipalities.map((m) => ({ value: m, label: municipalityName(m) }))}
              />
            ) : null}
            <Select
              name="onderwerp"
              label={i.t('supportReports.filter.topic')}
              value={typed.onderwerp}
              allLabel={i.t('supportReports.filter.allTopics')}
              options={SUPPORT_TOPICS.map((t) => ({ value: t, label: i.t(`support.topic.${t}`) }))}
            />
            <MonthField i={i} name="van" label={i.t('supportReports.filter.from')} value={typed.van || f?.from || ''} errors={errors.van} />
            <MonthField i={i} name="tot" label={i.t('supportReports.filter.to')} value={typed.tot || f?.to || ''} errors={errors.tot} />
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              {i.t('supportReports.filter.submit')}
            </button>
          </form>
        </div>
      </details>
      {report ? (
        <>
          <section aria-labelledby="rapport-totaal">
            <h2 class="utrecht-heading-2" id="rapport-totaal">
              {i.t('supportReports.totals.title', { from: monthLabel(i, report.filters.from), to: monthLabel(i, report.filters.to) })}
            </h2>
            <dl class="ir-profile-dl" data-totals>
              {COLUMNS.slice(3).map((col, idx) => (
                <div class="ir-profile-dl__row">
                  <dt>{i.t(`supportReports.col.${col}`)}</dt>
                  <dd>{cells(i, report.totals)[idx]}</dd>
                </div>
              ))}
            </dl>
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href={`/beheer/hulpvragen/rapportage.csv${reportQueryString(report.filters)}`} download>
                {i.t('supportReports.csv')}
              </a>
            </p>
          </section>
          <section aria-labelledby="rapport-tabel">
            <h2 class="utrecht-heading-2" id="rapport-tabel">
              {i.t('supportReports.table.title')}
            </h2>
            <p class="utrecht-paragraph">{i.t('supportReports.definitions')}</p>
            {report.rows.length === 0 ? (
              <p class="utrecht-paragraph ir-empty-state">{i.t('supportReports.empty')}</p>
            ) : (
              <div class="ir-moderation-scroll" tabindex={0} role="region" aria-labelledby="rapport-tabel">
                <table class="utrecht-table ir-moderation-table" data-report>
                  <caption class="utrecht-table__caption">{i.t('supportReports.table.caption', { count: report.rows.length })}</caption>
                  <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                      {COLUMNS.map((col) => (
                        <th class="utrecht-table__header-cell" scope="col">
                          {i.t(`supportReports.col.${col}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody class="utrecht-table__body">
                    {report.rows.map((r) => (
                      <tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="row">
                          {monthLabel(i, r.month!)}
                        </th>
                        <td class="utrecht-table__cell">{municipalityName(r.municipalitySlug!)}</td>
                        <td class="utrecht-table__cell">{i.t(`support.topic.${r.topic}`)}</td>
                        {cells(i, r).map((v) => (
                          <td class="utrecht-table__cell">{v}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
