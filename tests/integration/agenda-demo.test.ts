import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { region } from '../../src/data/reference.ts';
import { seedDemoData } from '../../src/features/demo/demo.seed.ts';
import { TestClient } from '../helpers/client.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

describe('demo events', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext({ now: '2026-11-28T10:00:00.000Z', demo: true });
    await seedDemoData(t.db, { clock: t.clock, passwordHash: 'x' });
  });
  after(async () => {
    await t.close();
  });
  const q = async (sqlText: string) => (await t.db.$client.query(sqlText)).rows;

  test('about twenty fictional events over all six municipalities: series, past, cancelled, one in review', async () => {
    const rows = await q(`select e.slug, e.status, e.is_demo, e.municipality_slug, e.recurrence, e.description,
      (select count(*)::int from event_occurrences o where o.event_id = e.id) as n,
      (select max(o.ends_at) from event_occurrences o where o.event_id = e.id) as last_end from events e`);
    assert.ok(rows.length >= 18 && rows.length <= 22, `${rows.length} events`);
    assert.ok(rows.every((r) => r.is_demo && r.slug.startsWith('demo-') && r.description.includes('verzonnen')));
    assert.deepEqual([...new Set(rows.map((r) => r.municipality_slug))].sort(), region.municipalities.map((m) => m.slug).sort());
    assert.ok(rows.filter((r) => r.recurrence).length >= 4, 'series');
    assert.ok(rows.filter((r) => r.recurrence).every((r) => r.n > 1));
    assert.equal(rows.filter((r) => r.status === 'cancelled').length, 1);
    assert.equal(rows.filter((r) => r.status === 'in_review').length, 1);
    assert.ok(rows.filter((r) => r.last_end < new Date('2026-11-28T10:00:00Z')).length >= 3, 'past events for the archive');
    // The copies on the occurrences match their events.
    const mismatched = await q(`select count(*)::int as n from event_occurrences o join events e on e.id = o.event_id
      where o.event_status <> e.status or o.municipality_slug <> e.municipality_slug or o.type <> e.type or o.is_online <> e.is_online or o.theme_slugs <> e.theme_slugs`);
    assert.equal(mismatched[0].n, 0);
  });

  test('the agenda, the archive and an event page show them', async () => {
    const visitor = new TestClient(t.app);
    const agenda = await (await visitor.get('/agenda')).text();
    assert.match(agenda, /Energiecafé Emmen/);
    assert.match(agenda, /Gaat niet door/);
    assert.doesNotMatch(agenda, /Workshop circulair ondernemen/, 'the event in review is not public');
    assert.match(await (await visitor.get('/agenda/archief')).text(), /Aftrap actieprogramma/);
    const page = await visitor.get('/agenda/demo-energiecafe-emmen');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /verzonnen/);
  });
});
