import { CERTIFICATIONS, LEGAL_FORMS, region, SDGS, THEMES } from '../../../data/reference.ts';
import { CheckboxGroup, CsrfField, ErrorSummary, type FormState, SelectField, SubmitButton, TextArea, TextField } from '../../../web/components/forms.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import type { KvkTaken } from '../profiles.service.ts';
import { PITCH_MAX } from '../profiles.validation.ts';

/** Field labels by form name, for the error summary and the "still missing" list. */
export function profileFieldLabels(i: I18n): Record<string, string> {
  const names = [
    'name', 'kvkNumber', 'legalForm', 'municipality', 'streetAddress', 'postcode', 'city', 'lat', 'lng', 'website', 'email', 'phone',
    'pitch', 'description', 'impactProblem', 'impactTargetGroup', 'impactMeasurement', 'themes', 'sdgs', 'certifications',
    'certificationOther', 'foundedYear', 'employees', 'employeesDistance', 'offer', 'needs',
  ];
  return Object.fromEntries(names.map((n) => [n, i.t(`profiles.field.${n}`)]));
}

/** The offer to claim an organisation that is already registered under the typed KvK number. */
export function KvkTakenNotice({ i, taken, csrfToken }: { i: I18n; taken: KvkTaken; csrfToken: string }) {
  return (
    <section class="utrecht-alert utrecht-alert--warning ir-kvk-taken" aria-labelledby="kvk-bestaat-titel">
      <h2 class="utrecht-heading-2" id="kvk-bestaat-titel">
        {i.t('profiles.kvkTaken.title')}
      </h2>
      <p class="utrecht-paragraph">
        {taken.publicName ? i.t('profiles.kvkTaken.textNamed', { kvk: taken.kvkNumber, name: taken.publicName }) : i.t('profiles.kvkTaken.text', { kvk: taken.kvkNumber })}
      </p>
      <p class="utrecht-paragraph">{i.t('profiles.kvkTaken.claimIntro')}</p>
      <form method="post" action="/mijn/organisaties/claimen" class="ir-form">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="kvkNumber" value={taken.kvkNumber} />
        <TextArea i={i} form={{ values: {}, errors: {} }} name="message" label={i.t('profiles.claim.message')} hint={i.t('profiles.claim.messageHint')} rows={3} maxlength={1000} />
        <SubmitButton>{i.t('profiles.claim.submit')}</SubmitButton>
      </form>
    </section>
  );
}

