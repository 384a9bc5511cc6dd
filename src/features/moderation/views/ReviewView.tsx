import { CERTIFICATIONS } from '../../../data/reference.ts';
import { CsrfField, ErrorSummary, type FormState, SubmitButton, TextArea } from '../../../web/components/forms.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import type { CertificationRow, OrganisationRow } from '../../profiles/profiles.queries.ts';
import { ProfileDetails, StatusBadge } from '../../profiles/views/ProfileDetails.tsx';
import { profileFieldLabels } from '../../profiles/views/ProfileFormView.tsx';

export type ReviewData = {
  organisation: OrganisationRow;
  certifications: CertificationRow[];
  consent: { givenAt: Date; textVersion: string } | null;
  members: Array<{ userId: string; name: string; email: string; role: 'owner' | 'member' }>;
  changedFields: string[];
};

/** The coordinator's review page: everything entered, and the decisions that fit the profile's status. */
export function ReviewView({ i, csrfToken, data, form }: { i: I18n; csrfToken: string; data: ReviewData; form?: FormState }) {
  const { organisation: o, certifications, consent, members, changedFields } = data;
  const fieldLabels: Record<string, string> = { ...profileFieldLabels(i), logo: i.t('moderation.review.logo') };
  const state = form ?? { values: {}, errors: {} };
  const certLabel = (c: CertificationRow) => {
    const base = CERTIFICATIONS.find((x) => x.code === c.code);
    const label = base ? i.label(base.label) : c.code;
    return c.code === 'anders' && c.otherName ? `${label}: ${c.otherName}` : label;
  };
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('moderation.review.title', { name: o.name })}</h1>
      <ErrorSummary i={i} form={state} labels={{ reason: i.t('moderation.review.reason') }} />
      <p class="utrecht-paragraph">
        {i.t('moderation.review.status')} <StatusBadge i={i} status={o.status} />
      </p>
      <dl class="ir-profile-dl">
        <div class="ir-profile-dl__row">
          <dt>{i.t('moderation.col.submittedAt')}</dt>
          <dd>{o.submittedAt ? i.formatDateTime(o.submittedAt) : i.t('profiles.details.empty')}</dd>
        </div>
        <div class="ir-profile-dl__row">
          <dt>{i.t('moderation.review.consent')}</dt>
          <dd data-consent={consent ? 'given' : 'none'}>
            {consent ? i.t('moderation.review.consentGiven', { date: i.formatDateTime(consent.givenAt), version: consent.textVersion }) : i.t('moderation.review.consentNone')}
          </dd>
        </div>
        <div class="ir-profile-dl__row">
          <dt>{i.t('moderation.review.members')}</dt>
          <dd>
            {members.length ? (
              <ul class="utrecht-unordered-list">
                {members.map((m) => (
                  <li>
                    {m.name} ({i.t(`moderation.role.${m.role}`)}),{' '}
                    <a class="utrecht-link" href={`mailto:${m.email}`}>
                      {m.email}
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              i.t('moderation.review.noMembers')
            )}
          </dd>
        </div>
        {o.status === 'rejected' && o.rejectionReason ? (
          <div class="ir-profile-dl__row">
            <dt>{i.t('moderation.review.lastReason')}</dt>
            <dd class="ir-profile-prewrap">{o.rejectionReason}</dd>
          </div>
        ) : null}
      </dl>

      {o.status === 'published' && changedFields.length ? (
        <section aria-labelledby="wijzigingen" class="ir-profile-panel">
          <h2 class="utrecht-heading-2" id="wijzigingen">
            {i.t('moderation.review.changesTitle')}
          </h2>
          <p class="utrecht-paragraph">{i.t('moderation.review.changesIntro')}</p>
          <ul class="utrecht-unordered-list" data-changed-fields>
            {changedFields.map((f) => (
              <li>{fieldLabels[f] ?? f}</li>
            ))}
          </ul>
          <form method="post" action={`/beheer/moderatie/organisaties/${o.id}/gezien`}>
            <CsrfField token={csrfToken} />
            <SubmitButton>{i.t('moderation.review.markSeen')}</SubmitButton>
          </form>
        </section>
      ) : null}

      {o.status === 'in_review' ? (
        <section aria-labelledby="besluit" class="ir-profile-panel">
          <h2 class="utrecht-heading-2" id="besluit">
            {i.t('moderation.review.decisionTitle')}
          </h2>
          <form method="post" action={`/beheer/moderatie/organisaties/${o.id}/goedkeuren`} class="ir-form">
            <CsrfField token={csrfToken} />
            <p class="utrecht-paragraph">{i.t('moderation.review.approveExplain')}</p>
            <SubmitButton>{i.t('moderation.review.approve')}</SubmitButton>
          </form>
          <form method="post" action={`/beheer/moderatie/organisaties/${o.id}/afwijzen`} class="ir-form" novalidate>
            <CsrfField token={csrfToken} />
            <TextArea i={i} form={state} name="reason" label={i.t('moderation.review.reason')} hint={i.t('moderation.review.reasonHint')} required rows={4} maxlength={2000} />
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">
              {i.t('moderation.review.reject')}
            </button>
          </form>
        </section>
      ) : null}

      {o.status === 'published' ? (
        <section aria-labelledby="offline" class="ir-profile-panel">
          <h2 class="utrecht-heading-2" id="offline">
            {i.t('moderation.review.offlineTitle')}
          </h2>
          <form method="post" action={`/beheer/moderatie/organisaties/${o.id}/offline`} class="ir-form" novalidate>
            <CsrfField token={csrfToken} />
            <TextArea i={i} form={state} name="reason" label={i.t('moderation.review.reason')} hint={i.t('moderation.review.offlineHint')} required rows={4} maxlength={2000} />
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">
              {i.t('moderation.review.offline')}
            </button>
          </form>
        </section>
      ) : null}

      {certifications.length ? (
        <section aria-labelledby="keurmerken" class="ir-profile-panel">
          <h2 class="utrecht-heading-2" id="keurmerken">
            {i.t('moderation.review.certificationsTitle')}
          </h2>
          <form method="post" action={`/beheer/moderatie/organisaties/${o.id}/keurmerken`} class="ir-form">
            <CsrfField token={csrfToken} />
            <fieldset class="utrecht-form-fieldset ir-fieldset">
              <legend class="utrecht-form-fieldset__legend utrecht-form-label">{i.t('moderation.review.certificationsLegend')}</legend>
              {certifications.map((c, idx) => (
                <div class="utrecht-form-field utrecht-form-field--checkbox ir-checkbox">
                  <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={`keurmerk-${idx}`} name="verified" value={c.code} checked={c.verified} />
                  <label class="utrecht-form-label utrecht-form-label--checkbox" for={`keurmerk-${idx}`}>
                    {certLabel(c)}
                    {c.verified && c.verifiedAt ? ` (${i.t('moderation.review.verifiedOn', { date: i.formatDate(c.verifiedAt) })})` : ''}
                  </label>
                </div>
              ))}
            </fieldset>
            <SubmitButton>{i.t('moderation.review.saveVerification')}</SubmitButton>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="profiel" class="ir-profile-panel">
        <h2 class="utrecht-heading-2" id="profiel">
          {i.t('moderation.review.profileTitle')}
        </h2>
        {o.hasLogo ? (
          <img class="ir-profile-logo" src={`/beheer/moderatie/organisaties/${o.id}/logo?v=${o.updatedAt.getTime()}`} alt={i.t('profiles.logo.alt', { name: o.name })} />
        ) : (
          <p class="utrecht-paragraph">{i.t('profiles.logo.none')}</p>
        )}
        <ProfileDetails i={i} organisation={o} certifications={certifications} headingLevel={3} />
      </section>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer/moderatie">
          {i.t('moderation.backToQueue')}
        </a>
      </p>
    </>
  );
}

export type ClaimDetails = {
  claim: { id: string; status: 'pending' | 'approved' | 'rejected'; message: string; createdAt: Date; organisationId: string; decisionReason: string | null };
  organisationName: string;
  organisationStatus: OrganisationRow['status'];
  kvkNumber: string | null;
  claimantName: string;
  claimantEmail: string;
};

export function ClaimDecisionView({ i, csrfToken, data, form }: { i: I18n; csrfToken: string; data: ClaimDetails; form?: FormState }) {
  const state = form ?? { values: {}, errors: {} };
  const c = data.claim;
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('moderation.claim.title', { name: data.organisationName })}</h1>
      <ErrorSummary i={i} form={state} labels={{ reason: i.t('moderation.review.reason') }} />
      <dl class="ir-profile-dl">
        <div class="ir-profile-dl__row">
          <dt>{i.t('moderation.col.claimant')}</dt>
          <dd>
            {data.claimantName},{' '}
            <a class="utrecht-link" href={`mailto:${data.claimantEmail}`}>
              {data.claimantEmail}
            </a>
          </dd>
        </div>
        <div class="ir-profile-dl__row">
          <dt>{i.t('moderation.col.organisation')}</dt>
          <dd>
            <a class="utrecht-link" href={`/beheer/moderatie/organisaties/${c.organisationId}`}>
              {data.organisationName}
            </a>{' '}
            ({i.t(`profiles.status.${data.organisationStatus}`)})
          </dd>
        </div>
        <div class="ir-profile-dl__row">
          <dt>{i.t('moderation.col.kvk')}</dt>
          <dd>{data.kvkNumber ?? ''}</dd>
        </div>
        <div class="ir-profile-dl__row">
          <dt>{i.t('moderation.col.requestedAt')}</dt>
          <dd>{i.formatDateTime(c.createdAt)}</dd>
        </div>
        <div class="ir-profile-dl__row">
          <dt>{i.t('moderation.claim.message')}</dt>
          <dd class="ir-profile-prewrap">{c.message || i.t('profiles.details.empty')}</dd>
        </div>
        <div class="ir-profile-dl__row">
          <dt>{i.t('moderation.claim.status')}</dt>
          <dd>{i.t(`moderation.claimStatus.${c.status}`)}</dd>
        </div>
      </dl>
      {c.status === 'pending' ? (
        <section aria-labelledby="besluit" class="ir-profile-panel">
          <h2 class="utrecht-heading-2" id="besluit">
            {i.t('moderation.review.decisionTitle')}
          </h2>
          <form method="post" action={`/beheer/moderatie/aanvragen/${c.id}/goedkeuren`} class="ir-form">
            <CsrfField token={csrfToken} />
            <p class="utrecht-paragraph">{i.t('moderation.claim.approveExplain')}</p>
            <SubmitButton>{i.t('moderation.claim.approve')}</SubmitButton>
          </form>
          <form method="post" action={`/beheer/moderatie/aanvragen/${c.id}/afwijzen`} class="ir-form" novalidate>
            <CsrfField token={csrfToken} />
            <TextArea i={i} form={state} name="reason" label={i.t('moderation.review.reason')} hint={i.t('moderation.claim.reasonHint')} required rows={4} maxlength={2000} />
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">
              {i.t('moderation.claim.reject')}
            </button>
          </form>
        </section>
      ) : c.decisionReason ? (
        <p class="utrecht-paragraph ir-profile-prewrap">
          {i.t('moderation.claim.reasonGiven')} {c.decisionReason}
        </p>
      ) : null}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer/moderatie/aanvragen">
          {i.t('moderation.backToClaims')}
        </a>
      </p>
    </>
  );
}
