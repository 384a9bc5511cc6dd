import type { I18n } from '../../../web/i18n/i18n.ts';
import { eventIcsPath, googleEventUrl, outlookEventUrl } from '../feeds.urls.ts';

export type AddToCalendarProps = {
  i: I18n;
  publicUrl: string;
  event: { slug: string; title: string; /** Plain text, shown in the calendar entry. */ summary?: string; location?: string | null; isRecurring?: boolean };
  /** The date to add (for a series: the one the visitor is looking at). */
  occurrence: { startsAt: Date; endsAt: Date };
  headingLevel?: 2 | 3;
};

/**
 * "Toevoegen aan Google / Outlook" on an event page: prefilled forms of both services for this date, and the
 * .ics file (all dates of a series) for Apple Calendar and every other app.
 */
export function AddToCalendar({ i, publicUrl, event, occurrence, headingLevel = 2 }: AddToCalendarProps) {
  const pageUrl = `${publicUrl}/agenda/${encodeURIComponent(event.slug)}`;
  const one = {
    title: event.title,
    details: [event.summary?.trim(), pageUrl].filter(Boolean).join('\n\n'),
    location: event.location ?? null,
    startsAt: occurrence.startsAt,
    endsAt: occurrence.endsAt,
  };
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="ir-feed-box" aria-labelledby="in-agenda-zetten">
      <H class={`utrecht-heading-${headingLevel}`} id="in-agenda-zetten">
        {i.t('feeds.add.title')}
      </H>
      <ul class="ir-feed-box__links">
        <li>
          <a class="utrecht-link" href={googleEventUrl(one)} rel="noopener">
            {i.t('feeds.add.google')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={outlookEventUrl(one)} rel="noopener">
            {i.t('feeds.add.outlook')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={eventIcsPath(event.slug)} type="text/calendar" download>
            {i.t(event.isRecurring ? 'feeds.add.icsSeries' : 'feeds.add.ics')}
          </a>
        </li>
      </ul>
    </section>
  );
}
