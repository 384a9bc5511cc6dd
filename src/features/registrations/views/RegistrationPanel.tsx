import { CsrfField } from '../../../web/components/forms.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import type { CurrentUser } from '../../../web/types.ts';
import { formatWhen } from '../registrations.format.ts';
import type { RegistrationSummary } from '../registrations.service.ts';

export type RegistrationPanelProps = {
  i18n: I18n;
  event: {
    id: string;
    slug: string;
    title: string;
    registrationMode: 'none' | 'internal' | 'external';
    externalRegistrationUrl: string | null;
    capacity: number | null;
    status: string;
  };
  occurrence: { id: string; startsAt: Date; endsAt: Date; status: string };
  /** From registrationSummaries(); undefined is read as "nobody registered yet". */
  summary: RegistrationSummary | undefined;
  user: CurrentUser | null;
  csrfToken: string;
  past: boolean;
  /** Heading level of the panel title; 2 by default (3 when the event page lists several dates under a heading). */
  headingLevel?: 2 | 3;
};

/** Where the panel's form posts; the page of the same address shows the form alone (and again with errors). */
export const registerPath = (slug: string) => `/agenda/${encodeURIComponent(slug)}/aanmelden`;

/**
 * Registration for one date of an event, for the event page (helper A renders one per upcoming date). Works
 * without JavaScript: a plain form posting to POST /agenda/:slug/aanmelden with the occurrence id hidden.
 */
export function RegistrationPanel(p: RegistrationPanelProps) {
  const i = p.i18n;
  if (p.event.registrationMode === 'none') return null;
  const idBase = `aanmelden-${p.occurrence.id}`;
  const Heading = p.headingLevel === 3 ? 'h3' : 'h2';
  const when = formatWhen(i, p.occurrence.startsAt, p.occurrence.endsAt);
  // Under the event page's own "Aanmelden" heading (level 3) the date alone names the panel; on its own it says both.
  const title = (
    <Heading class={p.headingLevel === 3 ? 'utrecht-heading-3' : 'utrecht-heading-2'} id={`${idBase}-titel`}>
      {p.headingLevel === 3 ? (
        when
      ) : (
        <>
          {i.t('registrations.panel.title')}
          <span class="ir-registration-panel__date"> {when}</span>
        </>
      )}
    </Heading>
  );
  const frame = (body: unknown) => (
    <section class="ir-registration-panel" aria-labelledby={`${idBase}-titel`} data-registration-panel={p.occurrence.id}>
      {title}
      {body}
    </section>
  );

  if (p.event.status === 'cancelled' || p.occurrence.status === 'cancelled') return frame(<p class="utrecht-paragraph">{i.t('registrations.panel.cancelled')}</p>);
  if (p.past) return frame(<p class="utrecht-paragraph">{i.t('registrations.panel.past')}</p>);

  if (p.event.registrationMode === 'external') {
    // Only web links: whatever got stored, a javascript: or data: URL never becomes a link.
    if (!p.event.externalRegistrationUrl || !/^https?:\/\//i.test(p.event.externalRegistrationUrl)) return null;
    return frame(
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={p.event.externalRegistrationUrl} rel="noopener noreferrer external">
          {i.t('registrations.panel.external')}
        </a>
      </p>,
    );
  }
  if (p.event.status !== 'published') return frame(<p class="utrecht-paragraph">{i.t('registrations.panel.notOpen')}</p>);

  const s = p.summary ?? { confirmed: 0, waitlisted: 0, placesLeft: p.event.capacity, mine: null };
  if (s.mine) {
    return frame(
      <>
        <p class="utrecht-paragraph" data-registration-status={s.mine}>
          {i.t(s.mine === 'confirmed' ? 'registrations.panel.mineConfirmed' : 'registrations.panel.mineWaitlisted')}
        </p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/mijn/aanmeldingen">
            {i.t('registrations.panel.mineLink')}
          </a>
        </p>
      </>,
    );
  }

  const full = s.placesLeft !== null && s.placesLeft <= 0;
  const places =
    s.placesLeft === null
      ? null
      : full
        ? i.t(s.waitlisted === 0 ? 'registrations.form.full' : s.waitlisted === 1 ? 'registrations.panel.fullOne' : 'registrations.panel.full', { waitlisted: s.waitlisted })
        : i.t(s.placesLeft === 1 ? 'registrations.panel.placeLeft' : 'registrations.panel.placesLeft', { n: s.placesLeft });
  const button = full ? i.t('registrations.panel.joinWaitlist') : i.t('registrations.panel.register');

  return frame(
    <>
      {places ? (
        <p class="utrecht-paragraph" data-places>
          {places}
        </p>
      ) : null}
      <form method="post" action={registerPath(p.event.slug)} class="ir-form ir-registration-form" novalidate>
        <CsrfField token={p.csrfToken} />
        <input type="hidden" name="occurrenceId" value={p.occurrence.id} />
        {full ? <input type="hidden" name="wachtlijst" value="ja" /> : null}
        {p.user ? (
          <p class="utrecht-paragraph">{i.t('registrations.panel.asUser', { name: p.user.name, email: p.user.email })}</p>
        ) : (
          <>
            <PanelField id={`${idBase}-naam`} name="name" label={i.t('registrations.field.name')} autocomplete="name" required i={i} />
            <PanelField id={`${idBase}-email`} name="email" type="email" label={i.t('registrations.field.email')} autocomplete="email" required i={i} />
            <PanelField id={`${idBase}-organisatie`} name="organisationName" label={i.t('registrations.field.organisation')} autocomplete="organization" i={i} />
          </>
        )}
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {button}
        </button>
      </form>
    </>,
  );
}

/** A text field with an id of its own: an event page may hold a form per date, so ids carry the occurrence. */
function PanelField(p: { i: I18n; id: string; name: string; label: string; type?: 'text' | 'email'; autocomplete: string; required?: boolean }) {
  return (
    <div class="utrecht-form-field ir-field">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={p.id}>
          {p.label} {p.required ? null : <span class="ir-optional">{p.i.t('common.form.optional')}</span>}
        </label>
      </div>
      <div class="utrecht-form-field__input">
        <input class="utrecht-textbox utrecht-textbox--html-input" id={p.id} name={p.name} type={p.type ?? 'text'} required={p.required} autocomplete={p.autocomplete} maxlength={p.name === 'email' ? 254 : 150} />
      </div>
    </div>
  );
}
