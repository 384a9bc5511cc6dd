import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addWorkingDays, amsterdamDate, dutchPublicHolidays, easterSunday, firstResponseDue, formatLocalDate, isWorkingDay } from './working-days.ts';

const d = (s: string) => {
  const [year, month, day] = s.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
};

describe('working days (Algemene termijnenwet)', () => {
  test('Easter Sunday by the Gregorian algorithm matches known dates', () => {
    const known: Record<number, string> = { 2019: '2019-04-21', 2024: '2024-03-31', 2025: '2025-04-20', 2026: '2026-04-05', 2027: '2027-03-28', 2038: '2038-04-25', 2285: '2285-03-22' };
    for (const [year, date] of Object.entries(known)) assert.equal(formatLocalDate(easterSunday(Number(year))), date, `Easter ${year}`);
  });

  test('the days off of 2026: Easter-based, Koningsdag, Bevrijdingsdag every year, no Goede Vrijdag', () => {
    const h = dutchPublicHolidays(2026);
    assert.deepEqual(
      [...h.keys()],
      ['2026-01-01', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-25', '2026-12-25', '2026-12-26'],
    );
    assert.equal(h.has('2026-04-03'), false, 'Goede Vrijdag is a working day');
    assert.equal(isWorkingDay(d('2026-04-03')), true);
  });

  test('Koningsdag moves to 26 April when 27 April is a Sunday', () => {
    assert.ok(dutchPublicHolidays(2025).has('2025-04-26'), '27 April 2025 is a Sunday');
    assert.ok(!dutchPublicHolidays(2025).has('2025-04-27'));
    assert.ok(dutchPublicHolidays(2031).has('2031-04-26'), '27 April 2031 is a Sunday');
  });

  test('Bevrijdingsdag counts every year, not only in lustrum years', () => {
    assert.equal(isWorkingDay(d('2026-05-05')), false);
    assert.equal(isWorkingDay(d('2027-05-05')), false);
  });

  test('weekends are skipped; the start day does not count', () => {
    assert.equal(formatLocalDate(addWorkingDays(d('2026-11-27'), 1)), '2026-11-30', 'Friday + 1 → Monday');
    assert.equal(formatLocalDate(addWorkingDays(d('2026-11-28'), 3)), '2026-12-02', 'Saturday + 3 → Wednesday');
  });

  test('holidays in a row are skipped: Christmas and New Year', () => {
    assert.equal(formatLocalDate(addWorkingDays(d('2026-12-24'), 1)), '2026-12-28', 'Thu 24 Dec + 1 → Mon 28 Dec');
    assert.equal(formatLocalDate(addWorkingDays(d('2026-12-31'), 1)), '2027-01-04', 'Thu 31 Dec + 1 → Mon 4 Jan');
    assert.equal(formatLocalDate(addWorkingDays(d('2026-05-13'), 2)), '2026-05-18', 'Wed before Hemelvaart + 2 → Monday (Fri is a working day)');
  });

  test('the due moment is the end of the local day, across DST', () => {
    // Friday 27 Nov 2026, 16:00 in Amsterdam (winter time): 3 working days → Wednesday 2 Dec 23:59:59.999 CET.
    assert.equal(firstResponseDue(new Date('2026-11-27T15:00:00Z'), 3).toISOString(), '2026-12-02T22:59:59.999Z');
    // In summer time (CEST, UTC+2).
    assert.equal(firstResponseDue(new Date('2026-06-01T08:00:00Z'), 1).toISOString(), '2026-06-02T21:59:59.999Z');
    // Late evening UTC is already the next day in Amsterdam.
    assert.equal(formatLocalDate(amsterdamDate(new Date('2026-03-27T23:30:00Z'))), '2026-03-28');
    // A request on Monday 30 March, the day after the switch to summer time.
    assert.equal(firstResponseDue(new Date('2026-03-27T10:00:00Z'), 1).toISOString(), '2026-03-30T21:59:59.999Z');
  });
});
