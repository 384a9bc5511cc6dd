import { region } from '../../../data/reference.ts';
import { Checkbox, CsrfField, ErrorSummary, type FormState, SelectField, SubmitButton, TextArea } from '../../../web/components/forms.tsx';
import { Pagination } from '../../../web/components/Pagination.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import { SUPPORT_OUTCOMES, SUPPORT_STATUSES, SUPPORT_TOPICS } from '../support.schema.ts';
import type { StaffRequestDetail, StaffRequestFilters, StaffRequestListItem, StaffView } from '../support.service.ts';
import { STAFF_VIEWS } from '../support.service.ts';
import { Fact, municipalityName, QuestionAndTimeline, StatusText } from './shared.tsx';

type Paged<T> = { page: number; pages: number; total: number; items: T[] };

export function inboxHref(filters: StaffRequestFilters, page = 1): string {
  const p = new URLSearchParams();
  if (filters.view) p.set('weergave', filters.view);
  if (filters.status) p.set('status', filters.status);
  if (filters.topic) p.set('onderwerp', filters.topic);
  if (filters.municipality) p.set('gemeente', filters.municipality);
  if (page > 1) p.set('pagina', String(page));
  const q = p.toString();
  return `/beheer/hulpvragen${q ? `?${q}` : ''}`;
}

