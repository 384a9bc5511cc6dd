import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { region } from '../../src/data/reference.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import type { RecurrenceRule } from '../../src/features/agenda/agenda.schema.ts';
import { expandRecurrence, toLocal } from '../../src/features/agenda/recurrence.ts';
import { loadScaleSet } from '../../src/features/demo/scale.seed.ts';
import { createTestDatabase } from '../helpers/test-app.ts';

const NOW = new Date('2026-11-28T10:00:00.000Z');

describe('synthetic events of the scale set', () => {
  let db: Db;
  let drop: () => Promise<void>;
  before(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    db = createDb(database.url, { max: 2 });
    await loadScaleSet(db, { organisations: 200, events: 3000, now: NOW });
  });
  after(async () => {
    await db.$client.end();
    await drop();
  });
  const q = async <T = Record<string, unknown>>(sqlText: string) => (await db.$client.query(sqlText)).rows as T[];

  test('the asked number of events, about a third of them series, over every municipality, dates a year back and ahead', async () => {
    const [row] = await q<{ n: number; series: number; municipalities: number; demo: number; min: Date; max: Date }>(
      `select count(*)::int n, count(*) filter (where recurrence is not null)::int series, count(distinct municipality_slug)::int municipalities,
              count(*) filter (where is_demo)::int demo,
              (select min(starts_at) from event_occurrences) min, (select max(starts_at) from event_occurrences) max from events`,
    );
    assert.equal(row.n, 3000);
    assert.equal(row.demo, 3000);
    assert.ok(row.series > 850 && row.series < 1150, `series: ${row.series}`);
    assert.equal(row.municipalities, region.municipalities.length);
    assert.ok(row.min.getTime() < NOW.getTime() - 300 * 86400_000 && row.max.getTime() > NOW.getTime() + 300 * 86400_000);
    const [orgs] = await q<{ with: number }>('select count(*) filter (where organiser_organisation_id is not null)::int as with from events');
    assert.ok(orgs.with > 1500, 'most have an organiser');
  });

  test('the occurrences are what the app itself would generate from each rule (local time, DST)', async () => {
    const events = await q<{ id: string; recurrence: RecurrenceRule | null; duration_minutes: number; status: string; municipality_slug: string }>(
      'select id, recurrence, duration_minutes, status, municipality_slug from events order by slug limit 400',
    );
    for (const e of events) {
      const occ = await q<{ starts_at: Date; ends_at: Date; event_status: string; municipality_slug: string }>(
        `select starts_at, ends_at, event_status, municipality_slug from event_occurrences where event_id = '${e.id}' order by starts_at`,
      );
      const first = toLocal(occ[0].starts_at);
      const expected = expandRecurrence(`${first.date}T${first.time}`, e.recurrence, e.duration_minutes);
      assert.deepEqual(occ.map((o) => o.starts_at.toISOString()), expected.map((x) => x.startsAt.toISOString()), JSON.stringify(e.recurrence));
      assert.deepEqual(occ.map((o) => o.ends_at.toISOString()), expected.map((x) => x.endsAt.toISOString()));
      assert.ok(occ.every((o) => o.event_status === e.status && o.municipality_slug === e.municipality_slug));
    }
  });
});
