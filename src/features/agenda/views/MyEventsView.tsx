import { CsrfField, type FormState } from '../../../web/components/forms.tsx';
import { Pagination } from '../../../web/components/Pagination.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import type { RegistrationSummary } from '../../registrations/registrations.service.ts';
import type { EventRow, MyEventRow, OccurrenceRow, Organiser } from '../agenda.queries.ts';
import { toLocal } from '../recurrence.ts';
import { recurrenceText, whenText } from './agenda.format.ts';
import { eventHref } from './AgendaListView.tsx';

export function EventStatusBadge({ i, status }: { i: I18n; status: EventRow['status'] }) {
  return <span class={`ir-org-status ir-org-status--${status === 'cancelled' ? 'rejected' : status}`}>{i.t(`agenda.eventStatus.${status}`)}</span>;
}

/** /mijn/evenementen: the events of the user and their organisations. */
export function MyEventsView({
  i,
  list,
  canCreate,
  needsOrganisation,
}: {
  i: I18n;
  list: { page: number; pages: number; total: number; items: MyEventRow[] };
  canCreate: boolean;
  needsOrganisation: boolean;
}) {
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('agenda.mine.title')}</h1>
      <p class="utrecht-paragraph">{i.t('agenda.mine.intro')}</p>
      {needsOrganisation ? (
        <p class="utrecht-paragraph ir-empty-state">
          {i.t('agenda.mine.needsOrganisation')}{' '}
          <a class="utrecht-link" href="/mijn/organisaties">
            {i.t('agenda.mine.toOrganisations')}
          </a>
        </p>
      ) : canCreate ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-button utrecht-button--primary-action ir-profile-button-link" href="/mijn/evenementen/nieuw">
            {i.t('agenda.mine.create')}
          </a>
        </p>
      ) : null}
      {list.items.length === 0 ? (
        <p class="utrecht-paragraph ir-empty-state">{i.t('agenda.mine.empty')}</p>
      ) : (
        <div class="ir-moderation-scroll">
          <table class="utrecht-table ir-agenda-table">
            <caption class="utrecht-table__caption">{i.t('agenda.mine.caption', { total: list.total })}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{i.t('agenda.mine.col.title')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('agenda.mine.col.status')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('agenda.mine.col.next')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('agenda.mine.col.organiser')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {list.items.map((e) => (
                <tr class="utrecht-table__row" data-event={e.id}>
                  <td class="utrecht-table__cell">
                    <a class="utrecht-link" href={`/mijn/evenementen/${e.id}`}>
                      {e.title}
                    </a>
                  </td>
                  <td class="utrecht-table__cell">
                    <EventStatusBadge i={i} status={e.status} />
                  </td>
                  <td class="utrecht-table__cell">{e.nextStartsAt ? i.formatDateTime(e.nextStartsAt) : i.t('agenda.mine.noNext')}</td>
                  <td class="utrecht-table__cell">{e.organiserName ?? i.t('agenda.event.programme')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination i={i} page={list.page} pages={list.pages} hrefFor={(n) => `/mijn/evenementen?pagina=${n}`} />
    </>
  );
}

export type ManageData = {
  event: EventRow;
  occurrences: OccurrenceRow[];
  exdates: Date[];
  organiser: Organiser | null;
  summaries: Map<string, RegistrationSummary>;
};

/** /mijn/evenementen/:id: status, links, the dates of a series with their exceptions, cancelling. */
export function ManageEventView({ i, csrfToken, data, now, form }: { i: I18n; csrfToken: string; data: ManageData; now: Date; form?: FormState }) {
  const { event, occurrences, exdates, summaries } = data;
  const state = form ?? { values: {}, errors: {} };
  const base = `/mijn/evenementen/${event.id}`;
  const upcoming = occurrences.filter((o) => o.endsAt.getTime() >= now.getTime());
  const editable = event.status !== 'cancelled';
  const active = (id: string) => {
    const s = summaries.get(id);
    return s ? s.confirmed + s.waitlisted : 0;
  };
  return (
    <>
      <h1 class="utrecht-heading-1">{event.title}</h1>
      {Object.values(state.errors).some((m) => m.length) ? (
        // The page holds a form per date, so the messages are listed here rather than linked to one field.
        <div class="utrecht-alert utrecht-alert--error ir-error-summary" role="alert" tabindex={-1} aria-labelledby="probleem-titel" data-error-summary>
          <h2 class="utrecht-heading-2" id="probleem-titel">
            {i.t('common.form.errorSummaryTitle')}
          </h2>
          <ul class="utrecht-unordered-list">
            {Object.entries(state.errors).flatMap(([field, messages]) =>
              messages.map((m) => <li>{field === 'date' ? `${i.t('agenda.manage.newDate')}: ${m}` : field === 'time' ? `${i.t('agenda.manage.newTime')}: ${m}` : m}</li>),
            )}
          </ul>
        </div>
      ) : null}
      <p class="utrecht-paragraph">
        {i.t('agenda.manage.status')} <EventStatusBadge i={i} status={event.status} />
      </p>
      <p class="utrecht-paragraph">{i.t(`agenda.manage.statusText.${event.status}`)}</p>
      {event.status === 'rejected' && event.rejectionReason ? (
        <div class="ir-profile-reason">
          <p class="utrecht-paragraph">
            <strong>{i.t('agenda.manage.reason')}</strong>
          </p>
          <p class="utrecht-paragraph ir-profile-prewrap">{event.rejectionReason}</p>
        </div>
      ) : null}
      <ul class="ir-agenda-links">
        <li>
          <a class="utrecht-link" href={eventHref(event.slug)}>
            {i.t(event.status === 'published' || event.status === 'cancelled' ? 'agenda.manage.view' : 'agenda.manage.preview')}
          </a>
        </li>
        {editable ? (
          <li>
            <a class="utrecht-link" href={`${base}/bewerken`}>
              {i.t('agenda.manage.edit')}
            </a>
          </li>
        ) : null}
        {event.registrationMode === 'internal' && (event.status === 'published' || event.status === 'cancelled') ? (
          <li>
            <a class="utrecht-link" href={`/agenda/${encodeURIComponent(event.slug)}/deelnemers`}>
              {i.t('agenda.event.attendees')}
            </a>
          </li>
        ) : null}
      </ul>
      {event.recurrence ? <p class="utrecht-paragraph">{recurrenceText(i, event.recurrence)}</p> : null}

      {event.recurrence ? (
        <section aria-labelledby="data-titel" class="ir-profile-panel">
          <h2 class="utrecht-heading-2" id="data-titel">
            {i.t('agenda.manage.datesTitle')}
          </h2>
          <p class="utrecht-paragraph">{i.t('agenda.manage.datesIntro')}</p>
          {upcoming.length === 0 ? <p class="utrecht-paragraph">{i.t('agenda.event.noUpcoming')}</p> : null}
          {upcoming.map((o) => {
            const moved = o.startsAt.getTime() !== o.originalStartsAt.getTime();
            const local = toLocal(o.startsAt);
            const n = active(o.id);
            const idBase = `datum-${o.id}`;
            return (
              <div class="ir-agenda-exception" data-occurrence={o.id} role="group" aria-labelledby={`${idBase}-titel`}>
                <h3 class="utrecht-heading-3" id={`${idBase}-titel`}>
                  {whenText(i, o.startsAt, o.endsAt)}
                </h3>
                <p class="utrecht-paragraph">
                  {o.status === 'cancelled' ? <strong>{i.t('agenda.status.dateCancelled')} </strong> : null}
                  {moved ? <span>{i.t('agenda.manage.movedFrom', { when: whenText(i, o.originalStartsAt, new Date(o.originalStartsAt.getTime() + event.durationMinutes * 60_000)) })} </span> : null}
                  {i.t('agenda.manage.registered', { count: n })}
                </p>
                {editable && o.status === 'scheduled' ? (
                  <>
                    <form method="post" action={`${base}/datums/verplaatsen`} class="ir-form" novalidate>
                      <CsrfField token={csrfToken} />
                      <input type="hidden" name="occurrenceId" value={o.id} />
                      <div class="ir-agenda-inline-fields">
                        <div class="utrecht-form-field ir-field">
                          <div class="utrecht-form-field__label">
                            <label class="utrecht-form-label" for={`${idBase}-date`}>
                              {i.t('agenda.manage.newDate')}
                            </label>
                          </div>
                          <input class="utrecht-textbox utrecht-textbox--html-input" type="date" id={`${idBase}-date`} name="date" value={local.date} required />
                        </div>
                        <div class="utrecht-form-field ir-field">
                          <div class="utrecht-form-field__label">
                            <label class="utrecht-form-label" for={`${idBase}-time`}>
                              {i.t('agenda.manage.newTime')}
                            </label>
                          </div>
                          <input class="utrecht-textbox utrecht-textbox--html-input" type="time" id={`${idBase}-time`} name="time" value={local.time} required />
                        </div>
                        <button type="submit" class="utrecht-button utrecht-button--secondary-action ir-field">
                          {i.t('agenda.manage.move')}
                        </button>
                      </div>
                    </form>
                    <form method="post" action={`${base}/datums/annuleren`}>
                      <CsrfField token={csrfToken} />
                      <input type="hidden" name="occurrenceId" value={o.id} />
                      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                        {i.t('agenda.manage.cancelDate')}
                      </button>
                    </form>
                    {n === 0 ? (
                      <form method="post" action={`${base}/datums/overslaan`}>
                        <CsrfField token={csrfToken} />
                        <input type="hidden" name="occurrenceId" value={o.id} />
                        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                          {i.t('agenda.manage.skipDate')}
                        </button>
                      </form>
                    ) : null}
                  </>
                ) : null}
              </div>
            );
          })}
          {exdates.length ? (
            <>
              <h3 class="utrecht-heading-3">{i.t('agenda.manage.skippedTitle')}</h3>
              <ul class="utrecht-unordered-list">
                {exdates.map((d) => (
                  <li>{i.formatDateTime(d)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {event.status === 'published' ? (
        <section aria-labelledby="annuleren-titel" class="ir-profile-panel">
          <h2 class="utrecht-heading-2" id="annuleren-titel">
            {i.t('agenda.manage.cancelTitle')}
          </h2>
          <p class="utrecht-paragraph">{i.t('agenda.manage.cancelIntro')}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`${base}/annuleren`}>
              {i.t('agenda.manage.cancelEvent')}
            </a>
          </p>
        </section>
      ) : null}
      {event.status === 'in_review' || event.status === 'rejected' || event.status === 'draft' ? (
        <section aria-labelledby="intrekken-titel" class="ir-profile-panel">
          <h2 class="utrecht-heading-2" id="intrekken-titel">
            {i.t('agenda.manage.withdrawTitle')}
          </h2>
          <p class="utrecht-paragraph">{i.t('agenda.manage.withdrawIntro')}</p>
          <form method="post" action={`${base}/intrekken`}>
            <CsrfField token={csrfToken} />
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">
              {i.t('agenda.manage.withdraw')}
            </button>
          </form>
        </section>
      ) : null}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/mijn/evenementen">
          {i.t('agenda.manage.back')}
        </a>
      </p>
    </>
  );
}

/** The confirmation before cancelling a whole event. */
export function CancelEventView({ i, csrfToken, event, registered }: { i: I18n; csrfToken: string; event: EventRow; registered: number }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('agenda.cancel.title', { title: event.title })}</h1>
      <p class="utrecht-paragraph">{i.t('agenda.cancel.intro')}</p>
      <p class="utrecht-paragraph">{i.t('agenda.cancel.registered', { count: registered })}</p>
      <form method="post" action={`/mijn/evenementen/${event.id}/annuleren`} class="ir-form">
        <CsrfField token={csrfToken} />
        <div class="ir-form-actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            {i.t('agenda.cancel.confirm')}
          </button>
          <a class="utrecht-link" href={`/mijn/evenementen/${event.id}`}>
            {i.t('agenda.cancel.keep')}
          </a>
        </div>
      </form>
    </>
  );
}
