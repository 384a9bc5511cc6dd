import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { createDb, type Db } from '../../src/db/client.ts';
import { cancelByLink, maxActiveRegistrationsPerOccurrence, registerForOccurrence } from '../../src/features/registrations/registrations.service.ts';
import type { ServiceContext } from '../../src/web/types.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import { cancelPathIn, createTestEvent, lastMailTo, registrationRows, uniqueEmail } from './registrations.helpers.ts';

/**
 * Races through real, concurrent PostgreSQL transactions: a pool of 20 connections, every registration in its own
 * transaction, all started at once. The occurrence row lock must serialise them.
 */
describe('registrations under concurrency', () => {
  let t: TestContext;
  let wide: Db;
  let ctx: ServiceContext;
  const CONCURRENT = 20;

  before(async () => {
    t = await createTestContext();
    wide = createDb(t.config.databaseUrl!, { max: CONCURRENT });
    ctx = { db: wide, actor: null, clock: t.clock, logger: pino({ level: 'silent' }), mailer: t.deps.mailer, config: t.config };
  });
  after(async () => {
    await wide.$client.end();
    await t.close();
  });

  const attempt = (slug: string, occurrenceId: string, email: string, waitlist: boolean) =>
    registerForOccurrence(ctx, slug, { occurrenceId, name: 'Racer', email, organisationName: null, waitlist }, { ip: `198.51.100.${Math.floor(Math.random() * 250)}`, lang: 'nl' });

  test('many people racing for the last place: exactly one gets it, the others are refused and nothing else is stored', async () => {
    // Several rounds, each on a fresh date with one place left, so a missing lock cannot pass by luck.
    for (let round = 0; round < 5; round++) {
      const { event, occurrence } = await createTestEvent(t.db, { capacity: 3 });
      for (let k = 0; k < 2; k++) assert.ok((await attempt(event.slug, occurrence.id, uniqueEmail(), false)).ok);
      const results = await Promise.all(Array.from({ length: CONCURRENT }, () => attempt(event.slug, occurrence.id, uniqueEmail('racer'), false)));
      assert.equal(results.filter((r) => r.ok).length, 1, 'exactly one winner');
      assert.ok(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'full'));
      const rows = await registrationRows(t.db, occurrence.id);
      assert.equal(rows.filter((r) => r.status === 'confirmed').length, 3, 'never more confirmed than the capacity');
      assert.equal(rows.length, 3, 'the losers left nothing behind');
    }
  });

  test('racing with the waitlist choice: one place, everyone else waitlisted in distinct places 1..n', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { capacity: 1 });
    const results = await Promise.all(Array.from({ length: CONCURRENT }, () => attempt(event.slug, occurrence.id, uniqueEmail('wl'), true)));
    assert.equal(results.filter((r) => r.ok && r.status === 'confirmed').length, 1);
    const positions = results.flatMap((r) => (r.ok && r.status === 'waitlisted' ? [r.position] : [])).sort((a, b) => a! - b!);
    assert.deepEqual(positions, Array.from({ length: CONCURRENT - 1 }, (_, k) => k + 1));
  });

  test('the same email twice at once: one registration, the other told it is a double', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { capacity: 50 });
    const email = uniqueEmail('dubbel');
    const results = await Promise.all(Array.from({ length: 8 }, () => attempt(event.slug, occurrence.id, email, false)));
    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.ok(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'duplicate'));
    assert.equal((await registrationRows(t.db, occurrence.id)).length, 1);
  });

  test('two confirmed people cancel at once with one on the waitlist: the waitlisted one is promoted once', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { capacity: 2 });
    const a = uniqueEmail('a');
    const b = uniqueEmail('b');
    const w = uniqueEmail('w');
    await attempt(event.slug, occurrence.id, a, false);
    await attempt(event.slug, occurrence.id, b, false);
    await attempt(event.slug, occurrence.id, w, true);
    const tokenOf = async (email: string) => cancelPathIn((await lastMailTo(t.db, email)).text_body, t.config.publicUrl).split('/').at(-1)!;
    const [ta, tb] = [await tokenOf(a), await tokenOf(b)];
    const outcomes = await Promise.all([cancelByLink(ctx, ta), cancelByLink(ctx, tb), cancelByLink(ctx, ta)]);
    assert.deepEqual(outcomes.map((o) => o.kind).sort(), ['already_cancelled', 'cancelled', 'cancelled']);
    const rows = await registrationRows(t.db, occurrence.id);
    assert.deepEqual(rows.map((r) => r.status), ['cancelled', 'cancelled', 'confirmed']);
    const promotedMails = (await t.db.$client.query("select count(*)::int as n from outbox where to_address = $1 and subject like 'Er is een plek vrij%'", [w])).rows[0].n;
    assert.equal(promotedMails, 1);
  });

  test('the agenda lowering the capacity while people register: never more confirmed than the capacity', async () => {
    for (let round = 0; round < 5; round++) {
      const { event, occurrence } = await createTestEvent(t.db, { capacity: 6 });
      for (let k = 0; k < 3; k++) assert.ok((await attempt(event.slug, occurrence.id, uniqueEmail(), false)).ok);
      // What the agenda's edit does: lock the event, refuse a capacity below the places taken, else store it.
      const lower = wide.transaction(async (tx) => {
        await tx.execute(sql`select id from events where id = ${event.id} for update`);
        const taken = await maxActiveRegistrationsPerOccurrence(tx, event.id);
        if (taken > 3) return false;
        await new Promise((r) => setTimeout(r, 20));
        await tx.execute(sql`update events set capacity = 3 where id = ${event.id}`);
        return true;
      });
      const racers = Array.from({ length: 6 }, () => attempt(event.slug, occurrence.id, uniqueEmail('laat'), false));
      const [lowered] = await Promise.all([lower, ...racers]);
      const capacity = (await t.db.$client.query('select capacity from events where id = $1', [event.id])).rows[0].capacity;
      const confirmed = (await registrationRows(t.db, occurrence.id)).filter((r) => r.status === 'confirmed').length;
      assert.ok(confirmed <= capacity, `round ${round}: ${confirmed} confirmed, capacity ${capacity} (lowered: ${lowered})`);
    }
  });
});
