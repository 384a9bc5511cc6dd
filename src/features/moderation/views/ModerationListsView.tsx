import type { Child } from 'hono/jsx';
import { region } from '../../../data/reference.ts';
import { Pagination } from '../../../web/components/Pagination.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';

export type Counts = { review: number; claims: number; changes: number; events: number };
type Paged<T> = { page: number; pages: number; total: number; items: T[] };

const municipalityName = (slug: string) => region.municipalities.find((m) => m.slug === slug)?.name ?? slug;

type ListKey = 'review' | 'claims' | 'changes' | 'events';

type ListTexts = { nav: string; title: string; intro: string; empty: string; caption: string };

/** The three lists of the moderation area: where each lives and its texts (full keys, so the catalogue check sees them). */
const LISTS: Record<ListKey, { href: string; texts: ListTexts }> = {
  review: {
    href: '/beheer/moderatie',
    texts: { nav: 'moderation.nav.review', title: 'moderation.queue.title', intro: 'moderation.queue.intro', empty: 'moderation.queue.empty', caption: 'moderation.queue.caption' },
  },
  claims: {
    href: '/beheer/moderatie/aanvragen',
    texts: { nav: 'moderation.nav.claims', title: 'moderation.claims.title', intro: 'moderation.claims.intro', empty: 'moderation.claims.empty', caption: 'moderation.claims.caption' },
  },
  changes: {
    href: '/beheer/moderatie/wijzigingen',
    texts: { nav: 'moderation.nav.changes', title: 'moderation.changes.title', intro: 'moderation.changes.intro', empty: 'moderation.changes.empty', caption: 'moderation.changes.caption' },
  },
  // Entrepreneurs' events (the agenda feature's list, src/features/agenda/agenda.moderation.pages.tsx).
  events: {
    href: '/beheer/moderatie/evenementen',
    texts: { nav: 'agenda.moderation.nav', title: 'agenda.moderation.title', intro: 'agenda.moderation.intro', empty: 'agenda.moderation.empty', caption: 'agenda.moderation.caption' },
  },
};

/** The three lists of the moderation area, with their counts in words (not only in a badge colour). */
export function ModerationNav({ i, counts, current }: { i: I18n; counts: Counts; current: ListKey }) {
  const keys: ListKey[] = ['review', 'claims', 'changes', 'events'];
  return (
    <nav class="ir-moderation-nav" aria-label={i.t('moderation.nav.label')}>
      <ul class="ir-moderation-nav__list">
        {keys.map((key) => (
          <li>
            <a class="utrecht-link ir-moderation-nav__link" href={LISTS[key].href} aria-current={key === current ? 'page' : undefined}>
              {i.t(LISTS[key].texts.nav, { count: counts[key] })}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type Column<T> = { headerKey: string; cell: (item: T) => Child };

/** One moderation list page: heading, sub-navigation, intro, then a table of the items (or an empty state) and pages. */
export function ModerationList<T>({ i, counts, current, queue, columns }: { i: I18n; counts: Counts; current: ListKey; queue: Paged<T>; columns: Column<T>[] }) {
  const { href, texts } = LISTS[current];
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t(texts.title)}</h1>
      <ModerationNav i={i} counts={counts} current={current} />
      <p class="utrecht-paragraph">{i.t(texts.intro)}</p>
      {queue.items.length === 0 ? (
        <p class="utrecht-paragraph ir-profile-empty-state">{i.t(texts.empty)}</p>
      ) : (
        <div class="ir-moderation-scroll">
          <table class="utrecht-table ir-moderation-table">
            <caption class="utrecht-table__caption">{i.t(texts.caption, { total: queue.total })}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                {columns.map((col) => (
                  <th class="utrecht-table__header-cell" scope="col">
                    {i.t(col.headerKey)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {queue.items.map((item) => (
                <tr class="utrecht-table__row">
                  {columns.map((col) => (
                    <td class="utrecht-table__cell">{col.cell(item)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination i={i} page={queue.page} pages={queue.pages} hrefFor={(p) => `${href}?pagina=${p}`} />
    </>
  );
}

const reviewLink = (o: { id: string; name: string }) => (
  <a class="utrecht-link" href={`/beheer/moderatie/organisaties/${o.id}`}>
    {o.name}
  </a>
);

export function ReviewQueueView({
  i,
  counts,
  queue,
}: {
  i: I18n;
  counts: Counts;
  queue: Paged<{ id: string; name: string; kvkNumber: string | null; municipalitySlug: string; submittedAt: Date | null }>;
}) {
  return (
    <ModerationList
      i={i}
      counts={counts}
      current="review"
      queue={queue}
      columns={[
        { headerKey: 'moderation.col.organisation', cell: reviewLink },
        { headerKey: 'moderation.col.kvk', cell: (o) => o.kvkNumber ?? '' },
        { headerKey: 'moderation.col.municipality', cell: (o) => municipalityName(o.municipalitySlug) },
        { headerKey: 'moderation.col.submittedAt', cell: (o) => (o.submittedAt ? i.formatDateTime(o.submittedAt) : '') },
      ]}
    />
  );
}

export function ClaimQueueView({
  i,
  counts,
  queue,
}: {
  i: I18n;
  counts: Counts;
  queue: Paged<{ id: string; createdAt: Date; organisationName: string; kvkNumber: string | null; claimantName: string }>;
}) {
  return (
    <ModerationList
      i={i}
      counts={counts}
      current="claims"
      queue={queue}
      columns={[
        {
          headerKey: 'moderation.col.claimant',
          cell: (c) => (
            <a class="utrecht-link" href={`/beheer/moderatie/aanvragen/${c.id}`}>
              {c.claimantName}
            </a>
          ),
        },
        { headerKey: 'moderation.col.organisation', cell: (c) => c.organisationName },
        { headerKey: 'moderation.col.kvk', cell: (c) => c.kvkNumber ?? '' },
        { headerKey: 'moderation.col.requestedAt', cell: (c) => i.formatDateTime(c.createdAt) },
      ]}
    />
  );
}

export function RecentChangesView({
  i,
  counts,
  queue,
}: {
  i: I18n;
  counts: Counts;
  queue: Paged<{ id: string; name: string; municipalitySlug: string; updatedAt: Date }>;
}) {
  return (
    <ModerationList
      i={i}
      counts={counts}
      current="changes"
      queue={queue}
      columns={[
        { headerKey: 'moderation.col.organisation', cell: reviewLink },
        { headerKey: 'moderation.col.municipality', cell: (o) => municipalityName(o.municipalitySlug) },
        { headerKey: 'moderation.col.changedAt', cell: (o) => i.formatDateTime(o.updatedAt) },
      ]}
    />
  );
}

/** A decision that came too late: someone else already decided, or the entrepreneur withdrew. */
export function ConflictView({ i, message, backHref, backLabel }: { i: I18n; message: string; backHref: string; backLabel: string }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('moderation.conflict.title')}</h1>
      <div class="utrecht-alert utrecht-alert--warning ir-moderation-alert" role="alert">
        <p class="utrecht-paragraph">{message}</p>
      </div>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={backHref}>
          {backLabel}
        </a>
      </p>
    </>
  );
}
