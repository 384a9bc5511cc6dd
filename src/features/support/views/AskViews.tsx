import { region } from '../../../data/reference.ts';
import { Checkbox, CsrfField, ErrorSummary, fieldId, type FormState, SelectField, SubmitButton, TextArea, TextField } from '../../../web/components/forms.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import { ACCEPTED_EXTENSIONS, MAX_ATTACHMENTS } from '../support.attachments.ts';
import { SUPPORT_CONTACT_PREFERENCES, SUPPORT_TOPICS, SUPPORT_URGENCIES } from '../support.schema.ts';

export const askFieldLabels = (i: I18n): Record<string, string> => ({
  name: i.t('support.field.name'),
  email: i.t('support.field.email'),
  organisationId: i.t('support.field.organisation'),
  municipality: i.t('support.field.municipality'),
  topic: i.t('support.field.topic'),
  description: i.t('support.field.description'),
  urgency: i.t('support.field.urgency'),
  contactPreference: i.t('support.field.contactPreference'),
  phone: i.t('support.field.phone'),
  attachments: i.t('support.field.attachments'),
  consent: i.t('support.field.consent'),
  idempotencyKey: i.t('support.ask.title'),
});

type AskProps = {
  i: I18n;
  csrfToken: string;
  form: FormState;
  loggedIn: boolean;
  organisations: Array<{ id: string; name: string }>;
};

