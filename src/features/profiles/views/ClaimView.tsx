import { CsrfField, ErrorSummary, type FormState, SubmitButton, TextArea, TextField } from '../../../web/components/forms.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';

/** Ask to become a member of an organisation that is already on the platform. */
export function ClaimView({ i, csrfToken, form }: { i: I18n; csrfToken: string; form: FormState }) {
  const labels = { kvkNumber: i.t('profiles.field.kvkNumber'), message: i.t('profiles.claim.message') };
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('profiles.claim.title')}</h1>
      <ErrorSummary i={i} form={form} labels={labels} />
      <p class="utrecht-paragraph">{i.t('profiles.claim.intro')}</p>
      <form method="post" action="/mijn/organisaties/claimen" class="ir-form" novalidate>
        <CsrfField token={csrfToken} />
        <TextField i={i} form={form} name="kvkNumber" label={labels.kvkNumber} hint={i.t('profiles.hint.kvkNumber')} required inputmode="numeric" maxlength={12} />
        <TextArea i={i} form={form} name="message" label={labels.message} hint={i.t('profiles.claim.messageHint')} rows={4} maxlength={1000} />
        <div class="ir-profile-actions-row">
          <SubmitButton>{i.t('profiles.claim.submit')}</SubmitButton>
          <a class="utrecht-link" href="/mijn/organisaties">
            {i.t('common.form.cancel')}
          </a>
        </div>
      </form>
    </>
  );
}