export function InboxView({
  i,
  list,
  filters,
  municipalities,
  canRoute,
  canStandIn,
}: {
  i: I18n;
  list: Paged<StaffRequestListItem>;
  filters: StaffRequestFilters & { view: StaffView };
  municipalities: 'all' | string[];
  canRoute: boolean;
  canStandIn: boolean;
}) {
  const form: FormState = { values: { status: filters.status, onderwerp: filters.topic, gemeente: filters.municipality }, errors: {} };
  const shownMunicipalities = municipalities === 'all' ? region.municipalities : region.municipalities.filter((m) => municipalities.includes(m.slug));
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('support.inbox.title')}</h1>
      <p class="utrecht-paragraph">{i.t('support.inbox.intro')}</p>
      {canRoute || canStandIn ? (
        <ul class="ir-view-switch__list">
          {canRoute ? (
            <li>
              <a class="utrecht-link" href="/beheer/hulpvragen/routering">
                {i.t('support.inbox.routing')}
              </a>
            </li>
          ) : null}
          {canStandIn ? (
            <li>
              <a class="utrecht-link" href="/beheer/hulpvragen/vervanging">
                {i.t('support.inbox.standIn')}
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
      <nav class="ir-moderation-nav" aria-label={i.t('support.inbox.view.label')}>
        <ul class="ir-moderation-nav__list">
          {STAFF_VIEWS.map((v) => (
            <li>
              <a class="utrecht-link ir-moderation-nav__link" href={inboxHref({ ...filters, view: v })} aria-current={v === filters.view ? 'page' : undefined}>
                {i.t(`support.inbox.view.${v}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <details class="ir-filters" open={!!(filters.status || filters.topic || filters.municipality)}>
        <summary class="ir-filters__summary">{i.t('support.inbox.filters')}</summary>
        <div class="ir-filters__body">
          <form method="get" action="/beheer/hulpvragen">
            <input type="hidden" name="weergave" value={filters.view} />
            <SelectField i={i} form={form} name="status" label={i.t('support.inbox.filter.status')} emptyLabel={i.t('support.inbox.filter.any')} options={SUPPORT_STATUSES.filter((s) => s !== 'unconfirmed').map((s) => ({ value: s, label: i.t(`support.status.${s}`) }))} />
            <SelectField i={i} form={form} name="onderwerp" label={i.t('support.inbox.filter.topic')} emptyLabel={i.t('support.inbox.filter.any')} options={SUPPORT_TOPICS.map((t) => ({ value: t, label: i.t(`support.topic.${t}`) }))} />
            {shownMunicipalities.length > 1 ? (
              <SelectField i={i} form={form} name="gemeente" label={i.t('support.inbox.filter.municipality')} emptyLabel={i.t('support.inbox.filter.any')} options={shownMunicipalities.map((m) => ({ value: m.slug, label: m.name }))} />
            ) : null}
            <SubmitButton>{i.t('support.inbox.filter.submit')}</SubmitButton>
          </form>
        </div>
      </details>
      {list.items.length === 0 ? (
        <p class="utrecht-paragraph ir-profile-empty-state">{i.t('support.inbox.empty')}</p>
      ) : (
        <div class="ir-moderation-scroll">
          <table class="utrecht-table ir-moderation-table" data-inbox>
            <caption class="utrecht-table__caption">{i.t('support.inbox.caption', { total: list.total })}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{i.t('support.col.caseNumber')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('support.col.topic')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('support.col.municipality')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('support.col.requester')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('support.col.status')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('support.col.owner')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('support.col.due')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {list.items.map((r) => (
                <tr class="utrecht-table__row" data-request={r.caseNumber}>
                  <td class="utrecht-table__cell">
                    <a class="utrecht-link" href={`/beheer/hulpvragen/${r.id}`}>
                      {r.caseNumber}
                    </a>
                  </td>
                  <td class="utrecht-table__cell">{i.t(`support.topic.${r.topic}`)}</td>
                  <td class="utrecht-table__cell">{municipalityName(r.municipalitySlug)}</td>
                  <td class="utrecht-table__cell">{r.organisationName ? `${r.requesterName} (${r.organisationName})` : r.requesterName}</td>
                  <td class="utrecht-table__cell">
                    <StatusText i={i} status={r.status} overdue={r.overdue} />
                  </td>
                  <td class="utrecht-table__cell">{r.partnerName && r.status === 'referred' ? r.partnerName : (r.assigneeName ?? r.partnerName ?? '')}</td>
                  <td class="utrecht-table__cell">{r.firstResponseDueAt ? i.formatDate(r.firstResponseDueAt) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination i={i} page={list.page} pages={list.pages} hrefFor={(p) => inboxHref(filters, p)} />
    </>
  );
}

type Options = { assignees: Array<{ id: string; name: string }>; partners: Array<{ id: string; name: string }> };

export const staffFieldLabels = (i: I18n): Record<string, string> => ({
  message: i.t('support.staff.messageTitle'),
  note: i.t('support.staff.noteTitle'),
  status: i.t('support.staff.statusField'),
  outcome: i.t('support.staff.outcomeField'),
  assignee: i.t('support.staff.assignField'),
  reason: i.t('support.staff.assignReason'),
  partner: i.t('support.staff.referField'),
  statusNote: i.t('support.staff.statusNote'),
  referNote: i.t('support.staff.referNote'),
});

/** One request for staff: facts, the question, files, timeline and the actions the workflow allows now. */
export function StaffDetailView({ i, csrfToken, detail, options, form }: { i: I18n; csrfToken: string; detail: StaffRequestDetail; options: Options; form: FormState }) {
  const r = detail.request;
  const base = `/beheer/hulpvragen/${r.id}`;
  const closed = r.status === 'closed';
  const transitions = detail.allowedTransitions.filter((s) => s !== 'assigned' && (s !== 'referred' || !!r.partnerOrganisationId));
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('support.staff.title', { caseNumber: r.caseNumber })}</h1>
      <ErrorSummary i={i} form={form} labels={staffFieldLabels(i)} />
      {detail.reach === 'partner' ? <p class="utrecht-paragraph">{i.t('support.staff.partnerView')}</p> : null}
      <dl class="ir-profile-dl">
        <Fact label={i.t('support.detail.status')}>
          <StatusText i={i} status={r.status} overdue={detail.overdue} />
        </Fact>
        {r.outcome ? <Fact label={i.t('support.detail.outcome')}>{i.t(`support.outcome.${r.outcome}`)}</Fact> : null}
        <Fact label={i.t('support.detail.topic')}>{i.t(`support.topic.${r.topic}`)}</Fact>
        <Fact label={i.t('support.detail.municipality')}>{municipalityName(r.municipalitySlug)}</Fact>
        {detail.organisationName ? (
          <Fact label={i.t('support.detail.organisation')}>
            {detail.organisationSlug ? (
              <a class="utrecht-link" href={`/beheer/organisaties/${detail.organisationSlug}`}>
                {detail.organisationName}
              </a>
            ) : (
              detail.organisationName
            )}
          </Fact>
        ) : null}
        <Fact label={i.t('support.detail.urgency')}>{i.t(`support.urgency.${r.urgency}`)}</Fact>
        <Fact label={i.t('support.detail.asked')}>{i.formatDateTime(r.createdAt)}</Fact>
        {r.firstResponseDueAt ? <Fact label={i.t('support.detail.due')}>{i.formatDateTime(r.firstResponseDueAt)}</Fact> : null}
        <Fact label={i.t('support.detail.owner')}>{detail.assigneeName ?? i.t('support.detail.none')}</Fact>
        {detail.partnerName ? <Fact label={i.t('support.detail.partner')}>{detail.partnerName}</Fact> : null}
        {r.satisfaction !== null ? <Fact label={i.t('support.detail.satisfaction')}>{i.t('support.mineDetail.scoreLabel', { score: r.satisfaction })}</Fact> : null}
      </dl>
      <section aria-labelledby="contactgegevens">
        <h2 class="utrecht-heading-2" id="contactgegevens">
          {i.t('support.staff.requesterContact')}
        </h2>
        <dl class="ir-profile-dl">
          <Fact label={i.t('support.detail.requester')}>{r.requesterName}</Fact>
          <Fact label={i.t('support.field.email')}>
            <a class="utrecht-link" href={`mailto:${r.requesterEmail}`}>
              {r.requesterEmail}
            </a>
          </Fact>
          {r.requesterPhone ? <Fact label={i.t('support.field.phone')}>{r.requesterPhone}</Fact> : null}
          <Fact label={i.t('support.detail.contactPreference')}>{i.t(`support.contact.${r.contactPreference}`)}</Fact>
        </dl>
      </section>
      <QuestionAndTimeline i={i} description={r.description} attachments={detail.attachments} events={detail.events} attachmentBase={`${base}/bijlagen`} />
      {closed || !detail.canChange ? null : (
        <section aria-labelledby="bericht" class="ir-profile-panel">
          <h2 class="utrecht-heading-2" id="bericht">
            {i.t('support.staff.messageTitle')}
          </h2>
          <form method="post" action={`${base}/bericht`}>
            <CsrfField token={csrfToken} />
            <TextArea i={i} form={form} name="message" label={i.t('support.detail.message')} hint={i.t('support.staff.messageHint')} required rows={6} maxlength={10000} />
            {detail.reach === 'full' ? <Checkbox i={i} form={form} name="waitForReply" label={i.t('support.staff.waitForReply')} /> : null}
            <SubmitButton>{i.t('support.staff.messageSubmit')}</SubmitButton>
          </form>
        </section>
      )}
      {detail.canChange ? (
        <section aria-labelledby="notitie" class="ir-profile-panel">
          <h2 class="utrecht-heading-2" id="notitie">
            {i.t('support.staff.noteTitle')}
          </h2>
          <form method="post" action={`${base}/notitie`}>
            <CsrfField token={csrfToken} />
            <TextArea i={i} form={form} name="note" label={i.t('support.staff.noteTitle')} hint={i.t('support.staff.noteHint')} required rows={4} maxlength={10000} />
            <SubmitButton>{i.t('support.staff.noteSubmit')}</SubmitButton>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="status-veranderen" class="ir-profile-panel">
        <h2 class="utrecht-heading-2" id="status-veranderen">
          {i.t('support.staff.statusTitle')}
        </h2>
        {transitions.length === 0 ? (
          <p class="utrecht-paragraph">{i.t('support.staff.noTransitions')}</p>
        ) : (
          <form method="post" action={`${base}/status`}>
            <CsrfField token={csrfToken} />
            <SelectField i={i} form={form} name="status" label={i.t('support.staff.statusField')} required options={transitions.map((s) => ({ value: s, label: i.t(`support.status.${s}`) }))} />
            {transitions.includes('closed') ? (
              <SelectField i={i} form={form} name="outcome" label={i.t('support.staff.outcomeField')} options={SUPPORT_OUTCOMES.map((o) => ({ value: o, label: i.t(`support.outcome.${o}`) }))} />
            ) : null}
            <TextArea i={i} form={form} name="statusNote" label={i.t('support.staff.statusNote')} hint={i.t('support.staff.statusNoteHint')} rows={3} maxlength={5000} />
            <SubmitButton>{i.t('support.staff.statusSubmit')}</SubmitButton>
          </form>
        )}
      </section>
      {detail.reach === 'full' && detail.canChange && !closed && options.assignees.length ? (
        <section aria-labelledby="toewijzen" class="ir-profile-panel">
          <h2 class="utrecht-heading-2" id="toewijzen">
            {i.t('support.staff.assignTitle')}
          </h2>
          <form method="post" action={`${base}/toewijzen`}>
            <CsrfField token={csrfToken} />
            <SelectField i={i} form={form} name="assignee" label={i.t('support.staff.assignField')} required emptyLabel={i.t('support.staff.choose')} options={options.assignees.map((a) => ({ value: a.id, label: a.name }))} />
            <TextArea i={i} form={form} name="reason" label={i.t('support.staff.assignReason')} hint={i.t('support.staff.assignReasonHint')} rows={3} maxlength={1000} />
            <SubmitButton>{i.t('support.staff.assignSubmit')}</SubmitButton>
          </form>
        </section>
      ) : null}
      {detail.reach === 'full' && detail.allowedTransitions.includes('referred') && options.partners.length ? (
        <section aria-labelledby="doorverwijzen" class="ir-profile-panel">
          <h2 class="utrecht-heading-2" id="doorverwijzen">
            {i.t('support.staff.referTitle')}
          </h2>
          <form method="post" action={`${base}/doorverwijzen`}>
            <CsrfField token={csrfToken} />
            <SelectField i={i} form={form} name="partner" label={i.t('support.staff.referField')} required emptyLabel={i.t('support.staff.choose')} options={options.partners.map((p) => ({ value: p.id, label: p.name }))} />
            <TextArea i={i} form={form} name="referNote" label={i.t('support.staff.referNote')} hint={i.t('support.staff.referHint')} required rows={4} maxlength={5000} />
            <SubmitButton>{i.t('support.staff.referSubmit')}</SubmitButton>
          </form>
        </section>
      ) : null}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer/hulpvragen">
          {i.t('support.staff.back')}
        </a>
      </p>
    </>
  );
}
