import { CsrfField, ErrorSummary, type FormState, SubmitButton, TextArea } from '../../../web/components/forms.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import { type Counts, ModerationList } from '../../moderation/views/ModerationListsView.tsx';
import type { EventRow, OccurrenceRow, Organiser } from '../agenda.queries.ts';
import { municipalityName, recurrenceText, whenText } from './agenda.format.ts';
import { EventStatusBadge } from './MyEventsView.tsx';

type QueueItem = { id: string; title: string; municipalitySlug: string; submittedAt: Date | null; organiserName: string | null; firstStartsAt: Date | null };

/** /beheer/moderatie/evenementen: entrepreneurs' events waiting for the coordinator. */
export function EventQueueView({ i, counts, queue }: { i: I18n; counts: Counts; queue: { page: number; pages: number; total: number; items: QueueItem[] } }) {
  return (
    <ModerationList
      i={i}
      counts={counts}
      current="events"
      queue={queue}
      columns={[
        {
          headerKey: 'agenda.moderation.col.title',
          cell: (e: QueueItem) => (
            <a class="utrecht-link" href={`/beheer/moderatie/evenementen/${e.id}`}>
              {e.title}
            </a>
          ),
        },
        { headerKey: 'agenda.moderation.col.organiser', cell: (e: QueueItem) => e.organiserName ?? i.t('agenda.event.programme') },
        { headerKey: 'moderation.col.municipality', cell: (e: QueueItem) => municipalityName(e.municipalitySlug) },
        { headerKey: 'agenda.moderation.col.first', cell: (e: QueueItem) => (e.firstStartsAt ? i.formatDateTime(e.firstStartsAt) : '') },
        { headerKey: 'agenda.moderation.col.submittedAt', cell: (e: QueueItem) => (e.submittedAt ? i.formatDateTime(e.submittedAt) : '') },
      ]}
    />
  );
}

const SHOWN_DATES = 10;

/** The coordinator's review page of one event: what was entered, and approve / reject with a reason. */
export function EventReviewView({
  i,
  csrfToken,
  data,
  form,
}: {
  i: I18n;
  csrfToken: string;
  data: { event: EventRow; occurrences: OccurrenceRow[]; organiser: Organiser | null; creator: { name: string; email: string } | null };
  form?: FormState;
}) {
  const { event, occurrences, organiser, creator } = data;
  const state = form ?? { values: {}, errors: {} };
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('agenda.moderation.reviewTitle', { title: event.title })}</h1>
      <ErrorSummary i={i} form={state} labels={{ reason: i.t('agenda.moderation.reason') }} />
      <p class="utrecht-paragraph">
        {i.t('agenda.manage.status')} <EventStatusBadge i={i} status={event.status} />
      </p>
      <dl class="ir-profile-dl">
        <div class="ir-profile-dl__row">
          <dt>{i.t('agenda.event.organiser')}</dt>
          <dd>{organiser?.name ?? i.t('agenda.event.programme')}</dd>
        </div>
        <div class="ir-profile-dl__row">
          <dt>{i.t('agenda.moderation.creator')}</dt>
          <dd>
            {creator ? (
              <>
                {creator.name},{' '}
                <a class="utrecht-link" href={`mailto:${creator.email}`}>
                  {creator.email}
                </a>
              </>
            ) : (
              '–'
            )}
          </dd>
        </div>
        <div class="ir-profile-dl__row">
          <dt>{i.t('agenda.moderation.dates')}</dt>
          <dd>
            {event.recurrence ? <p class="utrecht-paragraph">{recurrenceText(i, event.recurrence)}</p> : null}
            <ul class="utrecht-unordered-list">
              {occurrences.slice(0, SHOWN_DATES).map((o) => (
                <li>{whenText(i, o.startsAt, o.endsAt)}</li>
              ))}
            </ul>
            {occurrences.length > SHOWN_DATES ? <p class="utrecht-paragraph">{i.t('agenda.moderation.moreDates', { count: occurrences.length - SHOWN_DATES })}</p> : null}
          </dd>
        </div>
      </dl>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/agenda/${encodeURIComponent(event.slug)}`}>
          {i.t('agenda.manage.preview')}
        </a>
      </p>
      {event.status === 'in_review' ? (
        <section aria-labelledby="besluit" class="ir-profile-panel">
          <h2 class="utrecht-heading-2" id="besluit">
            {i.t('agenda.moderation.decisionTitle')}
          </h2>
          <form method="post" action={`/beheer/moderatie/evenementen/${event.id}/goedkeuren`} class="ir-form">
            <CsrfField token={csrfToken} />
            <p class="utrecht-paragraph">{i.t('agenda.moderation.approveExplain')}</p>
            <SubmitButton>{i.t('agenda.moderation.approve')}</SubmitButton>
          </form>
          <form method="post" action={`/beheer/moderatie/evenementen/${event.id}/afwijzen`} class="ir-form" novalidate>
            <CsrfField token={csrfToken} />
            <TextArea i={i} form={state} name="reason" label={i.t('agenda.moderation.reason')} hint={i.t('agenda.moderation.reasonHint')} required rows={4} maxlength={2000} />
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">
              {i.t('agenda.moderation.reject')}
            </button>
          </form>
        </section>
      ) : (
        <p class="utrecht-paragraph">{i.t('agenda.moderation.notInReview')}</p>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer/moderatie/evenementen">
          {i.t('agenda.moderation.back')}
        </a>
      </p>
    </>
  );
}
