import type { Child } from 'hono/jsx';
import type { I18n } from '../i18n/i18n.ts';
import type { FieldErrors } from '../../lib/errors.ts';
import { CSRF_FIELD } from '../middleware/csrf.ts';

/** What a form view needs to show itself again after a failed submit: typed values and messages per field. */
export type FormState = {
  values: Record<string, string | string[] | undefined>;
  errors: FieldErrors;
};

export const emptyForm = (values: FormState['values'] = {}): FormState => ({ values, errors: {} });

const valueOf = (f: FormState, name: string): string => {
  const v = f.values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};
const valuesOf = (f: FormState, name: string): string[] => {
  const v = f.values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
};

export const fieldId = (name: string) => `veld-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
const errorId = (name: string) => `${fieldId(name)}-fout`;
const hintId = (name: string) => `${fieldId(name)}-uitleg`;

/** Error summary at the top of a form; focused by /static/js/forms.js, links jump to the fields. */
export function ErrorSummary({ i, form, labels }: { i: I18n; form: FormState; labels: Record<string, string> }) {
  const entries = Object.entries(form.errors).filter(([, m]) => m.length > 0);
  if (entries.length === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error ir-error-summary" role="alert" tabindex={-1} aria-labelledby="foutenoverzicht-titel" data-error-summary>
      <h2 class="utrecht-heading-2" id="foutenoverzicht-titel">
        {i.t('common.form.errorSummaryTitle')}
      </h2>
      <ul class="utrecht-unordered-list">
        {entries.map(([name, messages]) => (
          <li>
            <a class="utrecht-link" href={`#${fieldId(name)}`}>
              {labels[name] ? `${labels[name]}: ` : ''}
              {messages[0]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

type FieldProps = {
  i: I18n;
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  children?: Child;
};

function FieldFrame(p: FieldProps & { control: Child }) {
  const errors = p.form.errors[p.name] ?? [];
  return (
    <div class={`utrecht-form-field ${errors.length ? 'utrecht-form-field--invalid' : ''} ir-field`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={fieldId(p.name)}>
          {p.label} {p.required ? null : <span class="ir-optional">{p.i.t('common.form.optional')}</span>}
        </label>
      </div>
      {p.hint ? (
        <div class="utrecht-form-field-description" id={hintId(p.name)}>
          {p.hint}
        </div>
      ) : null}
      {errors.length ? (
        <div class="utrecht-form-field-error-message" id={errorId(p.name)}>
          {errors.join(' ')}
        </div>
      ) : null}
      <div class="utrecht-form-field__input">{p.control}</div>
    </div>
  );
}

const describedBy = (p: FieldProps) =>
  [p.hint ? hintId(p.name) : null, (p.form.errors[p.name] ?? []).length ? errorId(p.name) : null].filter(Boolean).join(' ') || undefined;

export function TextField(
  p: FieldProps & { type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'number' | 'search' | 'date' | 'time'; autocomplete?: string; maxlength?: number; inputmode?: 'numeric' | 'text' | 'tel' | 'email' | 'url' | 'decimal' },
) {
  const invalid = (p.form.errors[p.name] ?? []).length > 0;
  return (
    <FieldFrame
      {...p}
      control={
        <input
          class={`utrecht-textbox utrecht-textbox--html-input ${invalid ? 'utrecht-textbox--invalid' : ''}`}
          id={fieldId(p.name)}
          name={p.name}
          type={p.type ?? 'text'}
          value={p.type === 'password' ? '' : valueOf(p.form, p.name)}
          required={p.required}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy(p)}
          autocomplete={p.autocomplete}
          maxlength={p.maxlength}
          inputmode={p.inputmode}
        />
      }
    />
  );
}

export function TextArea(p: FieldProps & { rows?: number; maxlength?: number }) {
  const invalid = (p.form.errors[p.name] ?? []).length > 0;
  return (
    <FieldFrame
      {...p}
      control={
        <textarea
          class={`utrecht-textarea utrecht-textarea--html-textarea ${invalid ? 'utrecht-textarea--invalid' : ''}`}
          id={fieldId(p.name)}
          name={p.name}
          rows={p.rows ?? 5}
          required={p.required}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy(p)}
          maxlength={p.maxlength}
        >
          {valueOf(p.form, p.name)}
        </textarea>
      }
    />
  );
}

