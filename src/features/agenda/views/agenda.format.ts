import { region, SDGS, THEMES } from '../../../data/reference.ts';
import { type I18n, TIME_ZONE } from '../../../web/i18n/i18n.ts';
import type { RecurrenceRule } from '../agenda.schema.ts';
import { toLocal } from '../recurrence.ts';

/** Texts of dates, places and labels on the agenda pages (Europe/Amsterdam, nl-NL or en-GB). */

const locale = (i: I18n) => (i.lang === 'en' ? 'en-GB' : 'nl-NL');
const formats = new Map<string, Intl.DateTimeFormat>();
function fmt(i: I18n, kind: 'time' | 'day' | 'month' | 'dayShort', d: Date): string {
  const key = `${i.lang}:${kind}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { hour: '2-digit', minute: '2-digit' }
        : kind === 'day'
          ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
          : kind === 'dayShort'
            ? { weekday: 'short', day: 'numeric', month: 'short' }
            : { month: 'long', year: 'numeric' };
    f = new Intl.DateTimeFormat(locale(i), { timeZone: TIME_ZONE, ...options });
    formats.set(key, f);
  }
  return f.format(d);
}

export const timeText = (i: I18n, d: Date) => fmt(i, 'time', d);
/** "donderdag 3 december 2026" */
export const dayText = (i: I18n, d: Date) => fmt(i, 'day', d);
export const dayShortText = (i: I18n, d: Date) => fmt(i, 'dayShort', d);
/** "december 2026" for "2026-12". */
export const monthText = (i: I18n, month: string) => fmt(i, 'month', new Date(`${month}-15T12:00:00Z`));

/** "donderdag 3 december 2026, 19:30 tot 21:00" (both dates when it runs over midnight). */
export function whenText(i: I18n, startsAt: Date, endsAt: Date): string {
  const sameDay = toLocal(startsAt).date === toLocal(endsAt).date;
  return sameDay
    ? i.t('agenda.when.sameDay', { day: dayText(i, startsAt), start: timeText(i, startsAt), end: timeText(i, endsAt) })
    : i.t('agenda.when.multiDay', { startDay: dayText(i, startsAt), start: timeText(i, startsAt), endDay: dayText(i, endsAt), end: timeText(i, endsAt) });
}

/** "19:30 tot 21:00" (with the end day when it is another day). */
export function timeRangeText(i: I18n, startsAt: Date, endsAt: Date): string {
  const sameDay = toLocal(startsAt).date === toLocal(endsAt).date;
  return sameDay
    ? i.t('agenda.when.times', { start: timeText(i, startsAt), end: timeText(i, endsAt) })
    : i.t('agenda.when.timesUntilDay', { start: timeText(i, startsAt), endDay: dayShortText(i, endsAt), end: timeText(i, endsAt) });
}

export const municipalityName = (slug: string) => region.municipalities.find((m) => m.slug === slug)?.name ?? slug;
export const themeLabel = (i: I18n, slug: string) => {
  const t = THEMES.find((x) => x.slug === slug);
  return t ? i.label(t.label) : slug;
};
export const sdgLabel = (i: I18n, n: number) => {
  const s = SDGS.find((x) => x.number === n);
  return s ? i.t('agenda.sdgLabel', { number: n, label: i.label(s.label) }) : String(n);
};
export const typeLabel = (i: I18n, type: string) => i.t(`agenda.type.${type}`);

const WEEKDAY_KEYS = { MO: 'mo', TU: 'tu', WE: 'we', TH: 'th', FR: 'fr', SA: 'sa', SU: 'su' } as const;
export const weekdayName = (i: I18n, d: keyof typeof WEEKDAY_KEYS) => i.t(`agenda.weekday.${WEEKDAY_KEYS[d]}`);

/** "Elke 2 weken op maandag en woensdag, tot en met 31 december 2026" and the like. */
export function recurrenceText(i: I18n, rule: RecurrenceRule): string {
  const days = rule.byWeekday.map((d) => weekdayName(i, d));
  const dayList = days.length > 1 ? i.t('agenda.recurrence.and', { list: days.slice(0, -1).join(', '), last: days.at(-1)! }) : (days[0] ?? '');
  const base =
    rule.freq === 'weekly'
      ? rule.interval === 1
        ? i.t('agenda.recurrence.text.weekly', { days: dayList })
        : i.t('agenda.recurrence.text.weeklyN', { n: rule.interval, days: dayList })
      : i.t(rule.interval === 1 ? 'agenda.recurrence.text.monthly' : 'agenda.recurrence.text.monthlyN', {
          n: rule.interval,
          pos: i.t(`agenda.position.${rule.setPos === -1 ? 'last' : String(rule.setPos)}`),
          day: dayList,
        });
  const end =
    rule.count !== undefined
      ? i.t('agenda.recurrence.text.count', { count: rule.count })
      : rule.until
        ? i.t('agenda.recurrence.text.until', { date: i.formatDate(`${rule.until}T12:00:00Z`) })
        : '';
  return `${base}${end}`;
}
