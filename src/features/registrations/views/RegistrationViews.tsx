import { CsrfField, ErrorSummary, type FormState, SubmitButton, TextField } from '../../../web/components/forms.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import type { CurrentUser } from '../../../web/types.ts';
import { formatWhen, formatWhere } from '../registrations.format.ts';
import type { OccurrenceInfo, RegistrationRow } from '../registrations.queries.ts';
import { registerPath } from './RegistrationPanel.tsx';

const eventHref = (slug: string) => `/agenda/${encodeURIComponent(slug)}`;

/** When and where, as a definition list. The online link (and a hidden address) only for people with a place. */
function WhenWhere({ i, o, hasPlace }: { i: I18n; o: OccurrenceInfo; hasPlace: boolean }) {
  return (
    <dl class="ir-profile-dl">
      <div class="ir-profile-dl__row">
        <dt>{i.t('registrations.form.when')}</dt>
        <dd>{formatWhen(i, o.startsAt, o.endsAt)}</dd>
      </div>
      <div class="ir-profile-dl__row">
        <dt>{i.t('registrations.form.where')}</dt>
        <dd>{formatWhere(i, o, hasPlace)}</dd>
      </div>
    </dl>
  );
}

const BackToEvent = ({ i, slug }: { i: I18n; slug: string }) => (
  <p class="utrecht-paragraph">
    <a class="utrecht-link" href={eventHref(slug)}>
      {i.t('registrations.form.backToEvent')}
    </a>
  </p>
);

export type RegistrationFormViewProps = {
  i: I18n;
  csrfToken: string;
  occurrence: OccurrenceInfo;
  user: CurrentUser | null;
  /** Places left (null: no limit). */
  placesLeft: number | null;
  /** Why registering is not possible now ('closed', 'cancelled', 'past'), or null. */
  closed: 'closed' | 'cancelled' | 'past' | null;
  /** The logged-in user's own registration for this date, if any: then no form, but where to manage it. */
  mine: 'confirmed' | 'waitlisted' | null;
  form: FormState;
};

/**
 * The registration form on a page of its own: where the event page's panel form comes back to with errors, and
 * the way in for a link to one date. A full date offers the waitlist instead.
 */
export function RegistrationFormView(p: RegistrationFormViewProps) {
  const { i, occurrence: o } = p;
  const full = p.placesLeft !== null && p.placesLeft <= 0;
  const labels = { name: i.t('registrations.field.name'), email: i.t('registrations.field.email'), organisationName: i.t('registrations.field.organisation'), _form: '' };
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t(full && !p.closed ? 'registrations.form.waitlistTitle' : 'registrations.form.title', { title: o.title })}</h1>
      <ErrorSummary i={i} form={p.form} labels={labels} />
      <WhenWhere i={i} o={o} hasPlace={false} />
      {p.closed ? (
        <p class="utrecht-paragraph ir-profile-empty-state" data-refusal={p.closed}>
          {i.t(`registrations.refused.${p.closed}`)}
        </p>
      ) : p.mine && !Object.keys(p.form.errors).length ? (
        <>
          <p class="utrecht-paragraph" data-registration-status={p.mine}>
            {i.t(p.mine === 'confirmed' ? 'registrations.panel.mineConfirmed' : 'registrations.panel.mineWaitlisted')}
          </p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="/mijn/aanmeldingen">
              {i.t('registrations.panel.mineLink')}
            </a>
          </p>
          <BackToEvent i={i} slug={o.slug} />
        </>
      ) : (
        <>
          {p.form.errors._form?.length ? (
            <div class="ir-moderation-alert" id="veld-_form" data-refusal>
              <p class="utrecht-paragraph">{p.form.errors._form[0]}</p>
            </div>
          ) : null}
          {p.placesLeft !== null ? (
            <p class="utrecht-paragraph" data-places>
              {full ? i.t('registrations.form.full') : i.t(p.placesLeft === 1 ? 'registrations.panel.placeLeft' : 'registrations.panel.placesLeft', { n: p.placesLeft })}
            </p>
          ) : null}
          <form method="post" action={registerPath(o.slug)} class="ir-form ir-profile-form" novalidate>
            <CsrfField token={p.csrfToken} />
            <input type="hidden" name="occurrenceId" value={o.occurrenceId} />
            {full ? <input type="hidden" name="wachtlijst" value="ja" /> : null}
            {p.user ? (
              <p class="utrecht-paragraph">{i.t('registrations.panel.asUser', { name: p.user.name, email: p.user.email })}</p>
            ) : (
              <>
                <p class="utrecht-paragraph">{i.t('registrations.form.intro')}</p>
                <TextField i={i} form={p.form} name="name" label={labels.name} required autocomplete="name" maxlength={100} />
                <TextField i={i} form={p.form} name="email" type="email" label={labels.email} hint={i.t('registrations.field.emailHint')} required autocomplete="email" maxlength={254} />
                <TextField i={i} form={p.form} name="organisationName" label={labels.organisationName} autocomplete="organization" maxlength={150} />
              </>
            )}
            <div class="ir-form-actions">
              <SubmitButton>{i.t(full ? 'registrations.panel.joinWaitlist' : 'registrations.panel.register')}</SubmitButton>
              <a class="utrecht-link" href={eventHref(o.slug)}>
                {i.t('registrations.form.backToEvent')}
              </a>
            </div>
          </form>
          {p.user ? null : (
            <p class="utrecht-paragraph ir-account-after-form">
              {i.t('registrations.form.loginHint')}{' '}
              <a class="utrecht-link" href={`/inloggen?terug=${encodeURIComponent(`${registerPath(o.slug)}?datum=${o.occurrenceId}`)}`}>
                {i.t('registrations.form.loginLink')}
              </a>
            </p>
          )}
        </>
      )}
      {p.closed ? <BackToEvent i={i} slug={o.slug} /> : null}
    </>
  );
}

