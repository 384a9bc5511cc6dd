import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ICAL from 'ical.js';
import type { RecurrenceRule } from './agenda.schema.ts';
import { countOccurrences, expandRecurrence, localToUtc, MAX_OCCURRENCES, RecurrenceError, ruleDates, ruleProblem, toLocal, toRRule, weekdayOf } from './recurrence.ts';

const weekly = (byWeekday: RecurrenceRule['byWeekday'], end: { until?: string; count?: number }, interval = 1): RecurrenceRule => ({ freq: 'weekly', interval, byWeekday, ...end });
const monthly = (setPos: number, day: RecurrenceRule['byWeekday'][number], end: { until?: string; count?: number }, interval = 1): RecurrenceRule => ({
  freq: 'monthly',
  interval,
  byWeekday: [day],
  setPos,
  ...end,
});
const iso = (d: Date) => d.toISOString();

describe('local time in Europe/Amsterdam to UTC', () => {
  test('winter is UTC+1, summer UTC+2', () => {
    assert.equal(iso(localToUtc('2026-01-15', '19:30')), '2026-01-15T18:30:00.000Z');
    assert.equal(iso(localToUtc('2026-07-15', '19:30')), '2026-07-15T17:30:00.000Z');
  });

  test('a time in the skipped hour (29 March 2026, 02:30) is read with the offset before the gap: 03:30 summer time', () => {
    const t = localToUtc('2026-03-29', '02:30');
    assert.equal(iso(t), '2026-03-29T01:30:00.000Z');
    assert.deepEqual(toLocal(t), { date: '2026-03-29', time: '03:30' });
  });

  test('a time in the repeated hour (25 October 2026, 02:30) is the first of the two (summer time)', () => {
    assert.equal(iso(localToUtc('2026-10-25', '02:30')), '2026-10-25T00:30:00.000Z');
    assert.equal(iso(localToUtc('2026-10-25', '03:30')), '2026-10-25T02:30:00.000Z');
  });

  test('toLocal is the inverse for ordinary times', () => {
    for (const [date, time] of [
      ['2026-12-31', '23:59'],
      ['2027-01-01', '00:00'],
      ['2026-03-28', '20:00'],
      ['2026-10-26', '09:15'],
    ]) {
      assert.deepEqual(toLocal(localToUtc(date, time)), { date, time });
    }
  });
});

describe('weekly series', () => {
  test('same local time across the change to summer time: UTC moves by an hour', () => {
    const occ = expandRecurrence('2026-03-19T19:30', weekly(['TH'], { count: 3 }), 90);
    assert.deepEqual(
      occ.map((o) => iso(o.startsAt)),
      ['2026-03-19T18:30:00.000Z', '2026-03-26T18:30:00.000Z', '2026-04-02T17:30:00.000Z'],
    );
    assert.ok(occ.every((o) => toLocal(o.startsAt).time === '19:30'));
    assert.ok(occ.every((o) => o.endsAt.getTime() - o.startsAt.getTime() === 90 * 60_000));
  });

  test('and across the change back to winter time', () => {
    const occ = expandRecurrence('2026-10-20T10:00', weekly(['TU'], { until: '2026-11-03' }), 60);
    assert.deepEqual(
      occ.map((o) => iso(o.startsAt)),
      ['2026-10-20T08:00:00.000Z', '2026-10-27T09:00:00.000Z', '2026-11-03T09:00:00.000Z'],
    );
  });

  test('several weekdays, every two weeks, weeks starting on Monday', () => {
    // 2026-12-02 is a Wednesday: that week gives We and Fr (Mo is before the start), the week after is skipped.
    const dates = ruleDates('2026-12-02', weekly(['MO', 'WE', 'FR'], { count: 7 }, 2));
    assert.deepEqual(dates, ['2026-12-02', '2026-12-04', '2026-12-14', '2026-12-16', '2026-12-18', '2026-12-28', '2026-12-30']);
  });

  test('UNTIL is an inclusive local date', () => {
    assert.deepEqual(ruleDates('2026-12-01', weekly(['TU'], { until: '2026-12-15' })), ['2026-12-01', '2026-12-08', '2026-12-15']);
    assert.deepEqual(ruleDates('2026-12-01', weekly(['TU'], { until: '2026-12-14' })), ['2026-12-01', '2026-12-08']);
  });

  test('COUNT counts the dates of the rule; a skipped date (EXDATE) is removed afterwards and not replaced', () => {
    const all = expandRecurrence('2026-12-01T20:00', weekly(['TU'], { count: 4 }), 60);
    const skipped = expandRecurrence('2026-12-01T20:00', weekly(['TU'], { count: 4 }), 60, [all[1].originalStartsAt]);
    assert.equal(all.length, 4);
    assert.deepEqual(
      skipped.map((o) => o.localDate),
      ['2026-12-01', '2026-12-15', '2026-12-22'],
    );
    // Exdates may come as ISO text (from JSON) too.
    assert.equal(expandRecurrence('2026-12-01T20:00', weekly(['TU'], { count: 4 }), 60, [all[0].originalStartsAt.toISOString()]).length, 3);
  });
});

