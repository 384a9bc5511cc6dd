import type { I18n } from '../i18n/i18n.ts';

/** Pagination links that keep every other query parameter. */
export function Pagination({ i, page, pages, hrefFor }: { i: I18n; page: number; pages: number; hrefFor: (page: number) => string }) {
  if (pages <= 1) return null;
  const windowed = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= pages));
  const list = [...windowed].sort((a, b) => a - b);
  return (
    <nav class="utrecht-pagination ir-pagination" aria-label={i.t('common.pagination.label')}>
      <p class="utrecht-paragraph ir-visually-hidden">{i.t('common.pagination.of', { page, pages })}</p>
      <ul class="ir-pagination__list">
        {page > 1 ? (
          <li>
            <a class="utrecht-pagination__relative-link utrecht-link" rel="prev" href={hrefFor(page - 1)}>
              {i.t('common.pagination.previous')}
            </a>
          </li>
        ) : null}
        {list.map((n, idx) => (
          <>
            {idx > 0 && n - list[idx - 1] > 1 ? <li aria-hidden="true">…</li> : null}
            <li>
              {n === page ? (
                <a class="utrecht-pagination__page-link utrecht-pagination__page-link--current" aria-current="page" href={hrefFor(n)} aria-label={i.t('common.pagination.current', { page: n })}>
                  {n}
                </a>
              ) : (
                <a class="utrecht-pagination__page-link utrecht-link" href={hrefFor(n)} aria-label={i.t('common.pagination.page', { page: n })}>
                  {n}
                </a>
              )}
            </li>
          </>
        ))}
        {page < pages ? (
          <li>
            <a class="utrecht-pagination__relative-link utrecht-link" rel="next" href={hrefFor(page + 1)}>
              {i.t('common.pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
