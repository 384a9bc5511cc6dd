import type { RecurrenceRule } from './agenda.schema.ts';

/**
 * Recurring events with iCalendar RRULE semantics (RFC 5545), computed in local wall-clock time in Europe/Amsterdam
 * and converted to UTC per occurrence, so a series at 19:30 stays at 19:30 across the change to and from summer time.
 *
 * Supported (what the posting form offers):
 * - FREQ=WEEKLY;INTERVAL=n;BYDAY=MO,WE,…  (weeks start on Monday, WKST=MO)
 * - FREQ=MONTHLY;INTERVAL=n;BYDAY=<pos><day> with pos 1..5 or -1 (last); a month without a 5th such weekday is skipped
 * - UNTIL (a local date, inclusive) or COUNT; a rule without an end, or with more than MAX_OCCURRENCES dates, is refused.
 * The first start (DTSTART) must itself match the rule, so the series never has a stray first date.
 * COUNT counts the dates of the rule before skipped dates (EXDATE) are removed, as in RFC 5545.
 * A local time that does not exist (the hour skipped in March) moves forward by that hour; a time that exists twice
 * (the hour repeated in October) takes the first, summer-time one: both as RFC 5545 prescribes.
 */

export const TIME_ZONE = 'Europe/Amsterdam';
export const MAX_OCCURRENCES = 500;
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const SET_POSITIONS = [1, 2, 3, 4, 5, -1] as const;

export type RecurrenceProblem =
  | 'agenda.recurrence.noEnd'
  | 'agenda.recurrence.bothEnds'
  | 'agenda.recurrence.tooMany'
  | 'agenda.recurrence.untilBeforeStart'
  | 'agenda.recurrence.noWeekdays'
  | 'agenda.recurrence.monthlyOneWeekday'
  | 'agenda.recurrence.setPos'
  | 'agenda.recurrence.interval'
  | 'agenda.recurrence.count'
  | 'agenda.recurrence.firstNotInRule'
  | 'agenda.recurrence.invalidStart';

/** Thrown by expandRecurrence for a rule it refuses; `code` is a message key. */
export class RecurrenceError extends Error {
  constructor(public readonly code: RecurrenceProblem) {
    super(code);
    this.name = 'RecurrenceError';
  }
}

export type GeneratedOccurrence = {
  /** UTC start given by the rule (iCalendar RECURRENCE-ID); the stored starts_at equals it unless moved. */
  originalStartsAt: Date;
  startsAt: Date;
  endsAt: Date;
  /** The local date in Europe/Amsterdam, YYYY-MM-DD. */
  localDate: string;
};

// --- local wall-clock time <-> UTC ----------------------------------------------------------------------------------

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The local wall-clock fields in Europe/Amsterdam of an instant. */
function localFields(d: Date): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const p: Record<string, number> = {};
  for (const part of partsFormatter.formatToParts(d)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { y: p.year, mo: p.month, d: p.day, h: p.hour === 24 ? 0 : p.hour, mi: p.minute, s: p.second };
}

/** The offset of Europe/Amsterdam from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(ms: number): number {
  const f = localFields(new Date(ms));
  return Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi, f.s) - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "YYYY-MM-DD" and "HH:MM" of an instant, in Europe/Amsterdam. */