describe('monthly on the n-th weekday', () => {
  test('second Tuesday of every month', () => {
    assert.deepEqual(ruleDates('2026-01-13', monthly(2, 'TU', { count: 4 })), ['2026-01-13', '2026-02-10', '2026-03-10', '2026-04-14']);
  });

  test('last Friday (-1FR), every three months', () => {
    assert.deepEqual(ruleDates('2026-01-30', monthly(-1, 'FR', { until: '2026-12-31' }, 3)), ['2026-01-30', '2026-04-24', '2026-07-31', '2026-10-30']);
  });

  test('the 5th Thursday: months without one are skipped', () => {
    // 2026 months with five Thursdays: January, April, July, October, December.
    assert.deepEqual(ruleDates('2026-01-29', monthly(5, 'TH', { until: '2026-12-31' })), ['2026-01-29', '2026-04-30', '2026-07-30', '2026-10-29', '2026-12-31']);
  });

  test('a monthly series keeps its local time over both DST changes', () => {
    const occ = expandRecurrence('2026-02-09T19:00', monthly(2, 'MO', { count: 10 }), 120);
    assert.ok(occ.every((o) => toLocal(o.startsAt).time === '19:00'));
    assert.equal(iso(occ[0].startsAt), '2026-02-09T18:00:00.000Z');
    assert.equal(iso(occ[2].startsAt), '2026-04-13T17:00:00.000Z');
    assert.equal(iso(occ[9].startsAt), '2026-11-09T18:00:00.000Z');
  });
});

