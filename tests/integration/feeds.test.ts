import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { eventOccurrences, events, type RecurrenceRule } from '../../src/features/agenda/agenda.schema.ts';
import { agendaCalendar } from '../../src/features/feeds/feeds.service.ts';
import { TestClient } from '../helpers/client.ts';
import { createOrganisation } from '../helpers/factories.ts';
import { insertEvent } from '../helpers/feed-events.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return cal;
}

/** What a calendar app shows: each instance with its UTC start and status (exceptions applied, EXDATEs removed). */
function instancesOf(text: string) {
  const cal = parse(text);
  const vevents = cal.getAllSubcomponents('vevent');
  const masters = vevents.filter((v) => !v.hasProperty('recurrence-id')).map((v) => new ICAL.Event(v));
  for (const v of vevents.filter((x) => x.hasProperty('recurrence-id'))) masters.find((m) => m.uid === v.getFirstPropertyValue('uid'))!.relateException(v);
  const out: Array<{ summary: string; start: string; status: string; url: string }> = [];
  for (const m of masters) {
    const it = m.iterator();
    for (let next = it.next(); next; next = it.next()) {
      const d = m.getOccurrenceDetails(next);
      out.push({ summary: d.item.summary, start: d.startDate.toJSDate().toISOString(), status: String(d.item.component.getFirstPropertyValue('status')), url: String(d.item.component.getFirstPropertyValue('url')) });
      if (!m.isRecurring()) break;
    }
  }
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.summary.localeCompare(b.summary));
}

