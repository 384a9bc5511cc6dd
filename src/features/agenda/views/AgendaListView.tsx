import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../../../lib/errors.ts';
import { BadgeList } from '../../../web/components/Badge.tsx';
import { ErrorSummary } from '../../../web/components/forms.tsx';
import { Pagination } from '../../../web/components/Pagination.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import type { AgendaItem, AgendaPage } from '../agenda.service.ts';
import { type AgendaFilters, agendaQueryString } from '../agenda.validation.ts';
import { toLocal, WEEKDAYS } from '../recurrence.ts';
import { dayText, monthText, municipalityName, themeLabel, timeRangeText, timeText, typeLabel, weekdayName } from './agenda.format.ts';
import { AgendaFilterForm, type FilterFormValues, filterLabels } from './AgendaFilterForm.tsx';

export type AgendaMode = 'upcoming' | 'archive';
export type AgendaView = 'lijst' | 'maand';

export const eventHref = (slug: string) => `/agenda/${encodeURIComponent(slug)}`;

/** The URL of an agenda page with these filters (canonical order). */
export function agendaHref(mode: AgendaMode, filters: Partial<AgendaFilters>, extra: { weergave?: AgendaView; maand?: string; pagina?: number } = {}): string {
  const base = mode === 'archive' ? '/agenda/archief' : '/agenda';
  return `${base}${agendaQueryString(filters, {
    weergave: extra.weergave === 'maand' ? 'maand' : undefined,
    maand: extra.maand,
    pagina: extra.pagina && extra.pagina > 1 ? extra.pagina : undefined,
  })}`;
}

/** Where and by whom, on one line. */
function metaLine(i: I18n, item: AgendaItem): string {
  const place = item.isOnline && !item.city ? i.t('agenda.item.online') : [item.city ?? municipalityName(item.municipalitySlug), item.isOnline ? i.t('agenda.item.alsoOnline') : null].filter(Boolean).join(', ');
  return [typeLabel(i, item.type), place, item.organiserName ? i.t('agenda.item.by', { name: item.organiserName }) : null].filter(Boolean).join(' · ');
}

function ItemStatus({ i, item }: { i: I18n; item: AgendaItem }) {
  if (item.eventStatus === 'cancelled' || item.occurrenceStatus === 'cancelled') {
    return <strong class="ir-agenda-item__cancelled">{i.t(item.eventStatus === 'cancelled' ? 'agenda.status.cancelled' : 'agenda.status.dateCancelled')}</strong>;
  }
  return null;
}

export function AgendaItemCard({ i, item, headingLevel = 3 }: { i: I18n; item: AgendaItem; headingLevel?: 3 | 4 }) {
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const cancelled = item.eventStatus === 'cancelled' || item.occurrenceStatus === 'cancelled';
  return (
    <li class={`ir-result ir-agenda-item${cancelled ? ' ir-agenda-item--cancelled' : ''}`} data-occurrence={item.occurrenceId}>
      <p class="utrecht-paragraph ir-agenda-item__time">
        <time datetime={item.startsAt.toISOString()}>{timeRangeText(i, item.startsAt, item.endsAt)}</time> <ItemStatus i={i} item={item} />
      </p>
      <H class={`utrecht-heading-${headingLevel} ir-result__title`}>
        <a class="utrecht-link" href={eventHref(item.slug)}>
          {item.title}
        </a>
      </H>
      <p class="utrecht-paragraph ir-result__meta">{metaLine(i, item)}</p>
      <BadgeList items={[...(item.isRecurring ? [i.t('agenda.item.series')] : []), ...item.themeSlugs.map((t) => themeLabel(i, t))]} label={i.t('agenda.item.labels')} />
    </li>
  );
}

