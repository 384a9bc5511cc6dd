import type { Child } from 'hono/jsx';
import { BadgeList } from '../../../web/components/Badge.tsx';
import { Markdown } from '../../../web/components/Markdown.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import type { CurrentUser } from '../../../web/types.ts';
import type { RegistrationSummary } from '../../registrations/registrations.service.ts';
import { RegistrationPanel } from '../../registrations/views/RegistrationPanel.tsx';
import type { EventRow, OccurrenceRow, Organiser } from '../agenda.queries.ts';
import { municipalityName, recurrenceText, sdgLabel, themeLabel, typeLabel, whenText } from './agenda.format.ts';

/** How many upcoming dates get a registration form right on the page; later dates link to a form of their own. */
export const PANELS_ON_PAGE = 4;

export type EventPageViewProps = {
  i: I18n;
  event: EventRow;
  occurrences: OccurrenceRow[];
  organiser: Organiser | null;
  summaries: Map<string, RegistrationSummary>;
  /** The viewer holds a place (or waitlist spot): they see a hidden address or online link. */
  registered: boolean;
  canEdit: boolean;
  user: CurrentUser | null;
  csrfToken: string;
  now: Date;
  /** "Add to your calendar" links (the feeds feature). */
  calendarSlot?: Child;
};

function Row({ label, children, attr }: { label: string; children?: Child; attr?: string }) {
  return (
    <div class="ir-profile-dl__row" data-field={attr}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Only http(s) links become clickable. */
const safeUrl = (url: string | null): string | null => {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : null;
  } catch {
    return null;
  }
};

function Where({ i, event, registered, canEdit }: { i: I18n; event: EventRow; registered: boolean; canEdit: boolean }) {
  const show = !event.locationForRegisteredOnly || registered || canEdit;
  const address = [event.locationName, event.streetAddress, [event.postcode, event.city].filter(Boolean).join(' ')].filter((s) => s && s.trim());
  const online = safeUrl(event.onlineUrl);
  return (
    <>
      {address.length ? (
        show ? (
          <p class="utrecht-paragraph" data-address>
            {address.join(', ')}
          </p>
        ) : (
          <p class="utrecht-paragraph">{i.t('agenda.event.placeIn', { city: event.city ?? municipalityName(event.municipalitySlug) })}</p>
        )
      ) : null}
      {event.isOnline ? (
        show && online ? (
          <p class="utrecht-paragraph" data-online-link>
            {i.t('agenda.event.online')}:{' '}
            <a class="utrecht-link" href={online} rel="noopener noreferrer">
              {online}
            </a>
          </p>
        ) : (
          <p class="utrecht-paragraph">{i.t('agenda.event.online')}</p>
        )
      ) : null}
      {event.locationForRegisteredOnly && !show ? (
        <p class="utrecht-paragraph ir-agenda-hidden-note" data-location-hidden>
          {i.t('agenda.event.locationAfterRegistration')}
        </p>
      ) : null}
    </>
  );
}

/** GET /agenda/:slug: everything about one event, its dates and registration per date. */
export function EventPageView(p: EventPageViewProps) {
  const { i, event, occurrences, organiser } = p;
  const cancelled = event.status === 'cancelled';
  const isPublic = event.status === 'published' || cancelled;
  const upcoming = occurrences.filter((o) => o.endsAt.getTime() >= p.now.getTime());
  const next = upcoming.find((o) => o.status === 'scheduled') ?? upcoming[0] ?? occurrences.at(-1);
  const series = !!event.recurrence;
  const panelDates = upcoming.slice(0, PANELS_ON_PAGE);
  const summaryOf = (id: string) => p.summaries.get(id);
  return (
    <article class="ir-event" data-event-status={event.status}>
      <h1 class="utrecht-heading-1">{event.title}</h1>
      {cancelled ? (
        <div class="utrecht-alert utrecht-alert--warning ir-moderation-alert" role="status" data-cancelled>
          <p class="utrecht-paragraph">
            <strong>{i.t('agenda.event.cancelledTitle')}</strong> {i.t('agenda.event.cancelledText')}
          </p>
        </div>
      ) : null}
      {!isPublic ? (
        <div class="utrecht-alert utrecht-alert--info ir-moderation-alert" role="status" data-preview>
          <p class="utrecht-paragraph">{i.t(`agenda.event.preview.${event.status}`)}</p>
          {event.status === 'rejected' && event.rejectionReason ? <p class="utrecht-paragraph ir-profile-prewrap">{i.t('agenda.event.rejectionReason', { reason: event.rejectionReason })}</p> : null}
        </div>
      ) : null}
      {p.canEdit ? (
        <ul class="ir-agenda-links">
          <li>
            <a class="utrecht-link" href={`/mijn/evenementen/${event.id}`}>
              {i.t('agenda.event.manage')}
            </a>
          </li>
          {event.registrationMode === 'internal' ? (
            <li>
              <a class="utrecht-link" href={`/agenda/${encodeURIComponent(event.slug)}/deelnemers`}>
                {i.t('agenda.event.attendees')}
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}

      <dl class="ir-profile-dl ir-event__facts">
        <Row label={i.t('agenda.event.when')} attr="when">
          {series && event.recurrence ? (
            <>
              <p class="utrecht-paragraph">{recurrenceText(i, event.recurrence)}</p>
              {next ? (
                <p class="utrecht-paragraph">
                  {i.t(upcoming.length ? 'agenda.event.nextDate' : 'agenda.event.lastDate', { when: whenText(i, next.startsAt, next.endsAt) })}
                </p>
              ) : null}
            </>
          ) : next ? (
            <p class="utrecht-paragraph">
              <time datetime={next.startsAt.toISOString()}>{whenText(i, next.startsAt, next.endsAt)}</time>
            </p>
          ) : null}
        </Row>
        <Row label={i.t('agenda.event.where')} attr="where">
          <Where i={i} event={event} registered={p.registered} canEdit={p.canEdit} />
        </Row>
        <Row label={i.t('agenda.event.organiser')} attr="organiser">
          {organiser ? (
            organiser.published ? (
              <a class="utrecht-link" href={`/ondernemers/${encodeURIComponent(organiser.slug)}`}>
                {organiser.name}
              </a>
            ) : (
              organiser.name
            )
          ) : (
            i.t('agenda.event.programme')
          )}
        </Row>
        <Row label={i.t('agenda.event.type')}>{typeLabel(i, event.type)}</Row>
        <Row label={i.t('agenda.event.municipality')}>{municipalityName(event.municipalitySlug)}</Row>
        {event.themeSlugs.length ? (
          <Row label={i.t('agenda.event.themes')}>
            <BadgeList items={event.themeSlugs.map((t) => themeLabel(i, t))} />
          </Row>
        ) : null}
        {event.sdgs.length ? (
          <Row label={i.t('agenda.event.sdgs')}>
            <BadgeList items={event.sdgs.map((n) => sdgLabel(i, n))} />
          </Row>
        ) : null}
        {event.registrationMode === 'internal' ? (
          <Row label={i.t('agenda.event.capacity')} attr="capacity">
            {event.capacity === null
              ? i.t('agenda.event.capacityUnlimited')
              : !series && next
                ? i.t('agenda.event.capacityLeft', { capacity: event.capacity, left: summaryOf(next.id)?.placesLeft ?? event.capacity })
                : i.t('agenda.event.capacityPerDate', { capacity: event.capacity })}
          </Row>
        ) : null}
      </dl>
      {p.calendarSlot}

      {event.description ? (
        <section aria-labelledby="over-evenement" class="ir-event__description">
          <h2 class="utrecht-heading-2" id="over-evenement">
            {i.t('agenda.event.about')}
          </h2>
          <Markdown source={event.description} headingLevel={3} />
        </section>
      ) : null}

      {event.registrationMode !== 'none' && isPublic ? (
        <section aria-labelledby="aanmelden-titel" class="ir-event__registration">
          <h2 class="utrecht-heading-2" id="aanmelden-titel">
            {i.t('agenda.event.registration')}
          </h2>
          {panelDates.length === 0 ? <p class="utrecht-paragraph">{i.t('agenda.event.noUpcoming')}</p> : null}
          {panelDates.map((o) => (
            <RegistrationPanel
              i18n={i}
              event={{ id: event.id, slug: event.slug, title: event.title, registrationMode: event.registrationMode, externalRegistrationUrl: event.externalRegistrationUrl, capacity: event.capacity, status: event.status }}
              occurrence={{ id: o.id, startsAt: o.startsAt, endsAt: o.endsAt, status: o.status }}
              summary={summaryOf(o.id)}
              user={p.user}
              csrfToken={p.csrfToken}
              past={o.startsAt.getTime() <= p.now.getTime()}
              headingLevel={3}
            />
          ))}
        </section>
      ) : null}

      {series ? (
        <section aria-labelledby="alle-data" class="ir-event__dates">
          <h2 class="utrecht-heading-2" id="alle-data">
            {i.t('agenda.event.allDates')}
          </h2>
          {upcoming.length === 0 ? <p class="utrecht-paragraph">{i.t('agenda.event.noUpcoming')}</p> : null}
          <ul class="ir-agenda-dates-list">
            {upcoming.map((o, idx) => {
              const s = summaryOf(o.id);
              const moved = o.startsAt.getTime() !== o.originalStartsAt.getTime();
              const open = isPublic && !cancelled && o.status === 'scheduled' && event.registrationMode === 'internal' && idx >= PANELS_ON_PAGE;
              return (
                <li data-occurrence={o.id}>
                  <time datetime={o.startsAt.toISOString()}>{whenText(i, o.startsAt, o.endsAt)}</time>
                  {o.status === 'cancelled' ? <strong> {i.t('agenda.status.dateCancelled')}</strong> : null}
                  {moved && o.status !== 'cancelled' ? <span> {i.t('agenda.event.moved')}</span> : null}
                  {event.registrationMode === 'internal' && event.capacity !== null && s && o.status === 'scheduled' ? (
                    <span> · {i.t('agenda.event.placesLeft', { left: s.placesLeft ?? event.capacity })}</span>
                  ) : null}
                  {open ? (
                    <>
                      {' · '}
                      <a class="utrecht-link" href={`/agenda/${encodeURIComponent(event.slug)}/aanmelden?datum=${o.id}`}>
                        {i.t('agenda.event.registerForDate', { when: whenText(i, o.startsAt, o.endsAt) })}
                      </a>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
