import { Pagination } from '../../../web/components/Pagination.tsx';
import { CsrfField } from '../../../web/components/forms.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import type { AttendeePage } from '../registrations.attendees.service.ts';
import { formatWhen } from '../registrations.format.ts';

const base = (slug: string) => `/agenda/${encodeURIComponent(slug)}/deelnemers`;

/**
 * The organiser's attendee list for one date: choose the date (a GET form, no JavaScript needed), counts, the list
 * with paging, CSV download, and attendance as a checkbox form once the date has started.
 */
export function AttendeesView({ i, csrfToken, data }: { i: I18n; csrfToken: string; data: AttendeePage }) {
  const { event, occurrence: o } = data;
  const when = o ? formatWhen(i, o.startsAt, o.endsAt) : '';
  const qs = (extra: Record<string, string>) => `?${new URLSearchParams({ ...(o ? { datum: o.id } : {}), ...extra })}`;
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('registrations.attendees.title', { title: event.title })}</h1>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/agenda/${encodeURIComponent(event.slug)}`}>
          {i.t('registrations.attendees.backToEvent')}
        </a>
      </p>
      {event.registrationMode !== 'internal' ? <p class="utrecht-paragraph ir-profile-empty-state">{i.t('registrations.attendees.internalOnly')}</p> : null}
      {!o ? (
        <p class="utrecht-paragraph ir-profile-empty-state">{i.t('registrations.attendees.noDates')}</p>
      ) : (
        <>
          {data.occurrences.length > 1 ? (
            <form method="get" action={base(event.slug)} class="ir-form-actions ir-attendees-date">
              <div class="utrecht-form-field ir-field">
                <div class="utrecht-form-field__label">
                  <label class="utrecht-form-label" for="deelnemers-datum">
                    {i.t('registrations.attendees.chooseDate')}
                  </label>
                </div>
                <div class="utrecht-form-field__input">
                  <select class="utrecht-select utrecht-select--html-select" id="deelnemers-datum" name="datum">
                    {data.occurrences.map((x) => (
                      <option value={x.id} selected={x.id === o.id}>
                        {formatWhen(i, x.startsAt, x.endsAt)}
                        {x.status === 'cancelled' ? ` (${i.t('registrations.mine.eventOff')})` : ''}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                {i.t('registrations.attendees.show')}
              </button>
            </form>
          ) : null}
          <p class="utrecht-paragraph" data-counts>
            {i.t('registrations.attendees.counts', data.counts)}{' '}
            {event.capacity === null ? i.t('registrations.attendees.noCapacity') : i.t('registrations.attendees.capacity', { capacity: event.capacity })}
          </p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`${base(event.slug)}.csv${qs({})}`} download>
              {i.t('registrations.attendees.export')}
            </a>
          </p>
          {data.items.length === 0 ? (
            <p class="utrecht-paragraph ir-profile-empty-state">{i.t('registrations.attendees.empty')}</p>
          ) : (
            <form method="post" action={`${base(event.slug)}/aanwezigheid`}>
              <CsrfField token={csrfToken} />
              <input type="hidden" name="occurrenceId" value={o.id} />
              <input type="hidden" name="pagina" value={String(data.page)} />
              <p class="utrecht-paragraph">{i.t(data.canMarkAttendance ? 'registrations.attendees.attendanceHint' : 'registrations.attendees.attendanceLater')}</p>
              <div class="ir-moderation-scroll" role="region" aria-labelledby="deelnemers-tabel" tabindex={0}>
                <table class="utrecht-table ir-moderation-table" data-attendees>
                  <caption class="utrecht-table__caption" id="deelnemers-tabel">
                    {i.t('registrations.attendees.caption', { date: when })}
                  </caption>
                  <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                      {['name', 'email', 'organisation', 'status', 'registeredAt', 'attended'].map((k) => (
                        <th class="utrecht-table__header-cell" scope="col">
                          {i.t(`registrations.attendees.${k}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody class="utrecht-table__body">
                    {data.items.map((r) => (
                      <tr class="utrecht-table__row" data-attendee={r.id}>
                        <td class="utrecht-table__cell">{r.name}</td>
                        <td class="utrecht-table__cell">{r.email}</td>
                        <td class="utrecht-table__cell">{r.organisationName ?? ''}</td>
                        <td class="utrecht-table__cell">{i.t(`registrations.status.${r.status}`)}</td>
                        <td class="utrecht-table__cell">{i.formatDateTime(r.createdAt)}</td>
                        <td class="utrecht-table__cell">
                          {r.status === 'confirmed' && data.canMarkAttendance ? (
                            <>
                              <input type="hidden" name="shown" value={r.id} />
                              <input
                                class="utrecht-checkbox utrecht-checkbox--html-input ir-attendance-box"
                                type="checkbox"
                                id={`aanwezig-${r.id}`}
                                name="attended"
                                value={r.id}
                                checked={r.attended === true}
                                aria-label={i.t('registrations.attendees.attendedLabel', { name: r.name })}
                              />
                            </>
                          ) : r.attended === null ? (
                            ''
                          ) : (
                            i.t(r.attended ? 'registrations.csv.yes' : 'registrations.csv.no')
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {data.canMarkAttendance && data.items.some((r) => r.status === 'confirmed') ? (
                <button type="submit" class="utrecht-button utrecht-button--primary-action">
                  {i.t('registrations.attendees.saveAttendance')}
                </button>
              ) : null}
            </form>
          )}
          <Pagination i={i} page={data.page} pages={data.pages} hrefFor={(n) => `${base(event.slug)}${qs({ pagina: String(n) })}`} />
        </>
      )}
    </>
  );
}
