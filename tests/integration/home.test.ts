import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { quarterOf } from '../../src/features/pages/pages.pages.tsx';
import { TestClient } from '../helpers/client.ts';
import { createOrganisation } from '../helpers/factories.ts';
import { insertEvent } from '../helpers/feed-events.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

describe('home page', () => {
  let t: TestContext;
  let client: TestClient;

  before(async () => {
    // 28 November 2026: the fourth quarter runs to 31 December.
    t = await createTestContext({ now: '2026-11-28T10:00:00.000Z' });
    client = new TestClient(t.app);
    await createOrganisation(t.db, { name: 'Gepubliceerd Een' });
    await createOrganisation(t.db, { name: 'Gepubliceerd Twee' });
    await createOrganisation(t.db, { name: 'Nog concept', status: 'draft', publishedAt: null });
    await insertEvent(t.db, { title: 'Eerder dit kwartaal', firstStartLocal: '2026-10-05T10:00' });
    await insertEvent(t.db, { title: 'Repair Café Emmen', firstStartLocal: '2026-12-02T19:00' });
    await insertEvent(t.db, { title: 'Afgelast in december', firstStartLocal: '2026-12-03T19:00', status: 'cancelled' });
    await insertEvent(t.db, { title: 'Volgend jaar', firstStartLocal: '2027-01-12T19:00' });
    await insertEvent(t.db, { title: 'Een concept', firstStartLocal: '2026-12-04T19:00', status: 'draft', publishedAt: null });
    await t.db.$client.query(
      "insert into stories (slug, title, lead, body, status, published_at) values ('oud', 'Ouder verhaal', 'Lead oud', 'Tekst', 'published', '2026-10-01'), ('nieuw', 'Nieuwste verhaal', 'Lead nieuw', 'Tekst', 'published', '2026-11-20'), ('concept', 'Concept verhaal', 'Lead', 'Tekst', 'draft', null)",
    );
  });
  after(async () => {
    await t.close();
  });

  test('the quarter is taken in Dutch time', () => {
    const q = quarterOf(new Date('2026-12-31T23:30:00Z')); // already 1 January 2027 in Amsterdam
    assert.deepEqual(q.label, { quarter: 1, year: 2027 });
    assert.equal(q.from.toISOString(), '2026-12-31T23:00:00.000Z');
    assert.equal(q.to.toISOString(), '2027-03-31T22:00:00.000Z');
  });

  test('what the platform is, the directory search, figures, the next events and the latest stories', async () => {
    const res = await client.get('/');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<form method="get" action="\/ondernemers" role="search"/);
    assert.match(html, /<dd data-figure="published">2<\/dd>/, 'published organisations only');
    assert.match(html, /evenementen in het 4e kwartaal van 2026<\/dt><dd data-figure="events-quarter">2<\/dd>/, 'published, not cancelled, in this quarter');
    const events = html.slice(html.indexOf('id="komende-evenementen"'), html.indexOf('id="laatste-verhalen"'));
    assert.match(events, /Repair Café Emmen/);
    assert.match(events, /woensdag 2 december 2026/, 'each event shows its date');
    assert.match(events, /Volgend jaar/);
    assert.doesNotMatch(events, /Afgelast in december|Een concept|Eerder dit kwartaal/);
    assert.ok(events.indexOf('Repair Café Emmen') < events.indexOf('Volgend jaar'), 'soonest first');
    const stories = html.slice(html.indexOf('id="laatste-verhalen"'));
    assert.ok(stories.indexOf('Nieuwste verhaal') >= 0 && stories.indexOf('Nieuwste verhaal') < stories.indexOf('Ouder verhaal'), 'newest story first');
    assert.doesNotMatch(stories, /Concept verhaal/);
    assert.match(html, /<link rel="alternate" type="application\/atom\+xml"[^>]+href="\/verhalen.atom"/);
  });

  test('an empty platform has friendly empty states', async () => {
    const empty = await createTestContext();
    try {
      const html = await (await new TestClient(empty.app).get('/?lang=en')).text();
      assert.match(html, /There are no events in the calendar right now/);
      assert.match(html, /There are no stories yet/);
    } finally {
      await empty.close();
    }
  });
});