export function SelectField(p: FieldProps & { options: ReadonlyArray<{ value: string; label: string }>; emptyLabel?: string }) {
  const invalid = (p.form.errors[p.name] ?? []).length > 0;
  const current = valueOf(p.form, p.name);
  return (
    <FieldFrame
      {...p}
      control={
        <select
          class={`utrecht-select utrecht-select--html-select ${invalid ? 'utrecht-select--invalid' : ''}`}
          id={fieldId(p.name)}
          name={p.name}
          required={p.required}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy(p)}
        >
          {p.emptyLabel !== undefined ? <option value="">{p.emptyLabel}</option> : null}
          {p.options.map((o) => (
            <option value={o.value} selected={o.value === current}>
              {o.label}
            </option>
          ))}
        </select>
      }
    />
  );
}

/** A group of checkboxes in a fieldset with a legend; the first box carries the field id for the error summary link. */
export function CheckboxGroup(p: FieldProps & { options: ReadonlyArray<{ value: string; label: string }> }) {
  const errors = p.form.errors[p.name] ?? [];
  const checked = new Set(valuesOf(p.form, p.name));
  return (
    <fieldset class={`utrecht-form-fieldset ir-fieldset ${errors.length ? 'utrecht-form-fieldset--invalid' : ''}`} aria-describedby={describedBy(p)}>
      <legend class="utrecht-form-fieldset__legend utrecht-form-label">
        {p.label} {p.required ? null : <span class="ir-optional">{p.i.t('common.form.optional')}</span>}
      </legend>
      {p.hint ? (
        <div class="utrecht-form-field-description" id={hintId(p.name)}>
          {p.hint}
        </div>
      ) : null}
      {errors.length ? (
        <div class="utrecht-form-field-error-message" id={errorId(p.name)}>
          {errors.join(' ')}
        </div>
      ) : null}
      <div class="ir-checkbox-list">
        {p.options.map((o, idx) => {
          const id = idx === 0 ? fieldId(p.name) : `${fieldId(p.name)}-${idx}`;
          return (
            <div class="utrecht-form-field utrecht-form-field--checkbox ir-checkbox">
              <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={id} name={p.name} value={o.value} checked={checked.has(o.value)} />
              <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>
                {o.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** A single checkbox (consent, "remember"), value "on" when checked. */
export function Checkbox(p: FieldProps) {
  const errors = p.form.errors[p.name] ?? [];
  return (
    <div class={`utrecht-form-field utrecht-form-field--checkbox ir-field ${errors.length ? 'utrecht-form-field--invalid' : ''}`}>
      {errors.length ? (
        <div class="utrecht-form-field-error-message" id={errorId(p.name)}>
          {errors.join(' ')}
        </div>
      ) : null}
      <input
        class="utrecht-checkbox utrecht-checkbox--html-input"
        type="checkbox"
        id={fieldId(p.name)}
        name={p.name}
        value="on"
        checked={valueOf(p.form, p.name) === 'on'}
        aria-invalid={errors.length ? 'true' : undefined}
        aria-describedby={describedBy(p)}
      />
      <label class="utrecht-form-label utrecht-form-label--checkbox" for={fieldId(p.name)}>
        {p.label}
      </label>
      {p.hint ? (
        <div class="utrecht-form-field-description" id={hintId(p.name)}>
          {p.hint}
        </div>
      ) : null}
    </div>
  );
}

export function SubmitButton({ children }: { children?: Child }) {
  return (
    <button type="submit" class="utrecht-button utrecht-button--primary-action">
      {children}
    </button>
  );
}
