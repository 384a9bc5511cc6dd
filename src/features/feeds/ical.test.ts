import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ICAL from 'ical.js';
import { expandRecurrence } from '../agenda/recurrence.ts';
import { buildCalendar, escapeText, type FeedEvent, foldLine, icalLocal } from './ical.ts';

const OPTIONS = { name: 'Test, agenda; proef', host: 'impactregio.example', publicUrl: 'https://impactregio.example' };

/** Parses a feed the way a calendar app does, with the feed's own VTIMEZONE registered. */
function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return cal;
}

/** Every instance of the calendar's events as a calendar app shows them: EXDATEs removed, exceptions applied. */
function instances(text: string, until = '2027-12-31T00:00:00Z') {
  const cal = parse(text);
  const vevents = cal.getAllSubcomponents('vevent');
  const masters = vevents.filter((v) => !v.hasProperty('recurrence-id')).map((v) => new ICAL.Event(v));
  for (const v of vevents.filter((x) => x.hasProperty('recurrence-id'))) {
    const master = masters.find((m) => m.uid === v.getFirstPropertyValue('uid'));
    assert.ok(master, 'an exception belongs to a series in the same feed');
    master.relateException(v);
  }
  const out: Array<{ uid: string; summary: string; start: string; end: string; status: string }> = [];
  for (const m of masters) {
    if (!m.isRecurring()) {
      out.push({ uid: m.uid, summary: m.summary, start: m.startDate.toJSDate().toISOString(), end: m.endDate.toJSDate().toISOString(), status: String(m.component.getFirstPropertyValue('status')) });
      continue;
    }
    const it = m.iterator();
    for (let next = it.next(); next; next = it.next()) {
      if (next.toJSDate() > new Date(until)) break;
      const d = m.getOccurrenceDetails(next);
      out.push({
        uid: m.uid,
        summary: d.item.summary,
        start: d.startDate.toJSDate().toISOString(),
        end: d.endDate.toJSDate().toISOString(),
        status: String(d.item.component.getFirstPropertyValue('status')),
      });
    }
  }
  return out;
}

const base = (over: Partial<FeedEvent>): FeedEvent => ({
  id: '7d1f6c1e-1111-4a2b-9c3d-000000000001',
  slug: 'repair-cafe',
  title: 'Repair Café',
  description: 'Samen repareren.',
  status: 'published',
  sequence: 0,
  recurrence: null,
  durationMinutes: 120,
  type: 'workshop',
  location: 'Wijkcentrum, Hoofdstraat 1, 7811 AA Emmen',
  organiserName: 'Repair Café Emmen',
  createdAt: new Date('2026-09-01T08:00:00Z'),
  updatedAt: new Date('2026-09-02T08:00:00Z'),
  occurrences: [],
  exdates: [],
  ...over,
});

