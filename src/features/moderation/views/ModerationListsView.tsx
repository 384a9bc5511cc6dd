import { region } from '../../../data/reference.ts';
import { Pagination } from '../../../web/components/Pagination.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';

export type Counts = { review: number; claims: number; changes: number };
type Paged<T> = { page: number; pages: number; total: number; items: T[] };

const municipalityName = (slug: string) => region.municipalities.find((m) => m.slug === slug)?.name ?? slug;

/** The three lists of the moderation area, with their counts in words (not only in a badge colour). */
export function ModerationNav({ i, counts, current }: { i: I18n; counts: Counts; current: 'review' | 'claims' | 'changes' }) {
  const items = [
    { key: 'review' as const, href: '/beheer/moderatie', label: i.t('moderation.nav.review', { count: counts.review }) },
    { key: 'claims' as const, href: '/beheer/moderatie/aanvragen', label: i.t('moderation.nav.claims', { count: counts.claims }) },
    { key: 'changes' as const, href: '/beheer/moderatie/wijzigingen', label: i.t('moderation.nav.changes', { count: counts.changes }) },
  ];
  return (
    <nav class="ir-moderation-nav" aria-label={i.t('moderation.nav.label')}>
      <ul class="ir-moderation-nav__list">
        {items.map((it) => (
          <li>
            <a class="utrecht-link ir-moderation-nav__link" href={it.href} aria-current={it.key === current ? 'page' : undefined}>
              {it.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

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
    <>
      <h1 class="utrecht-heading-1">{i.t('moderation.queue.title')}</h1>
      <ModerationNav i={i} counts={counts} current="review" />
      <p class="utrecht-paragraph">{i.t('moderation.queue.intro')}</p>
      {queue.items.length === 0 ? (
        <p class="utrecht-paragraph ir-profile-empty-state">{i.t('moderation.queue.empty')}</p>
      ) : (
        <div class="ir-moderation-scroll">
          <table class="utrecht-table ir-moderation-table">
            <caption class="utrecht-table__caption">{i.t('moderation.queue.caption', { total: queue.total })}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{i.t('moderation.col.organisation')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('moderation.col.kvk')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('moderation.col.municipality')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('moderation.col.submittedAt')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {queue.items.map((o) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">
                    <a class="utrecht-link" href={`/beheer/moderatie/organisaties/${o.id}`}>
                      {o.name}
                    </a>
                  </td>
                  <td class="utrecht-table__cell">{o.kvkNumber ?? ''}</td>
                  <td class="utrecht-table__cell">{municipalityName(o.municipalitySlug)}</td>
                  <td class="utrecht-table__cell">{o.submittedAt ? i.formatDateTime(o.submittedAt) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination i={i} page={queue.page} pages={queue.pages} hrefFor={(p) => `/beheer/moderatie?pagina=${p}`} />
    </>
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
    <>
      <h1 class="utrecht-heading-1">{i.t('moderation.claims.title')}</h1>
      <ModerationNav i={i} counts={counts} current="claims" />
      <p class="utrecht-paragraph">{i.t('moderation.claims.intro')}</p>
      {queue.items.length === 0 ? (
        <p class="utrecht-paragraph ir-profile-empty-state">{i.t('moderation.claims.empty')}</p>
      ) : (
        <div class="ir-moderation-scroll">
          <table class="utrecht-table ir-moderation-table">
            <caption class="utrecht-table__caption">{i.t('moderation.claims.caption', { total: queue.total })}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{i.t('moderation.col.claimant')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('moderation.col.organisation')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('moderation.col.kvk')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('moderation.col.requestedAt')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {queue.items.map((c) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">
                    <a class="utrecht-link" href={`/beheer/moderatie/aanvragen/${c.id}`}>
                      {c.claimantName}
                    </a>
                  </td>
                  <td class="utrecht-table__cell">{c.organisationName}</td>
                  <td class="utrecht-table__cell">{c.kvkNumber ?? ''}</td>
                  <td class="utrecht-table__cell">{i.formatDateTime(c.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination i={i} page={queue.page} pages={queue.pages} hrefFor={(p) => `/beheer/moderatie/aanvragen?pagina=${p}`} />
    </>
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
    <>
      <h1 class="utrecht-heading-1">{i.t('moderation.changes.title')}</h1>
      <ModerationNav i={i} counts={counts} current="changes" />
      <p class="utrecht-paragraph">{i.t('moderation.changes.intro')}</p>
      {queue.items.length === 0 ? (
        <p class="utrecht-paragraph ir-profile-empty-state">{i.t('moderation.changes.empty')}</p>
      ) : (
        <div class="ir-moderation-scroll">
          <table class="utrecht-table ir-moderation-table">
            <caption class="utrecht-table__caption">{i.t('moderation.changes.caption', { total: queue.total })}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{i.t('moderation.col.organisation')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('moderation.col.municipality')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('moderation.col.changedAt')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {queue.items.map((o) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">
                    <a class="utrecht-link" href={`/beheer/moderatie/organisaties/${o.id}`}>
                      {o.name}
                    </a>
                  </td>
                  <td class="utrecht-table__cell">{municipalityName(o.municipalitySlug)}</td>
                  <td class="utrecht-table__cell">{i.formatDateTime(o.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination i={i} page={queue.page} pages={queue.pages} hrefFor={(p) => `/beheer/moderatie/wijzigingen?pagina=${p}`} />
    </>
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
