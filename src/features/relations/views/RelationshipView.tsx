import type { Child } from 'hono/jsx';
import { region } from '../../../data/reference.ts';
import { CsrfField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField, type FormState } from '../../../web/components/forms.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import type { RelationshipView as Data } from '../relations.service.ts';
import { CONTACT_KINDS } from '../relations.schema.ts';

export const municipalityName = (slug: string) => region.municipalities.find((m) => m.slug === slug)?.name ?? slug;

/** "3 december 2026" for a stored calendar day (no time zone shift: it is a day, not a moment). */
export const formatDay = (i: I18n, day: string) => i.formatDate(`${day}T12:00:00Z`);

function Section({ id, title, children }: { id: string; title: string; children?: Child }) {
  return (
    <section class="ir-profile-panel" aria-labelledby={id}>
      <h2 class="utrecht-heading-2" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function RequestsTable({ i, requests }: { i: I18n; requests: Data['requests'] }) {
  if (requests.length === 0) return <p class="utrecht-paragraph ir-empty-state">{i.t('relations.requests.empty')}</p>;
  return (
    <div class="ir-moderation-scroll">
      <table class="utrecht-table ir-moderation-table" data-requests>
        <caption class="utrecht-table__caption">{i.t('relations.requests.caption', { total: requests.length })}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {['case', 'topic', 'status', 'created', 'assignee'].map((c) => (
              <th class="utrecht-table__header-cell" scope="col">
                {i.t(`relations.requests.col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {requests.map((r) => (
            <tr class="utrecht-table__row">
              <td class="utrecht-table__cell">
                <a class="utrecht-link" href={`/beheer/hulpvragen/${r.id}`}>
                  {r.caseNumber}
                </a>
              </td>
              <td class="utrecht-table__cell">{i.t(`support.topic.${r.topic}`)}</td>
              <td class="utrecht-table__cell">
                {i.t(`support.status.${r.status}`)}
                {r.overdue ? <strong> ({i.t('relations.requests.overdue')})</strong> : null}
              </td>
              <td class="utrecht-table__cell">{i.formatDate(r.createdAt)}</td>
              <td class="utrecht-table__cell">{r.assigneeName ?? r.partnerName ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const attendanceKey = (r: Data['registrations'][number], now: Date) => {
  if (r.occurrenceCancelled) return 'relations.events.cancelled';
  if (r.registrationStatus === 'waitlisted') return 'relations.events.waitlisted';
  if (r.startsAt > now) return 'relations.events.upcoming';
  if (r.attended === true) return 'relations.events.attended';
  if (r.attended === false) return 'relations.events.absent';
  return 'relations.events.unknown';
};

function EventsTable({ i, registrations, now }: { i: I18n; registrations: Data['registrations']; now: Date }) {
  if (registrations.length === 0) return <p class="utrecht-paragraph ir-empty-state">{i.t('relations.events.empty')}</p>;
  return (
    <div class="ir-moderation-scroll">
      <table class="utrecht-table ir-moderation-table" data-registrations>
        <caption class="utrecht-table__caption">{i.t('relations.events.caption', { total: registrations.length })}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {['event', 'date', 'person', 'attendance'].map((c) => (
              <th class="utrecht-table__header-cell" scope="col">
                {i.t(`relations.events.col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {registrations.map((r) => (
            <tr class="utrecht-table__row">
              <td class="utrecht-table__cell">
                <a class="utrecht-link" href={`/agenda/${r.eventSlug}`}>
                  {r.eventTitle}
                </a>
              </td>
              <td class="utrecht-table__cell">{i.formatDateTime(r.startsAt)}</td>
              <td class="utrecht-table__cell">{r.personName}</td>
              <td class="utrecht-table__cell">{i.t(attendanceKey(r, now))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ContactMoments({ i, csrfToken, slug, items, form, today }: { i: I18n; csrfToken: string; slug: string; items: Data['contactMoments']; form: FormState; today: string }) {
  const labels = { kind: i.t('relations.contact.field.kind'), happenedOn: i.t('relations.contact.field.date'), note: i.t('relations.contact.field.note') };
  return (
    <>
      <h3 class="utrecht-heading-3">{i.t('relations.contact.formTitle')}</h3>
      <ErrorSummary i={i} form={form} labels={labels} />
      <form method="post" action={`/beheer/organisaties/${slug}/contactmomenten`} novalidate>
        <CsrfField token={csrfToken} />
        <SelectField i={i} form={form} name="kind" label={labels.kind} required options={CONTACT_KINDS.map((k) => ({ value: k, label: i.t(`relations.contact.kind.${k}`) }))} />
        <TextField i={i} form={form} name="happenedOn" type="date" label={labels.happenedOn} hint={i.t('relations.contact.field.dateHint', { today })} required />
        <TextArea i={i} form={form} name="note" label={labels.note} hint={i.t('relations.contact.field.noteHint')} required rows={4} maxlength={4000} />
        <SubmitButton>{i.t('relations.contact.submit')}</SubmitButton>
      </form>
      <h3 class="utrecht-heading-3">{i.t('relations.contact.listTitle')}</h3>
      {items.length === 0 ? (
        <p class="utrecht-paragraph ir-empty-state">{i.t('relations.contact.empty')}</p>
      ) : (
        <ol class="ir-results" data-contact-moments>
          {items.map((m) => (
            <li class="ir-result">
              <p class="utrecht-paragraph">
                <strong>
                  {formatDay(i, m.happenedOn)}: {i.t(`relations.contact.kind.${m.kind}`)}
                </strong>{' '}
                <span class="ir-profile-muted">{i.t('relations.contact.by', { name: m.authorName ?? i.t('relations.contact.formerStaff') })}</span>
              </p>
              <p class="utrecht-paragraph ir-profile-prewrap">{m.note}</p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export type RelationshipViewProps = { i: I18n; csrfToken: string; data: Data; form: FormState; now: Date; today: string };

/** /beheer/organisaties/:slug: one organisation's relationship with the municipality. */
export function RelationshipView({ i, csrfToken, data, form, now, today }: RelationshipViewProps) {
  const o = data.organisation;
  return (
    <div class="ir-org-page">
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer/organisaties">
          {i.t('relations.backToList')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{o.name}</h1>
      <dl class="ir-profile-dl">
        <div class="ir-profile-dl__row">
          <dt>{i.t('relations.field.municipality')}</dt>
          <dd>{municipalityName(o.municipalitySlug)}</dd>
        </div>
        <div class="ir-profile-dl__row">
          <dt>{i.t('relations.field.status')}</dt>
          <dd>{i.t(`relations.orgStatus.${o.status}`)}</dd>
        </div>
        {o.kvkNumber ? (
          <div class="ir-profile-dl__row">
            <dt>{i.t('relations.field.kvk')}</dt>
            <dd>{o.kvkNumber}</dd>
          </div>
        ) : null}
        {o.email || o.phone ? (
          <div class="ir-profile-dl__row">
            <dt>{i.t('relations.field.contact')}</dt>
            <dd>{[o.email, o.phone].filter(Boolean).join(' · ')}</dd>
          </div>
        ) : null}
        {o.status === 'published' ? (
          <div class="ir-profile-dl__row">
            <dt>{i.t('relations.field.profile')}</dt>
            <dd>
              <a class="utrecht-link" href={`/ondernemers/${o.slug}`}>
                {i.t('relations.field.profileLink')}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      <Section id="hulpvragen" title={i.t('relations.requests.title')}>
        <RequestsTable i={i} requests={data.requests} />
      </Section>
      <Section id="evenementen" title={i.t('relations.events.title')}>
        <EventsTable i={i} registrations={data.registrations} now={now} />
      </Section>
      <Section id="inkoop" title={i.t('relations.procurement.title')}>
        <p class="utrecht-paragraph ir-empty-state">{i.t('relations.procurement.later')}</p>
      </Section>
      <Section id="contactmomenten" title={i.t('relations.contact.title')}>
        <ContactMoments i={i} csrfToken={csrfToken} slug={o.slug} items={data.contactMoments} form={form} today={today} />
      </Section>
    </div>
  );
}