describe('iCalendar writer', () => {
  test('text escaping and folding at 75 octets without cutting UTF-8 characters', () => {
    assert.equal(escapeText('a,b;c\\d\r\ne'), 'a\\,b\\;c\\\\d\\ne');
    assert.equal(escapeText('x\ry\nz\u0001\tq'), 'x\\ny\\nz\tq', 'CR and LF become \\n, control characters go, a tab stays');
    const ascii = `DESCRIPTION:${'abcdefghij'.repeat(30)}`;
    const foldedAscii = foldLine(ascii);
    assert.ok(foldedAscii.split('\r\n').every((l) => l.length <= 75));
    assert.equal(foldedAscii.replace(/\r\n /g, ''), ascii);
    const long = `SUMMARY:${'Zorgboerderij – café ☕ één '.repeat(10)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `${Buffer.byteLength(line)} octets: ${line}`);
    assert.equal(folded.replace(/\r\n /g, ''), long, 'unfolding gives the line back');
    assert.ok(!Buffer.from(folded).toString('utf8').includes('\ufffd'), 'no broken characters');
  });

  test('the local-time arithmetic agrees with the platform time zone data, every 15 minutes of 1997-2030 around the changes', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const viaIntl = (d: Date) => {
      const p: Record<string, string> = {};
      for (const part of intl.formatToParts(d)) p[part.type] = part.value;
      return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`;
    };
    for (let year = 1997; year <= 2030; year++) {
      for (const month of [2, 9]) {
        const from = Date.UTC(year, month, 24);
        for (let t = from; t < from + 9 * 24 * 3600_000; t += 15 * 60_000) assert.equal(icalLocal(new Date(t)), viaIntl(new Date(t)), new Date(t).toISOString());
      }
    }
  });

  test('local times in Europe/Amsterdam on both sides of the clock change', () => {
    assert.equal(icalLocal(new Date('2026-10-24T17:30:00Z')), '20261024T193000');
    assert.equal(icalLocal(new Date('2026-10-26T18:30:00Z')), '20261026T193000');
  });

  test('a weekly series across the end of summer time, with a skipped, a cancelled and a moved date', () => {
    const rule = { freq: 'weekly' as const, interval: 1, byWeekday: ['TU' as const], count: 6 };
    const generated = expandRecurrence('2026-10-13T19:30', rule, 90);
    assert.equal(generated.length, 6);
    const skipped = generated[1].originalStartsAt; // 20 October
    const occurrences = generated
      .filter((g) => g.originalStartsAt.getTime() !== skipped.getTime())
      .map((g, n) => ({ id: `occ-${n}`, startsAt: g.startsAt, endsAt: g.endsAt, originalStartsAt: g.originalStartsAt, status: 'scheduled', sequence: 0 }));
    // 3 November cancelled; 10 November moved to Wednesday 11 November 20:00.
    const cancelled = occurrences.find((o) => o.startsAt.toISOString() === '2026-11-03T18:30:00.000Z')!;
    cancelled.status = 'cancelled';
    cancelled.sequence = 1;
    const moved = occurrences.find((o) => o.startsAt.toISOString() === '2026-11-10T18:30:00.000Z')!;
    moved.startsAt = new Date('2026-11-11T19:00:00Z');
    moved.endsAt = new Date('2026-11-11T20:30:00Z');
    moved.sequence = 2;
    const ics = buildCalendar([base({ recurrence: rule, durationMinutes: 90, sequence: 3, occurrences, exdates: [skipped] })], OPTIONS);

    assert.ok(ics.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(ics), 'every line ends in CRLF');
    for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `line too long: ${line}`);
    assert.match(ics, /\r\nDTSTART;TZID=Europe\/Amsterdam:20261013T193000\r\n/);
    assert.match(ics, /\r\nRRULE:FREQ=WEEKLY;BYDAY=TU;WKST=MO;COUNT=6\r\n/);
    assert.match(ics, /\r\nEXDATE;TZID=Europe\/Amsterdam:20261020T193000\r\n/);
    assert.match(ics, /\r\nRECURRENCE-ID;TZID=Europe\/Amsterdam:20261103T193000\r\n/);
    assert.match(ics, /\r\nDTSTAMP:20260902T080000Z\r\n/);

    const seen = instances(ics);
    assert.deepEqual(
      seen.map((s) => [s.start, s.end, s.status]),
      [
        ['2026-10-13T17:30:00.000Z', '2026-10-13T19:00:00.000Z', 'CONFIRMED'], // 19:30 CEST
        ['2026-10-27T18:30:00.000Z', '2026-10-27T20:00:00.000Z', 'CONFIRMED'], // 19:30 CET, after the change
        ['2026-11-03T18:30:00.000Z', '2026-11-03T20:00:00.000Z', 'CANCELLED'],
        ['2026-11-11T19:00:00.000Z', '2026-11-11T20:30:00.000Z', 'CONFIRMED'], // moved
        ['2026-11-17T18:30:00.000Z', '2026-11-17T20:00:00.000Z', 'CONFIRMED'],
      ],
    );
    assert.ok(seen.every((s) => s.uid === '7d1f6c1e-1111-4a2b-9c3d-000000000001@impactregio.example'), 'one stable UID');

    const cal = parse(ics);
    const vevents = cal.getAllSubcomponents('vevent');
    assert.deepEqual(
      vevents.map((v) => v.getFirstPropertyValue('sequence')),
      [3, 4, 5],
      'the series has the event SEQUENCE, each exception adds its own',
    );
    assert.equal(vevents[0].getFirstPropertyValue('url'), 'https://impactregio.example/agenda/repair-cafe');
    assert.match(ics, /\r\nNAME:Test\\, agenda\\; proef\r\n/, 'the calendar name is escaped TEXT');
  });

  test('a single event: its times, text with special characters, a cancelled event', () => {
    const occ = { id: 'o1', startsAt: new Date('2026-03-29T08:00:00Z'), endsAt: new Date('2026-03-29T10:00:00Z'), originalStartsAt: new Date('2026-03-29T08:00:00Z'), status: 'scheduled', sequence: 0 };
    const title = 'Markt; zorg, welzijn \\ énergie — een heel lange titel die zeker over de vijfenzeventig octetten heen gaat';
    const ics = buildCalendar(
      [
        base({ title, description: 'Regel 1\nRegel 2, met komma', occurrences: [occ] }),
        base({ id: '7d1f6c1e-1111-4a2b-9c3d-000000000002', slug: 'afgelast', status: 'cancelled', sequence: 2, occurrences: [{ ...occ, id: 'o2' }] }),
      ],
      OPTIONS,
    );
    const seen = instances(ics);
    assert.equal(seen[0].summary, title);
    assert.equal(seen[0].start, '2026-03-29T08:00:00.000Z'); // 10:00 CEST, the day summer time starts
    assert.match(ics, /DTSTART;TZID=Europe\/Amsterdam:20260329T100000/);
    assert.equal(seen[1].status, 'CANCELLED');
    const desc = parse(ics).getAllSubcomponents('vevent')[0].getFirstPropertyValue('description');
    assert.equal(desc, 'Regel 1\nRegel 2, met komma\n\nOrganisator: Repair Café Emmen\n\nhttps://impactregio.example/agenda/repair-cafe');
  });
});
