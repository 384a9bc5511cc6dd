import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hashToken } from '../../src/lib/ids.ts';
import {
  isRegisteredForEvent,
  maxActiveRegistrationsPerOccurrence,
  registerForOccurrence,
  registrationSummaries,
} from '../../src/features/registrations/registrations.service.ts';
import { TestClient } from '../helpers/client.ts';
import { createUser, loginAs } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import { cancelPathIn, createTestEvent, lastMailTo, mailsTo, registrationRows, uniqueEmail, visitorForm } from './registrations.helpers.ts';

const meta = { ip: '192.0.2.1', lang: 'nl' as const };

describe('registering for an event', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(async () => {
    await t.close();
  });

  test('a visitor registers with name, email and organisation: confirmed page, mail with a cancel link, token stored hashed', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { capacity: 5 });
    const client = new TestClient(t.app);
    const email = uniqueEmail('Sanne');
    const res = await client.postForm(`/agenda/${event.slug}/aanmelden`, visitorForm(occurrence.id, { email: `  ${email.toUpperCase()} `, organisationName: 'Kringloop Emmen' }));
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /data-registration-result="confirmed"/);
    assert.match(html, /U bent aangemeld/);
    assert.ok(html.includes(email.toLowerCase()), 'the page says where the confirmation went');

    const [row] = await registrationRows(t.db, occurrence.id);
    assert.equal(row.status, 'confirmed');
    assert.equal(row.email, email.toLowerCase(), 'email stored lower-cased and trimmed');

    const mail = await lastMailTo(t.db, email);
    assert.match(mail.subject, /^Aangemeld: /);
    assert.ok(mail.text_body.includes(event.title));
    assert.match(mail.text_body, /Het Atlas Theater, Hoofdstraat 1, 7811 EA Emmen/);
    assert.doesNotMatch(mail.text_body, /Sanne Bakker/, 'no typed name in the mail');
    const path = cancelPathIn(mail.text_body, t.config.publicUrl);
    const token = path.split('/').at(-1)!;
    const stored = await t.db.$client.query('select token_hash from registration_cancel_tokens where registration_id = $1', [row.id]);
    assert.equal(stored.rows.length, 1);
    assert.equal(stored.rows[0].token_hash, hashToken(token), 'only the hash is stored');
    assert.notEqual(stored.rows[0].token_hash, token);
  });

  test('a logged-in user registers in one click with the name and email of the account', async () => {
    const { event, occurrence } = await createTestEvent(t.db);
    const user = await createUser(t.db, { name: 'Jan Jansen', roles: ['entrepreneur'] });
    const client = new TestClient(t.app);
    await loginAs(t.db, client, user);
    const res = await client.postForm(`/agenda/${event.slug}/aanmelden`, { occurrenceId: occurrence.id });
    assert.equal(res.status, 200);
    const [row] = await registrationRows(t.db, occurrence.id);
    assert.equal(row.user_id, user.id);
    assert.equal(row.name, 'Jan Jansen');
    assert.equal(row.email, user.email);
    assert.equal(await isRegisteredForEvent(t.ctx(user), event.id), true);
    assert.equal(await isRegisteredForEvent(t.ctx(null), event.id), false, 'false for visitors');
    const summary = (await registrationSummaries(t.ctx(user), event.id)).get(occurrence.id);
    assert.deepEqual(summary, { confirmed: 1, waitlisted: 0, placesLeft: 9, mine: 'confirmed' });
  });

  test('invalid input: 422, the error summary, typed values kept, nothing stored', async () => {
    const { event, occurrence } = await createTestEvent(t.db);
    const client = new TestClient(t.app);
    const res = await client.postForm(`/agenda/${event.slug}/aanmelden`, { occurrenceId: occurrence.id, name: '', email: 'geen-adres', organisationName: 'Mijn Bedrijf' });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /ir-error-summary/);
    assert.match(html, /value="geen-adres"/);
    assert.match(html, /value="Mijn Bedrijf"/);
    assert.equal((await registrationRows(t.db, occurrence.id)).length, 0);
  });

  test('a full date is refused without the waitlist choice; with it, the person gets waitlist place n', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { capacity: 1 });
    const client = new TestClient(t.app);
    assert.equal((await client.postForm(`/agenda/${event.slug}/aanmelden`, visitorForm(occurrence.id))).status, 200);

    const refused = await client.postForm(`/agenda/${event.slug}/aanmelden`, visitorForm(occurrence.id));
    assert.equal(refused.status, 409);
    const refusedHtml = await refused.text();
    assert.match(refusedHtml, /net vol geraakt/);
    assert.match(refusedHtml, /Zet mij op de wachtlijst/, 'the form now offers the waitlist');
    assert.match(refusedHtml, /name="wachtlijst" value="ja"/);
    assert.equal((await registrationRows(t.db, occurrence.id)).length, 1, 'the refusal changed nothing');

    const second = uniqueEmail();
    const third = uniqueEmail();
    const r2 = await client.postForm(`/agenda/${event.slug}/aanmelden`, visitorForm(occurrence.id, { email: second, wachtlijst: 'ja' }));
    assert.equal(r2.status, 200);
    assert.match(await r2.text(), /op plaats 1/);
    const r3 = await client.postForm(`/agenda/${event.slug}/aanmelden`, visitorForm(occurrence.id, { email: third, wachtlijst: 'ja' }));
    assert.match(await r3.text(), /op plaats 2/);
    const mail = await lastMailTo(t.db, third);
    assert.match(mail.subject, /^Op de wachtlijst/);
    assert.match(mail.text_body, /op plaats 2/);
    assert.doesNotMatch(mail.text_body, /Hoofdstraat/, 'no address for people without a place');
    cancelPathIn(mail.text_body, t.config.publicUrl);

    const summary = (await registrationSummaries(t.ctx(null), event.id)).get(occurrence.id);
    assert.deepEqual(summary, { confirmed: 1, waitlisted: 2, placesLeft: 0, mine: null });
  });

  test('a waitlist request while places are free simply confirms', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { capacity: 3 });
    const out = await registerForOccurrence(t.ctx(null), event.slug, { occurrenceId: occurrence.id, name: 'A', email: uniqueEmail(), organisationName: null, waitlist: true }, meta);
    assert.ok(out.ok && out.status === 'confirmed');
  });

  test('a second registration with the same email (any case) for the same date: clear message, nothing changes', async () => {
    const { event, occurrence } = await createTestEvent(t.db);
    const client = new TestClient(t.app);
    const email = uniqueEmail();
    await client.postForm(`/agenda/${event.slug}/aanmelden`, visitorForm(occurrence.id, { email }));
    const before = (await mailsTo(t.db, email)).length;
    const res = await client.postForm(`/agenda/${event.slug}/aanmelden`, visitorForm(occurrence.id, { email: email.toUpperCase(), name: 'Iemand Anders' }));
    assert.equal(res.status, 409);
    assert.match(await res.text(), /Met dit e-mailadres is al iemand aangemeld/);
    assert.equal((await registrationRows(t.db, occurrence.id)).length, 1);
    assert.equal((await mailsTo(t.db, email)).length, before, 'no second mail');
  });

  test('a logged-in user registering twice is told so', async () => {
    const { event, occurrence } = await createTestEvent(t.db);
    const user = await createUser(t.db);
    const client = new TestClient(t.app);
    await loginAs(t.db, client, user);
    await client.postForm(`/agenda/${event.slug}/aanmelden`, { occurrenceId: occurrence.id });
    const res = await client.postForm(`/agenda/${event.slug}/aanmelden`, { occurrenceId: occurrence.id });
    assert.equal(res.status, 409);
    assert.match(await res.text(), /U bent al aangemeld/);
    assert.equal((await registrationRows(t.db, occurrence.id)).length, 1);
    const page = await (await client.get(`/agenda/${event.slug}/aanmelden?datum=${occurrence.id}`)).text();
    assert.match(page, /U bent aangemeld voor deze datum/, 'the form page says so instead of offering the form');
    assert.doesNotMatch(page, /name="occurrenceId"/);
  });

  test('each date of a series is registered for on its own', async () => {
    const { event, occurrences } = await createTestEvent(t.db, { capacity: 1, starts: ['2026-12-01T18:00:00Z', '2026-12-08T18:00:00Z'] });
    const email = uniqueEmail();
    const a = await registerForOccurrence(t.ctx(null), event.slug, { occurrenceId: occurrences[0].id, name: 'A', email, organisationName: null, waitlist: false }, meta);
    const b = await registerForOccurrence(t.ctx(null), event.slug, { occurrenceId: occurrences[1].id, name: 'A', email, organisationName: null, waitlist: false }, meta);
    assert.ok(a.ok && a.status === 'confirmed');
    assert.ok(b.ok && b.status === 'confirmed', 'the same person on another date, and a full first date does not fill the second');
    assert.equal(await maxActiveRegistrationsPerOccurrence(t.db, event.id), 1);
    const summaries = await registrationSummaries(t.ctx(null), event.id);
    assert.equal(summaries.size, 2);
    assert.equal(summaries.get(occurrences[0].id)!.placesLeft, 0);
  });

  test('refused with a message, nothing stored: past, cancelled event, cancelled date, not internal', async () => {
    const past = await createTestEvent(t.db, { starts: ['2026-11-20T10:00:00Z'] });
    const cancelledEvent = await createTestEvent(t.db, { status: 'cancelled' });
    const cancelledDate = await createTestEvent(t.db, { occurrenceStatus: 'cancelled' });
    const external = await createTestEvent(t.db, { registrationMode: 'external', externalRegistrationUrl: 'https://example.org/aanmelden' });
    const none = await createTestEvent(t.db, { registrationMode: 'none' });
    const cases = [
      [past, /al begonnen of voorbij/],
      [cancelledEvent, /gaat niet door/],
      [cancelledDate, /gaat niet door/],
      [external, /niet aanmelden/],
      [none, /niet aanmelden/],
    ] as const;
    const client = new TestClient(t.app);
    for (const [e, message] of cases) {
      const res = await client.postForm(`/agenda/${e.event.slug}/aanmelden`, visitorForm(e.occurrence.id));
      assert.equal(res.status, 409, e.event.slug);
      assert.match(await res.text(), message);
      assert.equal((await registrationRows(t.db, e.occurrence.id)).length, 0);
    }
  });

  test('an event that is not published: the service refuses, the pages do not show it', async () => {
    const draft = await createTestEvent(t.db, { status: 'draft', publishedAt: null });
    const out = await registerForOccurrence(t.ctx(null), draft.event.slug, { occurrenceId: draft.occurrence.id, name: 'A', email: uniqueEmail(), organisationName: null, waitlist: false }, meta);
    assert.deepEqual(out.ok ? null : out.reason, 'closed');
    const client = new TestClient(t.app);
    assert.equal((await client.get(`/agenda/${draft.event.slug}/aanmelden?datum=${draft.occurrence.id}`)).status, 404);
    assert.equal((await client.postForm(`/agenda/${draft.event.slug}/aanmelden`, visitorForm(draft.occurrence.id))).status, 404);
    assert.equal((await registrationRows(t.db, draft.occurrence.id)).length, 0);
  });

  test('an unknown date, or a date of another event: 404', async () => {
    const a = await createTestEvent(t.db);
    const b = await createTestEvent(t.db);
    const client = new TestClient(t.app);
    assert.equal((await client.postForm(`/agenda/${a.event.slug}/aanmelden`, visitorForm(b.occurrence.id))).status, 404);
    assert.equal((await client.postForm(`/agenda/${a.event.slug}/aanmelden`, visitorForm('niet-een-id'))).status, 404);
    assert.equal((await client.get(`/agenda/${a.event.slug}/aanmelden?datum=00000000-0000-0000-0000-000000000000`)).status, 404);
    assert.equal((await client.get(`/agenda/${a.event.slug}/aanmelden`)).status, 302, 'without a date: back to the event');
  });

  test('the form page shows places left, or the waitlist when full, and the login hint for visitors', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { capacity: 2 });
    const client = new TestClient(t.app);
    let html = await (await client.get(`/agenda/${event.slug}/aanmelden?datum=${occurrence.id}`)).text();
    assert.match(html, /Nog 2 plekken vrij/);
    assert.match(html, /Log dan eerst in/);
    for (let k = 0; k < 2; k++) await registerForOccurrence(t.ctx(null), event.slug, { occurrenceId: occurrence.id, name: 'A', email: uniqueEmail(), organisationName: null, waitlist: false }, meta);
    html = await (await client.get(`/agenda/${event.slug}/aanmelden?datum=${occurrence.id}&lang=en`)).text();
    assert.match(html, /Put me on the waiting list/);
  });

  test('a form without the CSRF token changes nothing', async () => {
    const { event, occurrence } = await createTestEvent(t.db);
    const client = new TestClient(t.app);
    const res = await client.postForm(`/agenda/${event.slug}/aanmelden`, visitorForm(occurrence.id), { csrf: false });
    assert.equal(res.status, 403);
    assert.equal((await registrationRows(t.db, occurrence.id)).length, 0);
  });

  test('an address kept for people with a place: not on the form page nor in the waitlist mail; in the confirmation', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { capacity: 1, locationForRegisteredOnly: true, isOnline: true, onlineUrl: 'https://meet.example.org/geheim' });
    const client = new TestClient(t.app);
    const form = await (await client.get(`/agenda/${event.slug}/aanmelden?datum=${occurrence.id}`)).text();
    assert.doesNotMatch(form, /Hoofdstraat|meet\.example/);
    assert.match(form, /Het adres krijgt u als u een plek heeft/);
    const [a, b] = [uniqueEmail(), uniqueEmail()];
    const done = await (await client.postForm(`/agenda/${event.slug}/aanmelden`, visitorForm(occurrence.id, { email: a }))).text();
    assert.match(done, /Hoofdstraat 1/);
    assert.match((await lastMailTo(t.db, a)).text_body, /Hoofdstraat 1.*Online: https:\/\/meet\.example\.org\/geheim/);
    await client.postForm(`/agenda/${event.slug}/aanmelden`, visitorForm(occurrence.id, { email: b, wachtlijst: 'ja' }));
    assert.doesNotMatch((await lastMailTo(t.db, b)).text_body, /Hoofdstraat|meet\.example/);
  });

  test('on the event page the hidden address is for people with a place, not for the waitlist', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { capacity: 1, locationForRegisteredOnly: true, streetAddress: 'Verborgenlaan 3' });
    const users = [];
    for (const name of ['Heeft Plek', 'Op Wachtlijst']) {
      const user = await createUser(t.db, { name, roles: ['entrepreneur'] });
      const client = new TestClient(t.app);
      await loginAs(t.db, client, user);
      const res = await client.postForm(`/agenda/${event.slug}/aanmelden`, { occurrenceId: occurrence.id, wachtlijst: 'ja' });
      assert.ok(res.status < 400, `registration answered ${res.status}`);
      users.push({ user, client });
    }
    assert.deepEqual((await registrationRows(t.db, occurrence.id)).map((r) => r.status), ['confirmed', 'waitlisted']);
    assert.equal(await isRegisteredForEvent(t.ctx(users[1].user), event.id), false);
    assert.match(await (await users[0].client.get(`/agenda/${event.slug}`)).text(), /Verborgenlaan 3/);
    assert.doesNotMatch(await (await users[1].client.get(`/agenda/${event.slug}`)).text(), /Verborgenlaan 3/);
  });

  test('mails go out in the language of the registration', async () => {
    const { event, occurrence } = await createTestEvent(t.db);
    const email = uniqueEmail();
    await registerForOccurrence(t.ctx(null), event.slug, { occurrenceId: occurrence.id, name: 'A', email, organisationName: null, waitlist: false }, { ip: '192.0.2.9', lang: 'en' });
    const mail = await lastMailTo(t.db, email);
    assert.match(mail.subject, /^Registered: /);
    assert.match(mail.text_body, /10 December 2026/);
  });

  // Last: it uses up the hour's registrations of the address every request of this file shares.
  test('a script registering many addresses from one IP address is stopped (429), nothing more is stored', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { capacity: null });
    const client = new TestClient(t.app);
    // app.request has no socket: every request of this file shares the address 'unknown', so earlier tests count too.
    const statuses: number[] = [];
    for (let k = 0; k < 31 && statuses.at(-1) !== 429; k++) statuses.push((await client.postForm(`/agenda/${event.slug}/aanmelden`, visitorForm(occurrence.id))).status);
    assert.equal(statuses.at(-1), 429, 'stopped within 30 registrations an hour');
    assert.ok(statuses.slice(0, -1).every((s) => s === 200));
    assert.equal((await client.postForm(`/agenda/${event.slug}/aanmelden`, visitorForm(occurrence.id))).status, 429);
    assert.equal((await registrationRows(t.db, occurrence.id)).length, statuses.length - 1, 'refused ones stored nothing');
  });
});
