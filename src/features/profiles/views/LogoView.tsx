import { CsrfField, ErrorSummary, fieldId, type FormState, SubmitButton } from '../../../web/components/forms.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';

/** Upload or remove the organisation's logo. The file input is not in the shared components: only this form uploads. */
export function LogoView({ i, csrfToken, organisation, form }: { i: I18n; csrfToken: string; organisation: { id: string; name: string; hasLogo: boolean; updatedAt: Date }; form: FormState }) {
  const errors = form.errors.logo ?? [];
  const id = fieldId('logo');
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('profiles.logo.title', { name: organisation.name })}</h1>
      <ErrorSummary i={i} form={form} labels={{ logo: i.t('profiles.logo.field') }} />
      <section aria-labelledby="huidig-logo">
        <h2 class="utrecht-heading-2" id="huidig-logo">
          {i.t('profiles.logo.current')}
        </h2>
        {organisation.hasLogo ? (
          <>
            <img
              class="ir-profile-logo"
              src={`/mijn/organisaties/${organisation.id}/logo/afbeelding?v=${organisation.updatedAt.getTime()}`}
              alt={i.t('profiles.logo.alt', { name: organisation.name })}
            />
            <form method="post" action={`/mijn/organisaties/${organisation.id}/logo/verwijderen`}>
              <CsrfField token={csrfToken} />
              <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                {i.t('profiles.logo.remove')}
              </button>
            </form>
          </>
        ) : (
          <p class="utrecht-paragraph">{i.t('profiles.logo.none')}</p>
        )}
      </section>
      <section aria-labelledby="nieuw-logo">
        <h2 class="utrecht-heading-2" id="nieuw-logo">
          {i.t(organisation.hasLogo ? 'profiles.logo.replaceTitle' : 'profiles.logo.uploadTitle')}
        </h2>
        <form method="post" action={`/mijn/organisaties/${organisation.id}/logo`} enctype="multipart/form-data" class="ir-form">
          <CsrfField token={csrfToken} />
          <div class={`utrecht-form-field ir-field ${errors.length ? 'utrecht-form-field--invalid' : ''}`}>
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for={id}>
                {i.t('profiles.logo.field')}
              </label>
            </div>
            <div class="utrecht-form-field-description" id={`${id}-uitleg`}>
              {i.t('profiles.logo.hint')}
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
                name="logo"
                accept="image/png,image/jpeg,image/webp"
                required
                aria-invalid={errors.length ? 'true' : undefined}
                aria-describedby={[`${id}-uitleg`, errors.length ? `${id}-fout` : null].filter(Boolean).join(' ')}
              />
            </div>
          </div>
          <SubmitButton>{i.t('profiles.logo.submit')}</SubmitButton>
        </form>
      </section>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/mijn/organisaties/${organisation.id}`}>
          {i.t('profiles.logo.back', { name: organisation.name })}
        </a>
      </p>
    </>
  );
}