export function toLocal(d: Date): { date: string; time: string } {
  const f = localFields(d);
  return { date: `${pad(f.y, 4)}-${pad(f.mo)}-${pad(f.d)}`, time: `${pad(f.h)}:${pad(f.mi)}` };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** True for a real calendar date "YYYY-MM-DD" (no 31 February). */
export function isLocalDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && y <= 2200 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** True for "HH:MM" (00:00 to 23:59). */
export function isLocalTime(s: string): boolean {
  const m = TIME_RE.exec(s);
  return !!m && Number(m[1]) < 24 && Number(m[2]) < 60 && (m[3] === undefined || Number(m[3]) < 60);
}

/**
 * The UTC instant of a local wall-clock time in Europe/Amsterdam. A time in the skipped hour (last Sunday of March,
 * 02:00-03:00) is read with the offset before the gap (02:30 → 03:30 summer time); a time in the repeated hour (last
 * Sunday of October) is the first of the two (summer time). Both as RFC 5545 section 3.3.5 says.
 */
export function localToUtc(date: string, time: string): Date {
  const dm = DATE_RE.exec(date);
  const tm = TIME_RE.exec(time);
  if (!dm || !tm) throw new RecurrenceError('agenda.recurrence.invalidStart');
  const wall = Date.UTC(Number(dm[1]), Number(dm[2]) - 1, Number(dm[3]), Number(tm[1]), Number(tm[2]), Number(tm[3] ?? 0));
  const before = offsetAt(wall - 12 * 3600_000);
  const after = offsetAt(wall + 12 * 3600_000);
  const matches = (offset: number) => offsetAt(wall - offset) === offset;
  // Both valid in the repeated hour: the larger offset gives the earlier instant (summer time).
  const valid = [before, after].filter(matches).sort((a, b) => b - a);
  return new Date(wall - (valid[0] ?? before));
}

// --- calendar arithmetic on local dates (as UTC midnight numbers, no time zone involved) ---------------------------

const DAY = 86_400_000;
const dayNumber = (date: string) => {
  const m = DATE_RE.exec(date)!;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY;
};
const dateOfDayNumber = (n: number) => {
  const d = new Date(n * DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
/** 0 = Monday … 6 = Sunday. */
const weekdayIndex = (n: number) => (new Date(n * DAY).getUTCDay() + 6) % 7;

/** The weekday code of a local date. */
export const weekdayOf = (date: string): Weekday => WEEKDAYS[weekdayIndex(dayNumber(date))];

/** The day number of the pos-th (1..5, or -1 = last) weekday of a month, or null when that month has none. */
function nthWeekdayOfMonth(year: number, month0: number, weekday: number, pos: number): number | null {
  if (pos > 0) {
    const first = Date.UTC(year, month0, 1) / DAY;
    const n = first + ((weekday - weekdayIndex(first) + 7) % 7) + (pos - 1) * 7;
    return new Date(n * DAY).getUTCMonth() === month0 ? n : null;
  }
  const last = Date.UTC(year, month0 + 1, 0) / DAY;
  return last - ((weekdayIndex(last) - weekday + 7) % 7);
}

/** Which position (1..5 from the start, and whether it is the last) a date has among its month's same weekdays. */
export function monthlyPositionOf(date: string): { pos: number; isLast: boolean } {
  const n = dayNumber(date);
  const d = new Date(n * DAY);
  const pos = Math.floor((d.getUTCDate() - 1) / 7) + 1;
  const isLast = new Date((n + 7) * DAY).getUTCMonth() !== d.getUTCMonth();
  return { pos, isLast };
}

// --- the rule -------------------------------------------------------------------------------------------------------

/** What is wrong with a rule for a series starting on `firstDate` (local), or null when it is acceptable. */
export function ruleProblem(firstDate: string, rule: RecurrenceRule): RecurrenceProblem | null {
  if (!isLocalDate(firstDate)) return 'agenda.recurrence.invalidStart';
  const maxInterval = rule.freq === 'weekly' ? 52 : 12;
  if (!Number.isInteger(rule.interval) || rule.interval < 1 || rule.interval > maxInterval) return 'agenda.recurrence.interval';
  if (rule.until === undefined && rule.count === undefined) return 'agenda.recurrence.noEnd';
  if (rule.until !== undefined && rule.count !== undefined) return 'agenda.recurrence.bothEnds';
  if (rule.count !== undefined) {
    if (!Number.isInteger(rule.count) || rule.count < 1) return 'agenda.recurrence.count';
    if (rule.count > MAX_OCCURRENCES) return 'agenda.recurrence.tooMany';
  }
  if (rule.until !== undefined) {
    if (!isLocalDate(rule.until)) return 'agenda.recurrence.noEnd';
    if (rule.until < firstDate) return 'agenda.recurrence.untilBeforeStart';
  }
  const days = rule.byWeekday ?? [];
  if (days.length === 0 || !days.every((d) => (WEEKDAYS as readonly string[]).includes(d))) return 'agenda.recurrence.noWeekdays';
  if (rule.freq === 'weekly') {
    if (!days.includes(weekdayOf(firstDate))) return 'agenda.recurrence.firstNotInRule';
  } else {
    if (days.length !== 1) return 'agenda.recurrence.monthlyOneWeekday';
    if (rule.setPos === undefined || !(SET_POSITIONS as readonly number[]).includes(rule.setPos)) return 'agenda.recurrence.setPos';
    const { pos, isLast } = monthlyPositionOf(firstDate);
    if (days[0] !== weekdayOf(firstDate) || (rule.setPos === -1 ? !isLast : rule.setPos !== pos)) return 'agenda.recurrence.firstNotInRule';
  }
  return null;
}

/** The local dates a rule gives, from the first date; throws RecurrenceError when it would give too many. */
export function ruleDates(firstDate: string, rule: RecurrenceRule): string[] {
  const problem = ruleProblem(firstDate, rule);
  if (problem) throw new RecurrenceError(problem);
  const limit = rule.count ?? MAX_OCCURRENCES;
  const untilDay = rule.until !== undefined ? dayNumber(rule.until) : Number.POSITIVE_INFINITY;
  const first = dayNumber(firstDate);
  const out: string[] = [];
  const push = (n: number): boolean => {
    // false = stop: past UNTIL or enough dates.
    if (n > untilDay) return false;
    if (out.length === limit) {
      if (rule.count === undefined) throw new RecurrenceError('agenda.recurrence.tooMany');
      return false;
    }
    out.push(dateOfDayNumber(n));
    return true;
  };
  if (rule.freq === 'weekly') {
    const wanted = [...new Set(rule.byWeekday.map((d) => WEEKDAYS.indexOf(d)))].sort((a, b) => a - b);
    const weekStart = first - weekdayIndex(first);
    for (let w = 0; ; w += rule.interval) {
      for (const wd of wanted) {
        const n = weekStart + w * 7 + wd;
        if (n < first) continue;
        if (!push(n)) return out;
      }
    }
  }
  const weekday = WEEKDAYS.indexOf(rule.byWeekday[0]);
  const start = new Date(first * DAY);
  // A 5th weekday is rare (some months have none), so allow enough months for 500 of them, then stop.
  for (let m = 0; m < 12 * 400; m += rule.interval) {
    const y = start.getUTCFullYear() + Math.floor((start.getUTCMonth() + m) / 12);
    const mo = (start.getUTCMonth() + m) % 12;
    const n = nthWeekdayOfMonth(y, mo, weekday, rule.setPos!);
    if (n === null || n < first) continue;
    if (!push(n)) return out;
  }
  return out;
}

const sameInstant = (a: Date, b: Date) => a.getTime() === b.getTime();

/**
 * Every occurrence of an event: one for a single event (rule null), the dates of the rule for a series, each at the
 * same local wall-clock time as the first, lasting `durationMinutes`, without the skipped dates (`exdates`: original
 * UTC starts, iCalendar EXDATE). `firstStartLocal` is "YYYY-MM-DDTHH:MM" in Europe/Amsterdam.
 * Throws RecurrenceError for a rule without an end, with more than 500 dates, or whose first date does not match.
 */
export function expandRecurrence(
  firstStartLocal: string,
  rule: RecurrenceRule | null,
  durationMinutes: number,
  exdates: ReadonlyArray<Date | string> = [],
): GeneratedOccurrence[] {
  const [date, time] = firstStartLocal.split('T');
  if (!date || !time || !isLocalDate(date) || !isLocalTime(time)) throw new RecurrenceError('agenda.recurrence.invalidStart');
  const dates = rule ? ruleDates(date, rule) : [date];
  const skipped = exdates.map((d) => new Date(d));
  const out: GeneratedOccurrence[] = [];
  for (const localDate of dates) {
    const startsAt = localToUtc(localDate, time);
    if (skipped.some((x) => sameInstant(x, startsAt))) continue;
    out.push({ originalStartsAt: startsAt, startsAt, endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000), localDate });
  }
  return out;
}

/** How many dates the rule gives (before skipped dates are removed), or the problem that refuses it. */
export function countOccurrences(firstDate: string, rule: RecurrenceRule): { ok: true; count: number } | { ok: false; problem: RecurrenceProblem } {
  try {
    return { ok: true, count: ruleDates(firstDate, rule).length };
  } catch (e) {
    if (e instanceof RecurrenceError) return { ok: false, problem: e.code };
    throw e;
  }
}

/** "20261231T225959Z": an instant in iCalendar UTC form. */
export const icalUtc = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

/**
 * The rule as RFC 5545 RRULE text (without "RRULE:"), e.g. "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20261231T225959Z".
 * UNTIL is written in UTC, as RFC 5545 requires when DTSTART has a time zone: the last second of the local until-date.
 */
export function toRRule(rule: RecurrenceRule): string {
  const parts = [`FREQ=${rule.freq === 'weekly' ? 'WEEKLY' : 'MONTHLY'}`];
  if (rule.interval > 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.freq === 'weekly') {
    const days = [...new Set(rule.byWeekday)].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
    parts.push(`BYDAY=${days.join(',')}`);
    parts.push('WKST=MO');
  } else {
    parts.push(`BYDAY=${rule.setPos}${rule.byWeekday[0]}`);
  }
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  else if (rule.until !== undefined) parts.push(`UNTIL=${icalUtc(localToUtc(rule.until, '23:59:59'))}`);
  return parts.join(';');
}
