import type { I18n } from '../../../web/i18n/i18n.ts';
import type { AgendaFilters } from '../../agenda/agenda.validation.ts';
import { agendaAtomPath, calendarName, agendaIcsPath, googleSubscribeUrl, outlookSubscribeUrl, webcalUrl } from '../feeds.urls.ts';

const hasFilters = (f: Partial<AgendaFilters>) => Boolean(f.gemeente || f.thema?.length || f.type || f.online !== undefined || f.q || f.van || f.tot);

/**
 * "Abonneren": the calendar feed of the agenda with the filters the visitor chose, to subscribe to in Outlook,
 * Google Calendar or Apple Calendar, plus the Atom feed of new events. Works without JavaScript (plain links and
 * a read-only field to copy the address from).
 */
export function SubscribeBox({ i, publicUrl, filters, headingLevel = 2 }: { i: I18n; publicUrl: string; filters: AgendaFilters; headingLevel?: 2 | 3 }) {
  const feedUrl = `${publicUrl}${agendaIcsPath(filters)}`;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="ir-feed-box" aria-labelledby="abonneren">
      <H class={`utrecht-heading-${headingLevel}`} id="abonneren">
        {i.t('feeds.subscribe.title')}
      </H>
      <p class="utrecht-paragraph">{i.t(hasFilters(filters) ? 'feeds.subscribe.textFiltered' : 'feeds.subscribe.text')}</p>
      <ul class="ir-feed-box__links">
        <li>
          <a class="utrecht-link" href={webcalUrl(feedUrl)}>
            {i.t('feeds.subscribe.app')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={googleSubscribeUrl(feedUrl)} rel="noopener">
            {i.t('feeds.subscribe.google')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={outlookSubscribeUrl(feedUrl, calendarName(filters))} rel="noopener">
            {i.t('feeds.subscribe.outlook')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={agendaAtomPath(filters)} type="application/atom+xml">
            {i.t('feeds.subscribe.atom')}
          </a>
        </li>
      </ul>
      <div class="utrecht-form-field ir-field">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for="agenda-feed-url">
            {i.t('feeds.subscribe.urlLabel')}
          </label>
        </div>
        <div class="utrecht-form-field-description" id="agenda-feed-url-uitleg">
          {i.t('feeds.subscribe.urlHint')}
        </div>
        <div class="utrecht-form-field__input">
          <input
            class="utrecht-textbox utrecht-textbox--html-input ir-feed-box__url"
            type="text"
            id="agenda-feed-url"
            value={feedUrl}
            readonly
            aria-describedby="agenda-feed-url-uitleg"
            data-feed-url
          />
        </div>
      </div>
    </section>
  );
}
