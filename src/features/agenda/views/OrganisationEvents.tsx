import type { I18n } from '../../../web/i18n/i18n.ts';
import type { AgendaItem } from '../agenda.queries.ts';
import { whenText } from './agenda.format.ts';
import { eventHref } from './AgendaListView.tsx';

/** The upcoming events of one organisation, for its directory profile (nothing when there are none). */
export function OrganisationEvents({ i, items }: { i: I18n; items: AgendaItem[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="evenementen" data-organisation-events>
      <h2 class="utrecht-heading-2" id="evenementen">
        {i.t('agenda.profile.title')}
      </h2>
      <ul class="utrecht-unordered-list">
        {items.map((item) => (
          <li>
            <a class="utrecht-link" href={eventHref(item.slug)}>
              {item.title}
            </a>
            , <time datetime={item.startsAt.toISOString()}>{whenText(i, item.startsAt, item.endsAt)}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}