export function ProfileFormView({
  i,
  form,
  mode,
  action,
  csrfToken,
  organisationName,
  kvkTaken,
  cancelHref,
}: {
  i: I18n;
  form: FormState;
  mode: 'create' | 'edit';
  action: string;
  csrfToken: string;
  organisationName?: string;
  kvkTaken?: KvkTaken | null;
  cancelHref: string;
}) {
  const labels = profileFieldLabels(i);
  const common = { i, form };
  // Fields a draft may leave empty but review needs: say so instead of marking them required.
  const review = (hint: string) => `${hint} ${i.t('profiles.hint.neededForReview')}`.trim();
  const title = mode === 'create' ? i.t('profiles.create.title') : i.t('profiles.edit.title', { name: organisationName ?? '' });
  return (
    <>
      <h1 class="utrecht-heading-1">{title}</h1>
      {kvkTaken && mode === 'create' ? <KvkTakenNotice i={i} taken={kvkTaken} csrfToken={csrfToken} /> : null}
      <ErrorSummary i={i} form={form} labels={labels} />
      <p class="utrecht-paragraph">{i.t(mode === 'create' ? 'profiles.create.intro' : 'profiles.edit.intro')}</p>
      <form method="post" action={action} class="ir-form ir-profile-form" novalidate>
        <CsrfField token={csrfToken} />
        <section aria-labelledby="sectie-gegevens">
          <h2 class="utrecht-heading-2" id="sectie-gegevens">
            {i.t('profiles.form.sectionBasics')}
          </h2>
          <TextField {...common} name="name" label={labels.name} required maxlength={120} autocomplete="organization" />
          <TextField {...common} name="kvkNumber" label={labels.kvkNumber} hint={i.t('profiles.hint.kvkNumber')} required inputmode="numeric" maxlength={12} />
          <SelectField
            {...common}
            name="legalForm"
            label={labels.legalForm}
            required
            emptyLabel={i.t('profiles.form.choose')}
            options={LEGAL_FORMS.map((f) => ({ value: f.code, label: i.label(f.label) }))}
          />
          <SelectField
            {...common}
            name="municipality"
            label={labels.municipality}
            hint={i.t('profiles.hint.municipality')}
            required
            emptyLabel={i.t('profiles.form.choose')}
            options={region.municipalities.map((m) => ({ value: m.slug, label: m.name }))}
          />
          <TextField {...common} name="pitch" label={labels.pitch} hint={review(i.t('profiles.hint.pitch', { max: PITCH_MAX }))} maxlength={PITCH_MAX} />
        </section>
        <section aria-labelledby="sectie-contact">
          <h2 class="utrecht-heading-2" id="sectie-contact">
            {i.t('profiles.form.sectionContact')}
          </h2>
          <TextField {...common} name="streetAddress" label={labels.streetAddress} autocomplete="street-address" maxlength={200} />
          <TextField {...common} name="postcode" label={labels.postcode} hint={i.t('profiles.hint.postcode')} autocomplete="postal-code" maxlength={10} />
          <TextField {...common} name="city" label={labels.city} hint={review('')} autocomplete="address-level2" maxlength={100} />
          <TextField {...common} name="lat" label={labels.lat} hint={i.t('profiles.hint.lat')} inputmode="decimal" maxlength={20} />
          <TextField {...common} name="lng" label={labels.lng} hint={i.t('profiles.hint.lng')} inputmode="decimal" maxlength={20} />
          <TextField {...common} name="website" type="url" label={labels.website} hint={i.t('profiles.hint.website')} autocomplete="url" maxlength={300} />
          <TextField {...common} name="email" type="email" label={labels.email} hint={i.t('profiles.hint.email')} autocomplete="email" maxlength={254} />
          <TextField {...common} name="phone" type="tel" label={labels.phone} autocomplete="tel" maxlength={30} />
        </section>
        <section aria-labelledby="sectie-over">
          <h2 class="utrecht-heading-2" id="sectie-over">
            {i.t('profiles.form.sectionAbout')}
          </h2>
          <TextArea {...common} name="description" label={labels.description} hint={review(i.t('profiles.hint.description'))} rows={8} maxlength={5000} />
          <TextField {...common} name="foundedYear" label={labels.foundedYear} inputmode="numeric" maxlength={4} />
          <TextField {...common} name="employees" label={labels.employees} inputmode="numeric" maxlength={7} />
          <TextField {...common} name="employeesDistance" label={labels.employeesDistance} hint={i.t('profiles.hint.employeesDistance')} inputmode="numeric" maxlength={7} />
        </section>
        <section aria-labelledby="sectie-impact">
          <h2 class="utrecht-heading-2" id="sectie-impact">
            {i.t('profiles.form.sectionImpact')}
          </h2>
          <p class="utrecht-paragraph">{i.t('profiles.form.impactIntro')}</p>
          <TextArea {...common} name="impactProblem" label={labels.impactProblem} hint={review(i.t('profiles.hint.impactProblem'))} rows={4} maxlength={2000} />
          <TextArea {...common} name="impactTargetGroup" label={labels.impactTargetGroup} hint={review(i.t('profiles.hint.impactTargetGroup'))} rows={3} maxlength={2000} />
          <TextArea {...common} name="impactMeasurement" label={labels.impactMeasurement} hint={review(i.t('profiles.hint.impactMeasurement'))} rows={4} maxlength={2000} />
          <CheckboxGroup {...common} name="themes" label={labels.themes} hint={review(i.t('profiles.hint.themes'))} options={THEMES.map((t) => ({ value: t.slug, label: i.label(t.label) }))} />
          <CheckboxGroup
            {...common}
            name="sdgs"
            label={labels.sdgs}
            hint={i.t('profiles.hint.sdgs')}
            options={SDGS.map((s) => ({ value: String(s.number), label: `${s.number}. ${i.label(s.label)}` }))}
          />
        </section>
        <section aria-labelledby="sectie-keurmerken">
          <h2 class="utrecht-heading-2" id="sectie-keurmerken">
            {i.t('profiles.form.sectionCertifications')}
          </h2>
          <CheckboxGroup
            {...common}
            name="certifications"
            label={labels.certifications}
            hint={i.t('profiles.hint.certifications')}
            options={CERTIFICATIONS.map((c) => ({ value: c.code, label: i.label(c.label) }))}
          />
          <TextField {...common} name="certificationOther" label={labels.certificationOther} hint={i.t('profiles.hint.certificationOther')} maxlength={100} />
        </section>
        <section aria-labelledby="sectie-aanbod">
          <h2 class="utrecht-heading-2" id="sectie-aanbod">
            {i.t('profiles.form.sectionOfferNeeds')}
          </h2>
          <TextArea {...common} name="offer" label={labels.offer} hint={i.t('profiles.hint.offer')} rows={4} maxlength={2000} />
          <TextArea {...common} name="needs" label={labels.needs} hint={i.t('profiles.hint.needs')} rows={4} maxlength={2000} />
        </section>
        <div class="ir-profile-actions-row">
          <SubmitButton>{i.t(mode === 'create' ? 'profiles.create.submit' : 'common.form.save')}</SubmitButton>
          <a class="utrecht-link" href={cancelHref}>
            {i.t('common.form.cancel')}
          </a>
        </div>
      </form>
    </>
  );
}