function AttachmentsField({ i, form }: { i: I18n; form: FormState }) {
  const errors = form.errors.attachments ?? [];
  const id = fieldId('attachments');
  return (
    <div class={`utrecht-form-field ir-field ${errors.length ? 'utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {i.t('support.field.attachments')} <span class="ir-optional">{i.t('common.form.optional')}</span>
        </label>
      </div>
      <div class="utrecht-form-field-description" id={`${id}-uitleg`}>
        {i.t('support.hint.attachments', { max: MAX_ATTACHMENTS })}
      </div>
      {errors.length ? (
        <div class="utrecht-form-field-error-message" id={`${id}-fout`}>
          {errors.join(' ')}
        </div>
      ) : null}
      <div class="utrecht-form-field__input">
        <input
          class="ir-profile-file"
          type="file"
          id={id}
          name="attachments"
          multiple
          accept={ACCEPTED_EXTENSIONS.join(',')}
          aria-invalid={errors.length ? 'true' : undefined}
          aria-describedby={[`${id}-uitleg`, errors.length ? `${id}-fout` : null].filter(Boolean).join(' ')}
        />
      </div>
    </div>
  );
}

/** The ask form: works for visitors (name + email, confirmed by link) and for logged-in entrepreneurs. */
export function AskFormView({ i, csrfToken, form, loggedIn, organisations }: AskProps) {
  const values = form.values;
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('support.ask.title')}</h1>
      <p class="utrecht-paragraph">{i.t('support.ask.intro')}</p>
      {loggedIn ? null : (
        <>
          <p class="utrecht-paragraph">{i.t('support.ask.visitorIntro')}</p>
          <p class="utrecht-paragraph">
            {i.t('support.ask.loginHint')}{' '}
            <a class="utrecht-link" href="/inloggen?terug=/hulp-vragen">
              {i.t('support.ask.loginLink')}
            </a>
          </p>
        </>
      )}
      <ErrorSummary i={i} form={form} labels={askFieldLabels(i)} />
      <form method="post" action="/hulp-vragen" enctype="multipart/form-data" class="ir-profile-form" novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="idempotencyKey" value={String(values.idempotencyKey ?? '')} />
        {loggedIn ? null : (
          <section aria-labelledby="over-u">
            <h2 class="utrecht-heading-2" id="over-u">
              {i.t('support.ask.aboutYou')}
            </h2>
            <TextField i={i} form={form} name="name" label={i.t('support.field.name')} required autocomplete="name" maxlength={120} />
            <TextField i={i} form={form} name="email" type="email" label={i.t('support.field.email')} required autocomplete="email" maxlength={254} />
          </section>
        )}
        <section aria-labelledby="over-uw-vraag">
          <h2 class="utrecht-heading-2" id="over-uw-vraag">
            {i.t('support.ask.aboutQuestion')}
          </h2>
          {organisations.length ? (
            <SelectField
              i={i}
              form={form}
              name="organisationId"
              label={i.t('support.field.organisation')}
              hint={i.t('support.hint.organisation')}
              emptyLabel={i.t('support.field.organisationNone')}
              options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            />
          ) : null}
          <SelectField
            i={i}
            form={form}
            name="municipality"
            label={i.t('support.field.municipality')}
            hint={organisations.length ? i.t('support.hint.municipality') : undefined}
            required={organisations.length === 0}
            emptyLabel={i.t('support.field.municipalityChoose')}
            options={region.municipalities.map((m) => ({ value: m.slug, label: m.name }))}
          />
          <SelectField
            i={i}
            form={form}
            name="topic"
            label={i.t('support.field.topic')}
            required
            emptyLabel={i.t('support.field.topicChoose')}
            options={SUPPORT_TOPICS.map((t) => ({ value: t, label: i.t(`support.topic.${t}`) }))}
          />
          <TextArea i={i} form={form} name="description" label={i.t('support.field.description')} hint={i.t('support.hint.description')} required rows={8} maxlength={5000} />
          <SelectField i={i} form={form} name="urgency" label={i.t('support.field.urgency')} required options={SUPPORT_URGENCIES.map((u) => ({ value: u, label: i.t(`support.urgency.${u}`) }))} />
          <AttachmentsField i={i} form={form} />
        </section>
        <section aria-labelledby="contact">
          <h2 class="utrecht-heading-2" id="contact">
            {i.t('support.ask.contactTitle')}
          </h2>
          <SelectField
            i={i}
            form={form}
            name="contactPreference"
            label={i.t('support.field.contactPreference')}
            required
            options={SUPPORT_CONTACT_PREFERENCES.map((c) => ({ value: c, label: i.t(`support.contact.${c}`) }))}
          />
          <TextField i={i} form={form} name="phone" type="tel" label={i.t('support.field.phone')} hint={i.t('support.hint.phone')} autocomplete="tel" maxlength={30} />
          <Checkbox i={i} form={form} name="consent" label={i.t('support.field.consent')} hint={i.t('support.hint.consent')} required />
        </section>
        <SubmitButton>{i.t('support.ask.submit')}</SubmitButton>
      </form>
    </>
  );
}

export type DonePromise = { ownerName: string; workingDays: number; dueAt: Date } | null;

/** After asking (and after the visitor's confirmation link): the case number and who answers by when. */
export function AskDoneView({
  i,
  title,
  caseNumber,
  promise,
  needsConfirmation,
  loggedIn,
  email,
}: {
  i: I18n;
  title: string;
  caseNumber: string;
  promise: DonePromise;
  needsConfirmation: boolean;
  loggedIn: boolean;
  email: string;
}) {
  return (
    <>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph" data-case-number={caseNumber}>
        <strong>{i.t('support.done.caseNumber', { caseNumber })}</strong>
      </p>
      {needsConfirmation ? (
        <>
          <p class="utrecht-paragraph">{i.t('support.done.checkMail')}</p>
          <p class="utrecht-paragraph">{i.t('support.done.spam')}</p>
        </>
      ) : null}
      {promise ? (
        <p class="utrecht-paragraph" data-promise>
          {i.t('support.done.who', { owner: promise.ownerName, days: promise.workingDays, due: i.formatDate(promise.dueAt) })}
        </p>
      ) : null}
      {loggedIn ? (
        <p class="utrecht-paragraph">
          {i.t('support.done.mine')}{' '}
          <a class="utrecht-link" href="/mijn/hulpvragen">
            {i.t('support.done.mineLink')}
          </a>
        </p>
      ) : needsConfirmation ? null : (
        <p class="utrecht-paragraph">
          {i.t('support.done.visitorNext', { email })}{' '}
          <a class="utrecht-link" href="/registreren">
            {i.t('support.done.registerLink')}
          </a>
        </p>
      )}
    </>
  );
}

export function ConfirmInvalidView({ i }: { i: I18n }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('support.confirm.invalidTitle')}</h1>
      <p class="utrecht-paragraph">{i.t('support.confirm.invalidText')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/hulp-vragen">
          {i.t('support.ask.title')}
        </a>
      </p>
    </>
  );
}