/** Occurrences grouped under a heading per local day. */
function DayGroups({ i, items }: { i: I18n; items: AgendaItem[] }) {
  const groups: Array<{ date: string; first: Date; items: AgendaItem[] }> = [];
  for (const item of items) {
    const date = toLocal(item.startsAt).date;
    const last = groups.at(-1);
    if (last && last.date === date) last.items.push(item);
    else groups.push({ date, first: item.startsAt, items: [item] });
  }
  return (
    <div class="ir-agenda-days">
      {groups.map((g) => (
        <section class="ir-agenda-day" aria-labelledby={`dag-${g.date}`}>
          <h3 class="utrecht-heading-3 ir-agenda-day__title" id={`dag-${g.date}`}>
            {dayText(i, g.first)}
          </h3>
          <ul class="ir-results">
            {g.items.map((item) => (
              <AgendaItemCard i={i} item={item} headingLevel={4} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function countText(i: I18n, r: AgendaPage, mode: AgendaMode): string {
  const n = i.formatNumber(r.total);
  const base = mode === 'archive' ? 'agenda.archive.count' : 'agenda.list.count';
  if (!r.totalIsExact) return i.t(`${base}More`, { count: n });
  if (r.total === 1) return i.t(`${base}One`);
  return i.t(base, { count: n });
}

/** Month grid: weeks from Monday, each day with its occurrences as links. Works without JavaScript. */
function MonthGrid({ i, month, items, filters }: { i: I18n; month: string; items: AgendaItem[]; filters: AgendaFilters }) {
  const [y, m] = month.split('-').map(Number);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const firstWeekday = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const byDay = new Map<number, AgendaItem[]>();
  for (const item of items) {
    const local = toLocal(item.startsAt).date;
    if (local.slice(0, 7) !== month) continue;
    const d = Number(local.slice(8, 10));
    byDay.set(d, [...(byDay.get(d) ?? []), item]);
  }
  const cells: Array<number | null> = [...Array(firstWeekday).fill(null), ...Array.from({ length: daysInMonth }, (_, k) => k + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const shift = (delta: number) => {
    const d = new Date(Date.UTC(y, m - 1 + delta, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  return (
    <>
      <nav class="ir-view-switch" aria-label={i.t('agenda.month.navLabel')}>
        <ul class="ir-view-switch__list">
          <li>
            <a class="utrecht-link" href={agendaHref('upcoming', filters, { weergave: 'maand', maand: shift(-1) })} rel="prev">
              {i.t('agenda.month.previous', { month: monthText(i, shift(-1)) })}
            </a>
          </li>
          <li>
            <a class="utrecht-link" href={agendaHref('upcoming', filters, { weergave: 'maand', maand: shift(1) })} rel="next">
              {i.t('agenda.month.next', { month: monthText(i, shift(1)) })}
            </a>
          </li>
        </ul>
      </nav>
      <div class="ir-agenda-month-scroll" role="region" aria-labelledby="maand-titel" tabindex={0}>
        <table class="utrecht-table ir-agenda-month">
          <caption class="utrecht-table__caption" id="maand-titel">
            {monthText(i, month)}
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              {WEEKDAYS.map((d) => (
                <th class="utrecht-table__header-cell" scope="col">
                  <abbr title={weekdayName(i, d)}>{i.t(`agenda.weekdayShort.${d.toLowerCase()}`)}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {weeks.map((week) => (
              <tr class="utrecht-table__row">
                {week.map((day) => {
                  if (day === null) return <td class="utrecht-table__cell ir-agenda-month__empty"></td>;
                  const list = byDay.get(day) ?? [];
                  return (
                    <td class="utrecht-table__cell">
                      <span class="ir-agenda-month__day">{day}</span>
                      {list.length ? (
                        <ul class="ir-agenda-month__list">
                          {list.map((item) => {
                            const cancelled = item.eventStatus === 'cancelled' || item.occurrenceStatus === 'cancelled';
                            return (
                              <li>
                                <a class="utrecht-link" href={eventHref(item.slug)}>
                                  {timeText(i, item.startsAt)} {item.title}
                                </a>
                                {cancelled ? <span> ({i.t('agenda.status.cancelledShort')})</span> : null}
                              </li>
                            );
                          })}
                        </ul>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export type AgendaListViewProps = {
  i: I18n;
  mode: AgendaMode;
  view: AgendaView;
  values: FilterFormValues;
  errors: FieldErrors;
  /** The parsed filters (empty when refused). */
  filters: AgendaFilters;
  /** null when the parameters were refused. */
  result: AgendaPage | null;
  month: { month: string; items: AgendaItem[]; truncated: boolean } | null;
  /** Links to subscribe to the agenda as a calendar feed (the feeds feature); shown after the results. */
  feedSlot?: Child;
  canPost: boolean;
};

/** GET /agenda (list or month) and GET /agenda/archief. */
export function AgendaListView(p: AgendaListViewProps) {
  const { i, mode, result, month, filters } = p;
  const title = mode === 'archive' ? i.t('agenda.archive.title') : i.t('agenda.list.title');
  const hidden: Record<string, string> = {};
  if (p.view === 'maand' && month) Object.assign(hidden, { weergave: 'maand', maand: month.month });
  return (
    <>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{i.t(mode === 'archive' ? 'agenda.archive.lead' : 'agenda.list.lead')}</p>
      <ErrorSummary i={i} form={{ values: {}, errors: p.errors }} labels={filterLabels(i)} />
      <AgendaFilterForm i={i} values={p.values} errors={p.errors} action={mode === 'archive' ? '/agenda/archief' : '/agenda'} hidden={hidden} clearHref={agendaHref(mode, {}, { weergave: p.view })} />
      <ul class="ir-agenda-links">
        {mode === 'upcoming' ? (
          <li>
            <a class="utrecht-link" href={agendaHref('archive', filters)}>
              {i.t('agenda.list.toArchive')}
            </a>
          </li>
        ) : (
          <li>
            <a class="utrecht-link" href={agendaHref('upcoming', filters)}>
              {i.t('agenda.archive.toUpcoming')}
            </a>
          </li>
        )}
        {p.canPost ? (
          <li>
            <a class="utrecht-link" href="/mijn/evenementen/nieuw">
              {i.t('agenda.list.post')}
            </a>
          </li>
        ) : null}
      </ul>
      {mode === 'upcoming' && (result || month) ? (
        <nav class="ir-view-switch" aria-label={i.t('agenda.view.label')}>
          <ul class="ir-view-switch__list">
            <li>
              <a class="utrecht-link" href={agendaHref('upcoming', filters)} aria-current={p.view === 'lijst' ? 'page' : undefined}>
                {i.t('agenda.view.list')}
              </a>
            </li>
            <li>
              <a class="utrecht-link" href={agendaHref('upcoming', filters, { weergave: 'maand', maand: month?.month })} aria-current={p.view === 'maand' ? 'page' : undefined}>
                {i.t('agenda.view.month')}
              </a>
            </li>
          </ul>
        </nav>
      ) : null}
      {month ? (
        <section class="ir-results-section" aria-labelledby="resultaten">
          <h2 class="utrecht-heading-2" id="resultaten">
            {i.t('agenda.month.title', { month: monthText(i, month.month) })}
          </h2>
          {month.truncated ? <p class="utrecht-paragraph">{i.t('agenda.month.truncated', { count: month.items.length })}</p> : null}
          {month.items.length === 0 ? <p class="utrecht-paragraph ir-empty-state">{i.t('agenda.month.empty')}</p> : null}
          <MonthGrid i={i} month={month.month} items={month.items} filters={filters} />
        </section>
      ) : null}
      {result ? (
        <section class="ir-results-section" aria-labelledby="resultaten">
          <h2 class="utrecht-heading-2" id="resultaten">
            {countText(i, result, mode)}
          </h2>
          {result.items.length ? (
            <>
              <DayGroups i={i} items={result.items} />
              <Pagination
                i={i}
                page={result.page}
                pages={result.lastPage ?? (result.hasNext ? result.page + 1 : result.page)}
                hrefFor={(n) => agendaHref(mode, filters, { pagina: n })}
              />
            </>
          ) : (
            <div class="ir-empty-state">
              <p class="utrecht-paragraph">{i.t(result.page > 1 ? 'agenda.list.emptyPage' : mode === 'archive' ? 'agenda.archive.empty' : 'agenda.list.empty')}</p>
              <p class="utrecht-paragraph">
                <a class="utrecht-link" href={mode === 'archive' ? '/agenda/archief' : '/agenda'}>
                  {i.t('agenda.list.showAll')}
                </a>
              </p>
            </div>
          )}
        </section>
      ) : null}
      {result || month ? p.feedSlot : null}
    </>
  );
}