describe('calendar and news feeds', () => {
  let t: TestContext;
  let client: TestClient;
  let seriesId = '';
  let orgSlug = '';

  before(async () => {
    // 10 October 2026: the series below runs across the end of summer time (25 October).
    t = await createTestContext({ now: '2026-10-10T10:00:00.000Z' });
    client = new TestClient(t.app);
    const org = await createOrganisation(t.db, { name: 'Energiecoöperatie Hunzedal', slug: 'energiecooperatie-hunzedal', municipalitySlug: 'aa-en-hunze' });
    orgSlug = org.slug;
    const rule: RecurrenceRule = { freq: 'weekly', interval: 1, byWeekday: ['TU'], count: 5 };
    const series = await insertEvent(t.db, {
      slug: 'energiecafe',
      title: 'Energiecafé, elke dinsdag',
      firstStartLocal: '2026-10-13T19:30',
      rule,
      durationMinutes: 90,
      sequence: 2,
      skip: [new Date('2026-10-20T17:30:00Z')],
      organiserOrganisationId: org.id,
    });
    seriesId = series.id;
    // 3 November is cancelled on its own.
    await t.db.$client.query("update event_occurrences set status = 'cancelled', sequence = 1 where event_id = $1 and starts_at = '2026-11-03T18:30:00Z'", [series.id]);
    await insertEvent(t.db, { slug: 'zorgmarkt', title: 'Zorgmarkt Hoogeveen', firstStartLocal: '2026-12-05T10:00', municipalitySlug: 'hoogeveen', themeSlugs: ['zorg-en-welzijn'], type: 'markt-beurs' });
    await insertEvent(t.db, { slug: 'afgelast-congres', title: 'Afgelast congres', firstStartLocal: '2026-11-20T09:00', status: 'cancelled', sequence: 4 });
    await insertEvent(t.db, { slug: 'concept', title: 'Nog een concept', firstStartLocal: '2026-11-21T09:00', status: 'draft', publishedAt: null });
  });
  after(async () => {
    await t.close();
  });

  test('GET /agenda.ics: valid iCalendar with every public event, times across the clock change, the cancelled date', async () => {
    const res = await client.get('/agenda.ics');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
    const text = await res.text();
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n') && text.endsWith('END:VCALENDAR\r\n'));
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `line over 75 octets: ${line}`);
    assert.match(text, /BEGIN:VTIMEZONE\r\nTZID:Europe\/Amsterdam\r\n/);
    assert.doesNotMatch(text, /Nog een concept/, 'drafts never reach a feed');
    const seen = instancesOf(text);
    assert.deepEqual(
      seen.map((s) => [s.summary, s.start, s.status]),
      [
        ['Energiecafé, elke dinsdag', '2026-10-13T17:30:00.000Z', 'CONFIRMED'],
        ['Energiecafé, elke dinsdag', '2026-10-27T18:30:00.000Z', 'CONFIRMED'],
        ['Energiecafé, elke dinsdag', '2026-11-03T18:30:00.000Z', 'CANCELLED'],
        ['Energiecafé, elke dinsdag', '2026-11-10T18:30:00.000Z', 'CONFIRMED'],
        ['Afgelast congres', '2026-11-20T08:00:00.000Z', 'CANCELLED'],
        ['Zorgmarkt Hoogeveen', '2026-12-05T09:00:00.000Z', 'CONFIRMED'],
      ],
    );
    assert.equal(seen[0].url, 'http://localhost:3000/agenda/energiecafe');
    const uids = parse(text)
      .getAllSubcomponents('vevent')
      .map((v) => v.getFirstPropertyValue('uid'));
    assert.ok(uids.includes(`${seriesId}@localhost:3000`), 'UID is the event id at the host');
    assert.equal(res.headers.get('set-cookie'), null, 'a publicly cached feed sets no cookie');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=300');
    const fresh = await new TestClient(t.app).get('/agenda.ics?lang=en');
    assert.equal(fresh.headers.get('set-cookie'), null, 'not for a first-time visitor either');
    const again = await (await client.get('/agenda.ics')).text();
    assert.equal(again, text, 'the same data gives the same feed (stable UIDs and DTSTAMPs)');
  });

  test('an unchanged feed answers 304 to If-None-Match', async () => {
    const first = await client.get('/agenda.ics');
    const etag = first.headers.get('etag');
    assert.ok(etag);
    assert.equal((await client.get('/agenda.ics', { 'if-none-match': etag })).status, 304);
  });

  test('without "tot" a feed reaches about a year ahead; with it, as far as asked', async () => {
    await insertEvent(t.db, { slug: 'ver-weg', title: 'Ver weg in 2028', firstStartLocal: '2028-06-01T10:00' });
    assert.doesNotMatch(await (await client.get('/agenda.ics')).text(), /Ver weg in 2028/);
    assert.match(await (await client.get('/agenda.ics?tot=2028-12-31')).text(), /Ver weg in 2028/);
    await t.db.$client.query("delete from events where slug = 'ver-weg'");
  });

  test('the agenda filters work in the feed URL', async () => {
    const text = await (await client.get('/agenda.ics?gemeente=hoogeveen&thema=zorg-en-welzijn')).text();
    assert.deepEqual([...new Set(instancesOf(text).map((s) => s.summary))], ['Zorgmarkt Hoogeveen']);
    assert.match(text, /NAME:Impact in de Regio: agenda \(Hoogeveen\\, Zorg en welzijn\)/);
  });

  test('unknown filter values answer 400 with a message, not an empty feed', async () => {
    for (const path of ['/agenda.ics?gemeente=emen', '/agenda.ics?thema=onbekend', '/agenda.ics?van=2026-13-01', '/agenda.atom?type=feest', '/verhalen.atom?thema=x']) {
      const res = await client.get(path);
      assert.equal(res.status, 400, path);
      assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    }
  });

  test('GET /agenda/:slug.ics: one event; a draft or unknown event is 404; the event page route is not confused', async () => {
    const res = await client.get('/agenda/energiecafe.ics');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="energiecafe.ics"/);
    const seen = instancesOf(await res.text());
    assert.equal(seen.length, 4);
    assert.equal((await client.get('/agenda/concept.ics')).status, 404);
    assert.equal((await client.get('/agenda/bestaat-niet.ics')).status, 404);
  });

  test('the agenda page offers "Abonneren" for its filters; an event page offers Google, Outlook and the .ics file', async () => {
    const list = await (await client.get('/agenda?gemeente=hoogeveen&thema=zorg-en-welzijn')).text();
    assert.match(list, /href="webcal:\/\/localhost:3000\/agenda.ics\?gemeente=hoogeveen&amp;thema=zorg-en-welzijn"/);
    assert.match(list, /value="http:\/\/localhost:3000\/agenda.ics\?gemeente=hoogeveen&amp;thema=zorg-en-welzijn"/);
    const page = await (await client.get('/agenda/zorgmarkt')).text();
    assert.match(page, /href="https:\/\/calendar.google.com\/calendar\/render\?action=TEMPLATE&amp;text=Zorgmarkt\+Hoogeveen&amp;dates=20261205T090000Z%2F20261205T110000Z/);
    assert.match(page, /href="https:\/\/outlook.live.com\/calendar\/0\/deeplink\/compose\?/);
    assert.match(page, /href="\/agenda\/zorgmarkt.ics"/);
  });

  test('malformed slugs in feed URLs are a 404, never an error', async () => {
    for (const path of ['/agenda/%00.ics', '/agenda/a%00b.ics', '/agenda/%E2%80%AE.ics', '/ondernemers/%00/agenda.ics', `/agenda/${'a'.repeat(300)}.ics`]) {
      assert.equal((await client.get(path)).status, 404, path);
    }
  });

  test('GET /ondernemers/:slug/agenda.ics: the events of one organisation', async () => {
    const res = await client.get(`/ondernemers/${orgSlug}/agenda.ics`);
    assert.equal(res.status, 200);
    assert.deepEqual([...new Set(instancesOf(await res.text()).map((s) => s.summary))], ['Energiecafé, elke dinsdag']);
    assert.equal((await client.get('/ondernemers/bestaat-niet/agenda.ics')).status, 404);
  });

  test('GET /agenda.atom: newly published events, newest first, valid Atom', async () => {
    await t.db.$client.query("update events set published_at = '2026-11-05T09:00:00Z' where slug = 'zorgmarkt'");
    await t.db.$client.query("update events set published_at = '2026-10-20T09:00:00Z' where slug = 'afgelast-congres'");
    const res = await client.get('/agenda.atom');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/atom+xml; charset=utf-8');
    const xml = await res.text();
    assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    const titles = [...xml.matchAll(/<entry>\s*<id>[^<]+<\/id>\s*<title type="text">([^<]+)<\/title>/g)].map((m) => m[1]);
    assert.deepEqual(titles, ['Zorgmarkt Hoogeveen', 'Energiecafé, elke dinsdag', 'Afgelast congres']);
    assert.match(xml, new RegExp(`<id>urn:uuid:${seriesId}</id>`));
    assert.match(xml, /<summary type="text">Afgelast\. /, 'a cancelled event says so');
    const titlesOf = async (path: string) => [...(await (await client.get(path)).text()).matchAll(/<entry>\s*<id>[^<]+<\/id>\s*<title type="text">([^<]+)<\/title>/g)].map((m) => m[1]);
    assert.deepEqual(await titlesOf('/agenda.atom?gemeente=hoogeveen'), ['Zorgmarkt Hoogeveen']);
    assert.deepEqual(await titlesOf('/agenda.atom?van=2026-11-15&tot=2026-11-30'), ['Afgelast congres']);
    assert.deepEqual(await titlesOf('/agenda.atom?q=energiecafe'), ['Energiecafé, elke dinsdag']);
    assert.match(xml, /<content type="html">&lt;p class=&quot;utrecht-paragraph&quot;&gt;Kom &lt;strong&gt;langs&lt;\/strong&gt;/);
  });

  test('a feed of 1,000 events is built from one statement in well under the budget', async () => {
    const rows = [];
    for (let k = 0; k < 1000; k++) {
      rows.push({ slug: `massa-${k}`, title: `Bijeenkomst ${k}`, description: 'Tekst', type: 'workshop' as const, municipalitySlug: 'emmen', themeSlugs: ['energie'], durationMinutes: 60, status: 'published' as const, publishedAt: new Date('2026-10-01T00:00:00Z') });
    }
    const inserted = await t.db.insert(events).values(rows).returning({ id: events.id });
    await t.db.insert(eventOccurrences).values(
      inserted.map((e, k) => {
        const startsAt = new Date(Date.UTC(2026, 10, 1 + (k % 60), 9 + (k % 8)));
        return { eventId: e.id, startsAt, endsAt: new Date(startsAt.getTime() + 3600_000), originalStartsAt: startsAt, eventStatus: 'published' as const, municipalitySlug: 'emmen', type: 'workshop' as const, isOnline: false, themeSlugs: ['energie'] };
      }),
    );
    const ctx = t.ctx(null);
    let statements = 0;
    const realQuery = t.db.$client.query.bind(t.db.$client);
    (t.db.$client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      statements++;
      return (realQuery as (...a: unknown[]) => unknown)(...args);
    };
    try {
      await agendaCalendar(ctx, { thema: [] }, '/agenda.ics'); // warm-up
      statements = 0;
      const times: number[] = [];
      let ics = '';
      for (let k = 0; k < 5; k++) {
        const start = performance.now();
        ics = await agendaCalendar(ctx, { thema: [] }, '/agenda.ics');
        times.push(performance.now() - start);
      }
      assert.equal(statements, 5, 'one statement per feed, whatever its size');
      assert.equal((ics.match(/BEGIN:VEVENT/g) ?? []).length >= 1000, true);
      const median = times.sort((a, b) => a - b)[2];
      console.log(`feed of ${(ics.match(/BEGIN:VEVENT/g) ?? []).length} VEVENTs: median ${median.toFixed(1)} ms`);
      // The 100 ms target is measured by the benchmark on a quiet machine; here, on a shared one, only a gross regression fails.
      assert.ok(median < 1000, `median ${median} ms`);
    } finally {
      (t.db.$client as unknown as { query: unknown }).query = realQuery;
    }
  });
});
