import { region, THEMES } from '../../../data/reference.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { fieldId } from '../../../web/components/forms.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import { EVENT_TYPES } from '../agenda.schema.ts';
import { typeLabel } from './agenda.format.ts';

/** The filters as typed in the URL (kept as they were when one is refused). */
export type FilterFormValues = { q: string; gemeente: string; thema: string[]; type: string; online: string; van: string; tot: string };

export const filterLabels = (i: I18n): Record<string, string> => ({
  q: i.t('agenda.filter.q'),
  gemeente: i.t('agenda.filter.gemeente'),
  thema: i.t('agenda.filter.thema'),
  type: i.t('agenda.filter.type'),
  online: i.t('agenda.filter.online'),
  van: i.t('agenda.filter.van'),
  tot: i.t('agenda.filter.tot'),
  maand: i.t('agenda.filter.maand'),
  pagina: i.t('agenda.filter.pagina'),
});

/** The agenda's filter form (GET, so every filter ends up in the URL). */
export function AgendaFilterForm({
  i,
  values,
  errors,
  action,
  hidden,
  clearHref,
}: {
  i: I18n;
  values: FilterFormValues;
  errors: FieldErrors;
  action: string;
  hidden: Record<string, string>;
  clearHref: string;
}) {
  const hasFilters = Boolean(values.gemeente || values.thema.length || values.type || values.online || values.van || values.tot);
  const errorOf = (name: string) =>
    errors[name]?.length ? (
      <div class="utrecht-form-field-error-message" id={`${fieldId(name)}-fout`}>
        {errors[name].join(' ')}
      </div>
    ) : null;
  const aria = (name: string) => (errors[name]?.length ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${fieldId(name)}-fout` } : {});
  const fieldClass = (name: string) => `utrecht-form-field ir-field ${errors[name]?.length ? 'utrecht-form-field--invalid' : ''}`;
  const themes = new Set(values.thema);
  const label = (name: string, text: string) => (
    <div class="utrecht-form-field__label">
      <label class="utrecht-form-label" for={fieldId(name)}>
        {text}
      </label>
    </div>
  );
  return (
    <form method="get" action={action} role="search" class="ir-directory-search" aria-label={i.t('agenda.filter.formLabel')}>
      {Object.entries(hidden).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <div class={fieldClass('q')}>
        {label('q', i.t('agenda.filter.q'))}
        {errorOf('q')}
        <div class="ir-search-form__row">
          <input class="utrecht-textbox utrecht-textbox--html-input" type="search" id={fieldId('q')} name="q" value={values.q} maxlength={200} {...aria('q')} />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            {i.t('agenda.filter.submit')}
          </button>
        </div>
      </div>
      <details class="ir-filters" open={hasFilters || Object.keys(errors).length > 0}>
        <summary class="ir-filters__summary">{i.t('agenda.filter.filters')}</summary>
        <div class="ir-filters__body">
          <div class={fieldClass('gemeente')}>
            {label('gemeente', i.t('agenda.filter.gemeente'))}
            {errorOf('gemeente')}
            <select class="utrecht-select utrecht-select--html-select" id={fieldId('gemeente')} name="gemeente" {...aria('gemeente')}>
              <option value="">{i.t('agenda.filter.allMunicipalities')}</option>
              {region.municipalities.map((m) => (
                <option value={m.slug} selected={values.gemeente === m.slug}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <div class={fieldClass('type')}>
            {label('type', i.t('agenda.filter.type'))}
            {errorOf('type')}
            <select class="utrecht-select utrecht-select--html-select" id={fieldId('type')} name="type" {...aria('type')}>
              <option value="">{i.t('agenda.filter.allTypes')}</option>
              {EVENT_TYPES.map((t) => (
                <option value={t} selected={values.type === t}>
                  {typeLabel(i, t)}
                </option>
              ))}
            </select>
          </div>
          <div class={fieldClass('online')}>
            {label('online', i.t('agenda.filter.online'))}
            {errorOf('online')}
            <select class="utrecht-select utrecht-select--html-select" id={fieldId('online')} name="online" {...aria('online')}>
              <option value="">{i.t('agenda.filter.onlineAll')}</option>
              <option value="ja" selected={values.online === 'ja'}>
                {i.t('agenda.filter.onlineYes')}
              </option>
              <option value="nee" selected={values.online === 'nee'}>
                {i.t('agenda.filter.onlineNo')}
              </option>
            </select>
          </div>
          <fieldset class={`utrecht-form-fieldset ir-fieldset ${errors.thema?.length ? 'utrecht-form-fieldset--invalid' : ''}`} {...(errors.thema?.length ? { 'aria-describedby': `${fieldId('thema')}-fout` } : {})}>
            <legend class="utrecht-form-fieldset__legend utrecht-form-label">{i.t('agenda.filter.thema')}</legend>
            <p class="utrecht-form-field-description">{i.t('agenda.filter.anyOf')}</p>
            {errorOf('thema')}
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
          <div class="ir-agenda-dates">
            <div class={fieldClass('van')}>
              {label('van', i.t('agenda.filter.van'))}
              {errorOf('van')}
              <input class="utrecht-textbox utrecht-textbox--html-input" type="date" id={fieldId('van')} name="van" value={values.van} {...aria('van')} />
            </div>
            <div class={fieldClass('tot')}>
              {label('tot', i.t('agenda.filter.tot'))}
              {errorOf('tot')}
              <input class="utrecht-textbox utrecht-textbox--html-input" type="date" id={fieldId('tot')} name="tot" value={values.tot} {...aria('tot')} />
            </div>
          </div>
        </div>
      </details>
      <div class="ir-form-actions">
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {i.t('agenda.filter.apply')}
        </button>
        <a class="utrecht-link" href={clearHref}>
          {i.t('agenda.filter.clear')}
        </a>
      </div>
    </form>
  );
}
