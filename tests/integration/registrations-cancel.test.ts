import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { createApp } from '../../src/app.ts';
import { fillFreedPlacesOf, notifyEventCancelled, registerForOccurrence } from '../../src/features/registrations/registrations.service.ts';
import { TestClient } from '../helpers/client.ts';
import { createUser, loginAs } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import { auditActions, cancelPathIn, createTestEvent, lastMailTo, mailsTo, registrationRows, uniqueEmail } from './registrations.helpers.ts';

const meta = { ip: '192.0.2.1', lang: 'nl' as const };

describe('cancelling a registration and the waitlist', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(async () => {
    await t.close();
  });

  const register = async (slug: string, occurrenceId: string, email: string, waitlist = false) => {
    const out = await registerForOccurrence(t.ctx(null), slug, { occurrenceId, name: `Naam ${email}`, email, organisationName: null, waitlist }, meta);
    assert.ok(out.ok, `registered ${email}`);
    return out;
  };
  const cancelPathOf = async (email: string) => cancelPathIn((await lastMailTo(t.db, email)).text_body, t.config.publicUrl);

  test('the link shows what will be cancelled without changing anything; the POST cancels and promotes the first on the waitlist', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { capacity: 1 });
    const [first, second, third] = [uniqueEmail('eerste'), uniqueEmail('tweede'), uniqueEmail('derde')];
    await register(event.slug, occurrence.id, first);
    await register(event.slug, occurrence.id, second, true);
    await register(event.slug, occurrence.id, third, true);
    const path = await cancelPathOf(first);
    const client = new TestClient(t.app);

    const page = await client.get(path);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Wilt u zich afmelden voor/);
    assert.ok(html.includes(event.title));
    assert.ok(html.includes(first));
    assert.match(html, /method="post"/);
    assert.deepEqual((await registrationRows(t.db, occurrence.id)).map((r) => r.status), ['confirmed', 'waitlisted', 'waitlisted'], 'GET changed nothing');

    const res = await client.postForm(path, {});
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), path);
    const after = await client.follow(res);
    const afterHtml = await after.text();
    assert.match(afterHtml, /U bent afgemeld/);
    assert.match(afterHtml, /data-cancel-state="cancelled"/);

    const rows = await registrationRows(t.db, occurrence.id);
    assert.deepEqual(rows.map((r) => r.status), ['cancelled', 'confirmed', 'waitlisted'], 'the first on the waitlist got the place');
    assert.ok(rows[1].promoted_at);

    const promoted = await lastMailTo(t.db, second);
    assert.match(promoted.subject, /^Er is een plek vrij/);
    assert.match(promoted.text_body, /Hoofdstraat 1/, 'the promoted person now learns the address');
    const promotedLink = cancelPathIn(promoted.text_body, t.config.publicUrl);
    assert.notEqual(promotedLink, path);
    assert.match((await lastMailTo(t.db, first)).subject, /^Afgemeld: /, 'the canceller gets a confirmation');

    // The third person moved up: their old link now says place 1.
    const thirdPage = await (await client.get(await cancelPathIn((await mailsTo(t.db, third))[0].text_body, t.config.publicUrl))).text();
    assert.match(thirdPage, /plaats 1/);
    assert.deepEqual(await auditActions(t.db), ['registration.cancelled', 'registration.promoted']);
  });

  test('every link of a registration works: the waitlist mail link still cancels after promotion', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { capacity: 1 });
    const [a, b] = [uniqueEmail(), uniqueEmail()];
    await register(event.slug, occurrence.id, a);
    await register(event.slug, occurrence.id, b, true);
    const waitlistLink = await cancelPathOf(b);
    const client = new TestClient(t.app);
    await client.postForm(await cancelPathOf(a), {});
    assert.equal((await registrationRows(t.db, occurrence.id))[1].status, 'confirmed');
    const res = await client.postForm(waitlistLink, {});
    assert.equal(res.status, 303);
    assert.deepEqual((await registrationRows(t.db, occurrence.id)).map((r) => r.status), ['cancelled', 'cancelled']);
  });

  test('a waitlisted person leaving promotes nobody', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { capacity: 1 });
    const [a, b, c] = [uniqueEmail(), uniqueEmail(), uniqueEmail()];
    await register(event.slug, occurrence.id, a);
    await register(event.slug, occurrence.id, b, true);
    await register(event.slug, occurrence.id, c, true);
    await new TestClient(t.app).postForm(await cancelPathOf(b), {});
    assert.deepEqual((await registrationRows(t.db, occurrence.id)).map((r) => r.status), ['confirmed', 'cancelled', 'waitlisted']);
  });

  test('a second cancel, an unknown link, a past date: a message, nothing changes', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { capacity: 1 });
    const [a, b] = [uniqueEmail(), uniqueEmail()];
    await register(event.slug, occurrence.id, a);
    await register(event.slug, occurrence.id, b, true);
    const path = await cancelPathOf(a);
    const client = new TestClient(t.app);
    await client.postForm(path, {});
    const again = await client.follow(await client.postForm(path, {}));
    assert.match(await again.text(), /was al geannuleerd/);
    assert.equal((await registrationRows(t.db, occurrence.id)).filter((r) => r.status === 'confirmed').length, 1);

    const unknown = await client.get('/aanmelding/annuleren/onbekende-link-onbekende-link-1234');
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /Deze link werkt niet/);
    assert.equal((await client.postForm('/aanmelding/annuleren/onbekende-link-onbekende-link-1234', {})).status, 404);

    const { event: e2, occurrence: o2 } = await createTestEvent(t.db, { capacity: 1, starts: ['2026-11-29T10:00:00Z'] });
    const c = uniqueEmail();
    await register(e2.slug, o2.id, c);
    const pastPath = await cancelPathOf(c);
    t.clock.set('2026-11-29T10:30:00Z');
    try {
      assert.match(await (await client.get(pastPath)).text(), /data-cancel-state="past"/);
      const res = await client.follow(await client.postForm(pastPath, {}));
      assert.match(await res.text(), /Afmelden kan niet meer/);
      assert.equal((await registrationRows(t.db, o2.id))[0].status, 'confirmed');
    } finally {
      t.clock.set('2026-11-28T10:00:00Z');
    }
  });

  test('the cancel POST needs the CSRF token', async () => {
    const { event, occurrence } = await createTestEvent(t.db);
    const a = uniqueEmail();
    await register(event.slug, occurrence.id, a);
    const res = await new TestClient(t.app).postForm(await cancelPathOf(a), {}, { csrf: false });
    assert.equal(res.status, 403);
    assert.equal((await registrationRows(t.db, occurrence.id))[0].status, 'confirmed');
  });

  test('Mijn aanmeldingen: a logged-in user sees their dates and cancels one; others cannot cancel it', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { capacity: 1 });
    const user = await createUser(t.db, { name: 'Mila Mulder' });
    const client = new TestClient(t.app);
    await loginAs(t.db, client, user);
    assert.match(await (await client.get('/mijn/aanmeldingen')).text(), /nog niet aangemeld/);
    await client.postForm(`/agenda/${event.slug}/aanmelden`, { occurrenceId: occurrence.id });
    const waiting = uniqueEmail();
    await register(event.slug, occurrence.id, waiting, true);
    const html = await (await client.get('/mijn/aanmeldingen')).text();
    assert.ok(html.includes(event.title));
    const id = (await registrationRows(t.db, occurrence.id))[0].id;
    assert.ok(html.includes(`/mijn/aanmeldingen/${id}/annuleren`));

    const confirm = await client.get(`/mijn/aanmeldingen/${id}/annuleren`);
    assert.equal(confirm.status, 200);
    assert.match(await confirm.text(), /Wilt u zich afmelden voor/);
    assert.equal((await registrationRows(t.db, occurrence.id))[0].status, 'confirmed', 'the confirmation page changed nothing');

    const stranger = new TestClient(t.app);
    await loginAs(t.db, stranger, await createUser(t.db));
    assert.equal((await stranger.get(`/mijn/aanmeldingen/${id}/annuleren`)).status, 404);
    assert.equal((await stranger.postForm(`/mijn/aanmeldingen/${id}/annuleren`, {})).status, 404);
    assert.equal((await new TestClient(t.app).get('/mijn/aanmeldingen')).status, 303, 'visitors are sent to log in');

    const res = await client.postForm(`/mijn/aanmeldingen/${id}/annuleren`, {});
    assert.equal(res.status, 303);
    assert.match(await (await client.follow(res)).text(), /U bent afgemeld/);
    assert.deepEqual((await registrationRows(t.db, occurrence.id)).map((r) => r.status), ['cancelled', 'confirmed']);
    assert.match((await lastMailTo(t.db, waiting)).subject, /^Er is een plek vrij/);
  });

  test('a higher capacity (agenda) fills places from the waitlist in order', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { capacity: 1 });
    const emails = [uniqueEmail(), uniqueEmail(), uniqueEmail(), uniqueEmail()];
    await register(event.slug, occurrence.id, emails[0]);
    for (const e of emails.slice(1)) await register(event.slug, occurrence.id, e, true);
    await t.db.$client.query('update events set capacity = 3 where id = $1', [event.id]);
    const promoted = await t.db.transaction((tx) => fillFreedPlacesOf(tx, t.ctx(null), occurrence.id));
    assert.equal(promoted, 2);
    assert.deepEqual((await registrationRows(t.db, occurrence.id)).map((r) => r.status), ['confirmed', 'confirmed', 'confirmed', 'waitlisted']);
  });

  test('when the agenda cancels the event, everyone confirmed or waitlisted for a coming date gets one mail', async () => {
    const { event, occurrences } = await createTestEvent(t.db, { capacity: 1, starts: ['2026-11-20T10:00:00Z', '2026-12-01T10:00:00Z', '2026-12-08T10:00:00Z'] });
    const [a, b] = [uniqueEmail(), uniqueEmail()];
    await t.db.$client.query(
      `insert into registrations (occurrence_id, event_id, name, email, status) values ($1, $4, 'A', $5, 'confirmed'), ($2, $4, 'A', $5, 'confirmed'), ($3, $4, 'A', $5, 'confirmed'), ($3, $4, 'B', $6, 'waitlisted')`,
      [occurrences[0].id, occurrences[1].id, occurrences[2].id, event.id, a, b],
    );
    await t.db.transaction((tx) => notifyEventCancelled(tx, t.ctx(null), { eventId: event.id }));
    const toA = await mailsTo(t.db, a);
    assert.equal(toA.length, 1, 'one mail per person');
    assert.match(toA[0].subject, /^Gaat niet door/);
    assert.match(toA[0].text_body, /1 december 2026/);
    assert.match(toA[0].text_body, /8 december 2026/);
    assert.doesNotMatch(toA[0].text_body, /20 november/, 'a past date is not mentioned');
    assert.equal((await mailsTo(t.db, b)).length, 1);

    const c = uniqueEmail();
    await t.db.$client.query(`insert into registrations (occurrence_id, event_id, name, email, status) values ($1, $2, 'C', $3, 'confirmed')`, [occurrences[1].id, event.id, c]);
    await t.db.transaction((tx) => notifyEventCancelled(tx, t.ctx(null), { eventId: event.id, occurrenceId: occurrences[2].id }));
    assert.equal((await mailsTo(t.db, c)).length, 0, 'only the cancelled date');
  });

  test('the request log never shows the secret of a cancel link', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = createApp({ ...t.deps, logger: pino({ level: 'info' }, sink) });
    const { event, occurrence } = await createTestEvent(t.db);
    const a = uniqueEmail();
    await register(event.slug, occurrence.id, a);
    const path = await cancelPathOf(a);
    await app.request(path);
    const log = lines.join('');
    assert.ok(!log.includes(path.split('/').at(-1)!), log);
    assert.match(log, /"path":"\/aanmelding\/annuleren\/\[token\]"/);
  });
});