/** After registering: confirmed, or waitlisted with the place in line. */
export function RegistrationDoneView(p: { i: I18n; occurrence: OccurrenceInfo; status: 'confirmed' | 'waitlisted'; position: number | null; email: string; loggedIn: boolean }) {
  const { i, occurrence: o } = p;
  const confirmed = p.status === 'confirmed';
  return (
    <>
      <h1 class="utrecht-heading-1" data-registration-result={p.status}>
        {i.t(confirmed ? 'registrations.done.confirmedTitle' : 'registrations.done.waitlistedTitle')}
      </h1>
      <p class="utrecht-paragraph">
        {confirmed ? i.t('registrations.done.confirmedText', { title: o.title, email: p.email }) : i.t('registrations.done.waitlistedText', { position: p.position ?? 1, email: p.email })}
      </p>
      <WhenWhere i={i} o={o} hasPlace={confirmed} />
      {p.loggedIn ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/mijn/aanmeldingen">
            {i.t('registrations.done.mine')}
          </a>
        </p>
      ) : null}
      <BackToEvent i={i} slug={o.slug} />
    </>
  );
}

export type CancelPageState = 'ask' | 'already_cancelled' | 'past';

/**
 * The page behind the cancel link (and behind "Afmelden" in Mijn aanmeldingen): says what will be cancelled and asks
 * to confirm with a POST to `action`.
 */
export function CancelLinkView(p: { i: I18n; csrfToken: string; action: string; registration: RegistrationRow; occurrence: OccurrenceInfo; position: number | null; state: CancelPageState }) {
  const { i, registration: r, occurrence: o } = p;
  const waitlisted = r.status === 'waitlisted';
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('registrations.cancel.title')}</h1>
      {p.state === 'already_cancelled' ? (
        <>
          <p class="utrecht-paragraph" data-cancel-state="cancelled">
            {i.t('registrations.cancel.alreadyText', { title: o.title })}
          </p>
          <p class="utrecht-paragraph">{i.t('registrations.cancel.registerAgain')}</p>
        </>
      ) : p.state === 'past' ? (
        <p class="utrecht-paragraph" data-cancel-state="past">
          {i.t('registrations.cancel.pastText')}
        </p>
      ) : (
        <p class="utrecht-paragraph" data-cancel-state="ask">
          {waitlisted ? i.t('registrations.cancel.confirmWaitlistText', { title: o.title, position: p.position ?? 1 }) : i.t('registrations.cancel.confirmText', { title: o.title })}
        </p>
      )}
      <dl class="ir-profile-dl">
        <div class="ir-profile-dl__row">
          <dt>{i.t('registrations.form.when')}</dt>
          <dd>{formatWhen(i, o.startsAt, o.endsAt)}</dd>
        </div>
        <div class="ir-profile-dl__row">
          <dt>{i.t('registrations.cancel.who')}</dt>
          <dd>
            {r.name} ({r.email})
          </dd>
        </div>
        {p.state === 'ask' ? (
          <div class="ir-profile-dl__row">
            <dt>{i.t('registrations.cancel.status')}</dt>
            <dd>{waitlisted ? i.t('registrations.cancel.statusWaitlisted', { position: p.position ?? 1 }) : i.t('registrations.cancel.statusConfirmed')}</dd>
          </div>
        ) : null}
      </dl>
      {p.state === 'ask' ? (
        <form method="post" action={p.action} class="ir-form">
          <CsrfField token={p.csrfToken} />
          <div class="ir-form-actions">
            <SubmitButton>{i.t('registrations.cancel.submit')}</SubmitButton>
            <a class="utrecht-link" href={eventHref(o.slug)}>
              {i.t('registrations.cancel.keep')}
            </a>
          </div>
        </form>
      ) : (
        <BackToEvent i={i} slug={o.slug} />
      )}
    </>
  );
}
