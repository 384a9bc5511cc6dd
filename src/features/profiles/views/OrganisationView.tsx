import { Checkbox, CsrfField, ErrorSummary, type FormState, SubmitButton } from '../../../web/components/forms.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import type { CertificationRow, OrganisationRow } from '../profiles.queries.ts';
import { CONSENT_TEXT_VERSION } from '../profiles.validation.ts';
import { ProfileDetails, StatusSummary } from './ProfileDetails.tsx';
import { profileFieldLabels } from './ProfileFormView.tsx';

export type OrganisationViewProps = {
  i: I18n;
  csrfToken: string;
  organisation: OrganisationRow;
  certifications: CertificationRow[];
  consent: { givenAt: Date; textVersion: string } | null;
  /** Form fields review still needs. */
  missing: string[];
  /** Errors of the consent or submit form, when one came back. */
  form?: FormState;
};

/** The organisation's own page for its members: status, consent, submit for review, and the whole profile. */
export function OrganisationView({ i, csrfToken, organisation: o, certifications, consent, missing, form }: OrganisationViewProps) {
  const labels: Record<string, string> = { ...profileFieldLabels(i), consent: i.t('profiles.consent.checkbox'), submit: i.t('profiles.submit.title') };
  const canSubmit = o.status === 'draft' || o.status === 'rejected';
  return (
    <>
      <h1 class="utrecht-heading-1">{o.name}</h1>
      {form ? <ErrorSummary i={i} form={form} labels={labels} /> : null}
      <StatusSummary i={i} status={o.status} rejectionReason={o.rejectionReason} />
      {o.status === 'published' ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/ondernemers/${o.slug}`}>
            {i.t('profiles.overview.viewPublic')}
          </a>
        </p>
      ) : null}
      <ul class="ir-profile-links">
        <li>
          <a class="utrecht-link" href={`/mijn/organisaties/${o.id}/bewerken`}>
            {i.t('profiles.mine.edit')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={`/mijn/organisaties/${o.id}/logo`}>
            {i.t('profiles.mine.logo')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href="/mijn/organisaties">
            {i.t('profiles.overview.back')}
          </a>
        </li>
      </ul>
      {o.status === 'published' ? <p class="utrecht-paragraph">{i.t('profiles.overview.editPublished')}</p> : null}

      <section aria-labelledby="toestemming" class="ir-profile-panel">
        <h2 class="utrecht-heading-2" id="toestemming">
          {i.t('profiles.consent.title')}
        </h2>
        <div class="ir-consent-text">
          <p class="utrecht-paragraph">{i.t(`profiles.consent.text.${CONSENT_TEXT_VERSION}`)}</p>
          <p class="utrecht-paragraph ir-profile-muted">{i.t('profiles.consent.version', { version: CONSENT_TEXT_VERSION })}</p>
        </div>
        {consent ? (
          <>
            <p class="utrecht-paragraph" data-consent="given">
              {i.t('profiles.consent.given', { date: i.formatDateTime(consent.givenAt), version: consent.textVersion })}
            </p>
            <p class="utrecht-paragraph">{i.t('profiles.consent.withdrawExplain')}</p>
            <form method="post" action={`/mijn/organisaties/${o.id}/toestemming/intrekken`}>
              <CsrfField token={csrfToken} />
              <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                {i.t('profiles.consent.withdraw')}
              </button>
            </form>
          </>
        ) : (
          <form method="post" action={`/mijn/organisaties/${o.id}/toestemming`} novalidate>
            <CsrfField token={csrfToken} />
            <Checkbox i={i} form={form ?? { values: {}, errors: {} }} name="consent" label={i.t('profiles.consent.checkbox')} required />
            <SubmitButton>{i.t('profiles.consent.give')}</SubmitButton>
          </form>
        )}
      </section>

      {canSubmit ? (
        <section aria-labelledby="indienen" class="ir-profile-panel">
          <h2 class="utrecht-heading-2" id="indienen">
            {i.t('profiles.submit.title')}
          </h2>
          <p class="utrecht-paragraph">{i.t('profiles.submit.intro')}</p>
          {missing.length ? (
            <>
              <p class="utrecht-paragraph">{i.t('profiles.submit.missingIntro')}</p>
              <ul class="utrecht-unordered-list" data-missing>
                {missing.map((field) => (
                  <li>
                    <a class="utrecht-link" href={`/mijn/organisaties/${o.id}/bewerken#veld-${field}`}>
                      {labels[field] ?? field}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {!consent ? <p class="utrecht-paragraph">{i.t('profiles.submit.consentFirst')}</p> : null}
          <form method="post" action={`/mijn/organisaties/${o.id}/indienen`}>
            <CsrfField token={csrfToken} />
            <span id="veld-submit" />
            <SubmitButton>{i.t('profiles.submit.button')}</SubmitButton>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="profiel" class="ir-profile-panel">
        <h2 class="utrecht-heading-2" id="profiel">
          {i.t('profiles.overview.profileTitle')}
        </h2>
        <ProfileDetails i={i} organisation={o} certifications={certifications} headingLevel={3} />
      </section>
    </>
  );
}
