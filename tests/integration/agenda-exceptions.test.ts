import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TestClient } from '../helpers/client.ts';
import { createUser, loginAs } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import { eventForm } from './agenda.helpers.ts';

describe('series exceptions, cancelling, and changes that registrations forbid', () => {
  let t: TestContext;
  let coordinator: TestClient;
  before(async () => {
    t = await createTestContext({ now: '2026-11-28T10:00:00.000Z' });
    const user = await createUser(t.db, { roles: ['coordinator'] });
    coordinator = new TestClient(t.app);
    await loginAs(t.db, coordinator, user, t.clock.now());
  });
  after(async () => {
    await t.close();
  });

  const q = async (sqlText: string, params: unknown[] = []) => (await t.db.$client.query(sqlText, params)).rows;
  const idFrom = (res: Response) => /\/mijn\/evenementen\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '')![1];

  /** A weekly series on Thursdays, five times, from 3 December 2026 at 19:30, registration on this platform. */
  async function series(title: string, over: Record<string, string | string[]> = {}) {
    const res = await coordinator.postForm(
      '/mijn/evenementen/nieuw',
      eventForm({ title, startDate: '2026-12-03', repeat: 'wekelijks', weekdays: 'TH', endsBy: 'aantal', count: '5', capacity: '10', ...over }),
    );
    assert.equal(res.status, 303);
    const id = idFrom(res);
    const [event] = await q('select slug from events where id = $1', [id]);
    const occurrences = await q('select id, starts_at, original_starts_at, status, sequence from event_occurrences where event_id = $1 order by starts_at', [id]);
    return { id, slug: event.slug as string, occurrences };
  }

  /** A visitor registers for one date through the registration form (helper B's route). */
  async function register(slug: string, occurrenceId: string, email: string) {
    const visitor = new TestClient(t.app);
    const res = await visitor.postForm(`/agenda/${slug}/aanmelden`, { occurrenceId, name: 'Anna de Vries', email, organisationName: '' });
    assert.ok(res.status < 400, `registration answered ${res.status}`);
    return res;
  }

  const sequenceOf = async (id: string) => (await q('select sequence from events where id = $1', [id]))[0].sequence as number;

  test('skip a date: it disappears and is kept as an exception (EXDATE); not when people registered for it', async () => {
    const s = await series('Reeks overslaan');
    const before = await sequenceOf(s.id);
    const skip = await coordinator.postForm(`/mijn/evenementen/${s.id}/datums/overslaan`, { occurrenceId: s.occurrences[1].id });
    assert.equal(skip.status, 303);
    const left = await q('select id from event_occurrences where event_id = $1', [s.id]);
    assert.equal(left.length, 4);
    const [ex] = await q('select original_starts_at from event_exdates where event_id = $1', [s.id]);
    assert.equal(ex.original_starts_at.toISOString(), s.occurrences[1].original_starts_at.toISOString());
    assert.equal(await sequenceOf(s.id), before + 1);

    await register(s.slug, s.occurrences[2].id, 'overslaan@example.org');
    const refused = await coordinator.postForm(`/mijn/evenementen/${s.id}/datums/overslaan`, { occurrenceId: s.occurrences[2].id });
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /hebben mensen zich aangemeld/);
    assert.equal((await q('select count(*)::int as n from event_occurrences where event_id = $1', [s.id]))[0].n, 4);

    // Editing the series afterwards keeps the skipped date skipped.
    const edit = await coordinator.postForm(
      `/mijn/evenementen/${s.id}/bewerken`,
      eventForm({ title: 'Reeks overslaan', startDate: '2026-12-03', startTime: '20:00', endTime: '22:00', repeat: 'wekelijks', weekdays: 'TH', endsBy: 'aantal', count: '5', capacity: '10' }),
    );
    assert.equal(edit.status, 303);
    const rows = await q('select id, starts_at from event_occurrences where event_id = $1 order by starts_at', [s.id]);
    assert.equal(rows.length, 4);
    assert.ok(rows.every((r) => r.starts_at.toISOString().endsWith('T19:00:00.000Z')), 'all at 20:00 local');
    assert.ok(rows.some((r) => r.id === s.occurrences[2].id), 'the registered date kept its row');
    const [ex2] = await q('select original_starts_at from event_exdates where event_id = $1', [s.id]);
    assert.equal(ex2.original_starts_at.toISOString(), '2026-12-10T19:00:00.000Z', 'the exception follows the new time');
  });

  test('move one date: new time, its own sequence raised, shown as moved, the people registered for it told', async () => {
    const s = await series('Reeks verplaatsen');
    const o = s.occurrences[3];
    await register(s.slug, o.id, 'verplaatst@example.org');
    await register(s.slug, s.occurrences[1].id, 'andere-datum-verplaatst@example.org');
    const res = await coordinator.postForm(`/mijn/evenementen/${s.id}/datums/verplaatsen`, { occurrenceId: o.id, date: '2026-12-23', time: '15:00' });
    assert.equal(res.status, 303);
    const [row] = await q('select starts_at, ends_at, original_starts_at, sequence from event_occurrences where id = $1', [o.id]);
    assert.equal(row.starts_at.toISOString(), '2026-12-23T14:00:00.000Z');
    assert.equal(row.ends_at.toISOString(), '2026-12-23T16:00:00.000Z');
    assert.equal(row.original_starts_at.toISOString(), o.original_starts_at.toISOString());
    assert.equal(row.sequence, o.sequence + 1);
    const page = await (await new TestClient(t.app).get(`/agenda/${s.slug}`)).text();
    assert.match(page, /\(verplaatst\)/);
    const told = await q(`select subject, text_body from outbox where to_address = 'verplaatst@example.org' order by id desc limit 1`);
    assert.match(told[0].subject, /^Gewijzigd: Reeks verplaatsen/);
    assert.match(told[0].text_body, /23 december 2026/);
    const other = await q(`select subject from outbox where to_address = 'andere-datum-verplaatst@example.org'`);
    assert.ok(other.every((m) => !/^Gewijzigd/.test(m.subject)), 'someone registered for another date hears nothing');
    const bad = await coordinator.postForm(`/mijn/evenementen/${s.id}/datums/verplaatsen`, { occurrenceId: o.id, date: '2026-13-01', time: '15:00' });
    assert.equal(bad.status, 422);
    // Not into the past (the test clock says 28 November 2026).
    const past = await coordinator.postForm(`/mijn/evenementen/${s.id}/datums/verplaatsen`, { occurrenceId: o.id, date: '2026-11-20', time: '15:00' });
    assert.equal(past.status, 409);
    assert.match(await past.text(), /niet naar het verleden/);
    assert.equal((await q('select starts_at from event_occurrences where id = $1', [o.id]))[0].starts_at.toISOString(), '2026-12-23T14:00:00.000Z');
  });

  test('cancel one date: it stays listed as cancelled, the people registered for it get a mail', async () => {
    const s = await series('Reeks datum annuleren');
    const o = s.occurrences[0];
    await register(s.slug, o.id, 'datum@example.org');
    await register(s.slug, s.occurrences[1].id, 'andere-datum@example.org');
    const res = await coordinator.postForm(`/mijn/evenementen/${s.id}/datums/annuleren`, { occurrenceId: o.id });
    assert.equal(res.status, 303);
    const [row] = await q('select status, sequence from event_occurrences where id = $1', [o.id]);
    assert.deepEqual([row.status, row.sequence], ['cancelled', o.sequence + 1]);
    const mailed = (await q(`select to_address from outbox where to_address in ('datum@example.org', 'andere-datum@example.org') and subject not ilike '%bevestig%' and text_body ilike '%niet door%'`)).map((r) => r.to_address);
    assert.ok(mailed.includes('datum@example.org'), `mailed: ${mailed}`);
    assert.ok(!mailed.includes('andere-datum@example.org'));
    const again = await coordinator.postForm(`/mijn/evenementen/${s.id}/datums/annuleren`, { occurrenceId: o.id });
    assert.equal(again.status, 409);
    assert.match(await (await new TestClient(t.app).get(`/agenda/${s.slug}`)).text(), /Deze datum gaat niet door/);
  });

  test('cancel the whole event: page stays (marked), every registered person is mailed in the same transaction', async () => {
    const s = await series('Hele reeks annuleren');
    await register(s.slug, s.occurrences[0].id, 'heel1@example.org');
    await register(s.slug, s.occurrences[2].id, 'heel2@example.org');
    const confirm = await coordinator.get(`/mijn/evenementen/${s.id}/annuleren`);
    assert.equal(confirm.status, 200);
    assert.match(await confirm.text(), /krijgen: 2/);
    const before = await sequenceOf(s.id);
    assert.equal((await coordinator.postForm(`/mijn/evenementen/${s.id}/annuleren`, {})).status, 303);
    const [event] = await q('select status, cancelled_at, sequence from events where id = $1', [s.id]);
    assert.equal(event.status, 'cancelled');
    assert.ok(event.cancelled_at);
    assert.equal(event.sequence, before + 1);
    assert.deepEqual([...new Set((await q('select event_status from event_occurrences where event_id = $1', [s.id])).map((r) => r.event_status))], ['cancelled']);
    const mailed = (await q(`select to_address from outbox where to_address like 'heel%' and text_body ilike '%niet door%'`)).map((r) => r.to_address).sort();
    assert.deepEqual(mailed, ['heel1@example.org', 'heel2@example.org']);
    const page = await new TestClient(t.app).get(`/agenda/${s.slug}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /data-cancelled/);
    assert.match(html, /EventCancelled/);
    // Shown in the agenda as cancelled, and no more edits.
    const agenda = await (await new TestClient(t.app).get('/agenda')).text();
    assert.match(agenda, /Hele reeks annuleren/);
    assert.match(agenda, /Gaat niet door/);
    assert.equal((await coordinator.postForm(`/mijn/evenementen/${s.id}/annuleren`, {})).status, 409);
    assert.equal((await coordinator.postForm(`/mijn/evenementen/${s.id}/bewerken`, eventForm({ title: 'Toch wel' }))).status, 409);
    assert.equal((await q('select title from events where id = $1', [s.id]))[0].title, 'Hele reeks annuleren');
  });

  test('capacity below the places taken, another way of registering, or dropping dates with registrations: refused, nothing changes', async () => {
    const s = await series('Volle reeks', { capacity: '3' });
    for (const n of [1, 2, 3]) await register(s.slug, s.occurrences[0].id, `vol${n}@example.org`);
    const base = { title: 'Volle reeks', startDate: '2026-12-03', repeat: 'wekelijks', weekdays: 'TH', endsBy: 'aantal', count: '5' };
    const low = await coordinator.postForm(`/mijn/evenementen/${s.id}/bewerken`, eventForm({ ...base, capacity: '2' }));
    assert.equal(low.status, 422);
    const lowHtml = await low.text();
    assert.match(lowHtml, /al 3 mensen aangemeld/);
    assert.match(lowHtml, /value="2"/);
    const mode = await coordinator.postForm(`/mijn/evenementen/${s.id}/bewerken`, eventForm({ ...base, registrationMode: 'none', capacity: '' }));
    assert.equal(mode.status, 422);
    assert.match(await mode.text(), /manier van aanmelden/);
    // Starting a week later drops 3 December, which has registrations.
    const drop = await coordinator.postForm(`/mijn/evenementen/${s.id}/bewerken`, eventForm({ ...base, startDate: '2026-12-10', capacity: '3' }));
    assert.equal(drop.status, 422);
    assert.match(await drop.text(), /2026-12-03/);
    const [row] = await q('select capacity, registration_mode, sequence from events where id = $1', [s.id]);
    assert.deepEqual([row.capacity, row.registration_mode], [3, 'internal']);
    assert.equal((await q('select count(*)::int as n from event_occurrences where event_id = $1', [s.id]))[0].n, 5);
    // Raising it is fine.
    assert.equal((await coordinator.postForm(`/mijn/evenementen/${s.id}/bewerken`, eventForm({ ...base, capacity: '4' }))).status, 303);
    assert.equal((await q('select capacity from events where id = $1', [s.id]))[0].capacity, 4);
  });

  test('another way of registering is refused too when people are only on the waitlist', async () => {
    const s = await series('Reeks met wachtlijst', { capacity: '1' });
    const base = { title: 'Reeks met wachtlijst', startDate: '2026-12-03', repeat: 'wekelijks', weekdays: 'TH', endsBy: 'aantal', count: '5', capacity: '1' };
    await register(s.slug, s.occurrences[0].id, 'plek-wachtlijst@example.org');
    const visitor = new TestClient(t.app);
    await visitor.postForm(`/agenda/${s.slug}/aanmelden`, { occurrenceId: s.occurrences[0].id, name: 'Wachtende', email: 'wacht@example.org', organisationName: '', wachtlijst: 'ja' });
    // The one with the place leaves without anyone moving up (set in the table), so only a waitlist is left.
    await q(`update registrations set status = 'cancelled', cancelled_at = now() where email = 'plek-wachtlijst@example.org'`);
    assert.deepEqual((await q('select status from registrations where event_id = $1 and status <> $2', [s.id, 'cancelled'])).map((r) => r.status), ['waitlisted']);
    const mode = await coordinator.postForm(`/mijn/evenementen/${s.id}/bewerken`, eventForm({ ...base, registrationMode: 'none', capacity: '' }));
    assert.equal(mode.status, 422);
    assert.match(await mode.text(), /manier van aanmelden/);
    assert.equal((await q('select registration_mode from events where id = $1', [s.id]))[0].registration_mode, 'internal');
  });

  test('a single event moved to another day keeps its one date and its registrations', async () => {
    const res = await coordinator.postForm('/mijn/evenementen/nieuw', eventForm({ title: 'Enkel evenement' }));
    const id = idFrom(res);
    const [event] = await q('select slug from events where id = $1', [id]);
    const [occ] = await q('select id from event_occurrences where event_id = $1', [id]);
    await register(event.slug, occ.id, 'enkel@example.org');
    assert.equal((await coordinator.postForm(`/mijn/evenementen/${id}/bewerken`, eventForm({ title: 'Enkel evenement', startDate: '2026-12-17' }))).status, 303);
    const rows = await q('select id, starts_at, original_starts_at from event_occurrences where event_id = $1', [id]);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].id, occ.id);
    assert.equal(rows[0].starts_at.toISOString(), '2026-12-17T18:30:00.000Z');
    assert.equal(rows[0].original_starts_at.toISOString(), '2026-12-17T18:30:00.000Z');
    assert.equal((await q(`select count(*)::int as n from registrations where occurrence_id = $1 and status <> 'cancelled'`, [occ.id]))[0].n, 1);
    // Exceptions are for series only.
    assert.equal((await coordinator.postForm(`/mijn/evenementen/${id}/datums/annuleren`, { occurrenceId: occ.id })).status, 409);
  });
});
