/**
 * Working days for the promised first answer, in Europe/Amsterdam.
 *
 * Days off follow the Dutch Algemene termijnenwet (art. 3), which governs deadlines of government bodies:
 * Nieuwjaarsdag, tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag, Koningsdag, 5 mei (Bevrijdingsdag, every year,
 * not only in lustrum years), eerste en tweede Kerstdag, plus Saturdays and Sundays. Goede Vrijdag is NOT a day off
 * (it is not in that law and municipalities are open). Eerste Paas- and Pinksterdag are Sundays anyway.
 * Koningsdag is 27 April, or 26 April when the 27th is a Sunday.
 */

/** A local calendar date (no time, no zone). */
export type LocalDate = { year: number; month: number; day: number };

const pad = (n: number) => String(n).padStart(2, '0');
export const formatLocalDate = (d: LocalDate): string => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

const fromUtcDate = (d: Date): LocalDate => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
const toUtcDate = (d: LocalDate): Date => new Date(Date.UTC(d.year, d.month - 1, d.day));
const addDays = (d: LocalDate, n: number): LocalDate => fromUtcDate(new Date(toUtcDate(d).getTime() + n * 86_400_000));

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** The days off of one year as YYYY-MM-DD with their Dutch names (weekend days not included). */
export function dutchPublicHolidays(year: number): Map<string, string> {
  const easter = easterSunday(year);
  const kingsDay: LocalDate = { year, month: 4, day: 27 };
  if (toUtcDate(kingsDay).getUTCDay() === 0) kingsDay.day = 26;
  const days: Array<[LocalDate, string]> = [
    [{ year, month: 1, day: 1 }, 'Nieuwjaarsdag'],
    [addDays(easter, 1), 'Tweede Paasdag'],
    [kingsDay, 'Koningsdag'],
    [{ year, month: 5, day: 5 }, 'Bevrijdingsdag'],
    [addDays(easter, 39), 'Hemelvaartsdag'],
    [addDays(easter, 50), 'Tweede Pinksterdag'],
    [{ year, month: 12, day: 25 }, 'Eerste Kerstdag'],
    [{ year, month: 12, day: 26 }, 'Tweede Kerstdag'],
  ];
  return new Map(days.map(([d, name]) => [formatLocalDate(d), name]));
}

const holidayCache = new Map<number, Map<string, string>>();
function holidaysOf(year: number): Map<string, string> {
  let h = holidayCache.get(year);
  if (!h) holidayCache.set(year, (h = dutchPublicHolidays(year)));
  return h;
}

export function isWorkingDay(d: LocalDate): boolean {
  const weekday = toUtcDate(d).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidaysOf(d.year).has(formatLocalDate(d));
}

/** The calendar date in Europe/Amsterdam of an instant. */
export function amsterdamDate(instant: Date): LocalDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** The n-th working day after `from` (the day itself does not count). */
export function addWorkingDays(from: LocalDate, n: number): LocalDate {
  let d = from;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** The UTC instant of a local wall-clock time in Europe/Amsterdam (DST-aware). */
export function amsterdamInstant(d: LocalDate, hour: number, minute: number, second = 0, ms = 0): Date {
  const guess = Date.UTC(d.year, d.month - 1, d.day, hour, minute, second, ms);
  // The offset at the guessed instant; Amsterdam is UTC+1 or UTC+2, and no transition happens near the end of a day.
  const offsetMinutes = (instant: number) => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' }).formatToParts(new Date(instant));
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(parts.find((p) => p.type === 'timeZoneName')?.value ?? '');
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  };
  const first = guess - offsetMinutes(guess) * 60_000;
  return new Date(guess - offsetMinutes(first) * 60_000);
}

/**
 * When the first answer is due: the end (23:59:59.999 local) of the n-th working day after the day the request was
 * confirmed. Asked on Friday with 3 working days → due Wednesday evening.
 */
export function firstResponseDue(confirmedAt: Date, workingDays: number): Date {
  return amsterdamInstant(addWorkingDays(amsterdamDate(confirmedAt), workingDays), 23, 59, 59, 999);
}