describe('rules that are refused', () => {
  test('no end, both ends, or more than 500 dates', () => {
    assert.equal(ruleProblem('2026-12-01', { freq: 'weekly', interval: 1, byWeekday: ['TU'] }), 'agenda.recurrence.noEnd');
    assert.equal(ruleProblem('2026-12-01', weekly(['TU'], { until: '2027-01-01', count: 3 })), 'agenda.recurrence.bothEnds');
    assert.equal(ruleProblem('2026-12-01', weekly(['TU'], { count: MAX_OCCURRENCES + 1 })), 'agenda.recurrence.tooMany');
    assert.equal(ruleDates('2026-12-01', weekly(['TU'], { count: MAX_OCCURRENCES })).length, 500);
    // Daily-ish for 2 years by UNTIL: 7 × 104 > 500.
    assert.throws(
      () => ruleDates('2026-11-30', weekly(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], { until: '2028-12-01' })),
      (e: unknown) => e instanceof RecurrenceError && e.code === 'agenda.recurrence.tooMany',
    );
    assert.deepEqual(countOccurrences('2026-11-30', weekly(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], { until: '2028-12-01' })), {
      ok: false,
      problem: 'agenda.recurrence.tooMany',
    });
    assert.deepEqual(countOccurrences('2026-12-01', weekly(['TU'], { until: '2026-12-15' })), { ok: true, count: 3 });
  });

  test('an end before the start, a first date outside the rule, bad intervals and positions', () => {
    assert.equal(ruleProblem('2026-12-01', weekly(['TU'], { until: '2026-11-30' })), 'agenda.recurrence.untilBeforeStart');
    assert.equal(ruleProblem('2026-12-01', weekly(['WE'], { count: 3 })), 'agenda.recurrence.firstNotInRule');
    assert.equal(ruleProblem('2026-12-01', weekly([], { count: 3 })), 'agenda.recurrence.noWeekdays');
    assert.equal(ruleProblem('2026-12-01', weekly(['TU'], { count: 3 }, 0)), 'agenda.recurrence.interval');
    assert.equal(ruleProblem('2026-12-01', weekly(['TU'], { count: 0 })), 'agenda.recurrence.count');
    assert.equal(ruleProblem('2026-12-08', monthly(1, 'TU', { count: 3 })), 'agenda.recurrence.firstNotInRule');
    assert.equal(ruleProblem('2026-12-08', monthly(6, 'TU', { count: 3 })), 'agenda.recurrence.setPos');
    assert.equal(ruleProblem('2026-12-29', monthly(-1, 'TU', { count: 3 })), null);
    assert.equal(ruleProblem('2026-12-29', monthly(5, 'TU', { count: 3 })), null);
    assert.throws(() => expandRecurrence('2026-12-01 20:00', null, 60), RecurrenceError);
    assert.throws(() => expandRecurrence('2026-02-30T20:00', null, 60), RecurrenceError);
  });

  test('a single event is one occurrence', () => {
    const [o, ...rest] = expandRecurrence('2026-12-03T19:30', null, 120);
    assert.equal(rest.length, 0);
    assert.equal(iso(o.startsAt), '2026-12-03T18:30:00.000Z');
    assert.equal(iso(o.endsAt), '2026-12-03T20:30:00.000Z');
    assert.equal(o.localDate, '2026-12-03');
    assert.equal(weekdayOf('2026-12-03'), 'TH');
  });
});

describe('RRULE text', () => {
  test('RFC 5545 form; UNTIL in UTC at the end of the local day', () => {
    assert.equal(toRRule(weekly(['WE', 'MO'], { until: '2026-12-31' }, 2)), 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;WKST=MO;UNTIL=20261231T225959Z');
    assert.equal(toRRule(weekly(['TU'], { until: '2026-07-31' })), 'FREQ=WEEKLY;BYDAY=TU;WKST=MO;UNTIL=20260731T215959Z');
    assert.equal(toRRule(monthly(-1, 'FR', { count: 6 })), 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=6');
    assert.equal(toRRule(monthly(2, 'TU', { count: 12 }, 3)), 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU;COUNT=12');
  });

  // An independent implementation (ical.js) must give the same local dates for the same rule text.
  const cases: Array<[string, RecurrenceRule]> = [
    ['2026-12-02', weekly(['MO', 'WE', 'FR'], { count: 40 }, 2)],
    ['2026-03-05', weekly(['TH'], { count: 30 })],
    ['2026-01-13', monthly(2, 'TU', { count: 24 })],
    ['2026-01-30', monthly(-1, 'FR', { count: 20 }, 2)],
    ['2026-01-29', monthly(5, 'TH', { count: 12 })],
    ['2026-06-07', weekly(['SA', 'SU'], { count: 25 }, 3)],
  ];
  for (const [first, rule] of cases) {
    test(`ical.js agrees on ${toRRule(rule)} from ${first}`, () => {
      const recur = ICAL.Recur.fromString(toRRule(rule));
      const it = recur.iterator(ICAL.Time.fromDateTimeString(`${first}T19:30:00`));
      const theirs: string[] = [];
      for (let next = it.next(); next; next = it.next()) theirs.push(next.toString().slice(0, 10));
      assert.deepEqual(ruleDates(first, rule), theirs);
    });
  }
});
