import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../../src/data/reference.ts';
import { TestClient } from '../helpers/client.ts';
import { createOrganisation, createUser, loginAs } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import { eventForm } from './agenda.helpers.ts';
import { lastMailTo, mailsTo, registrationRows, uniqueEmail, visitorForm } from './registrations.helpers.ts';

describe('posting events', () => {
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
  const count = async (table: string) => Number((await q(`select count(*)::int as n from ${table}`))[0].n);

  async function clientFor(roles: Role[]) {
    const user = await createUser(t.db, { roles });
    const client = new TestClient(t.app);
    await loginAs(t.db, client, user, t.clock.now());
    return { user, client };
  }

  async function entrepreneurWithOrg() {
    const { user, client } = await clientFor(['entrepreneur']);
    const org = await createOrganisation(t.db, { ownerId: user.id, name: `Zonnig Emmen ${user.id.slice(0, 6)}` });
    return { user, client, org };
  }

  const eventIdFrom = (res: Response) => /\/mijn\/evenementen\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '')?.[1];

  test('visitors are sent to the login page; roles that may not post get 403', async () => {
    const visitor = new TestClient(t.app);
    const res = await visitor.get('/mijn/evenementen/nieuw');
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /\/inloggen/);
    for (const roles of [['learner'], ['account_manager'], []] as Role[][]) {
      const { client } = await clientFor(roles);
      assert.equal((await client.get('/mijn/evenementen')).status, 403, roles.join());
      assert.equal((await client.postForm('/mijn/evenementen/nieuw', eventForm())).status, 403, roles.join());
    }
    assert.equal(await count('events'), 0);
  });

  test("an entrepreneur's event goes to review; the coordinator approves it; then it is public", async () => {
    const { client, org, user } = await entrepreneurWithOrg();
    const page = await client.get('/mijn/evenementen/nieuw');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Insturen ter beoordeling/);

    const res = await client.postForm('/mijn/evenementen/nieuw', eventForm({ organisation: org.id, title: 'Energiecafé Emmen' }));
    assert.equal(res.status, 303);
    const id = eventIdFrom(res)!;
    const [event] = await q('select status, slug, created_by_user_id, organiser_organisation_id from events where id = $1', [id]);
    assert.equal(event.status, 'in_review');
    assert.equal(event.created_by_user_id, user.id);
    assert.equal(event.organiser_organisation_id, org.id);
    const [occ] = await q('select starts_at, ends_at, event_status, municipality_slug, type, theme_slugs from event_occurrences where event_id = $1', [id]);
    assert.equal(occ.starts_at.toISOString(), '2026-12-10T18:30:00.000Z');
    assert.equal(occ.ends_at.toISOString(), '2026-12-10T20:30:00.000Z');
    assert.equal(occ.event_status, 'in_review');

    // Not public yet: not in the agenda, its page a 404 for visitors, a preview for its creator.
    const visitor = new TestClient(t.app);
    assert.doesNotMatch(await (await visitor.get('/agenda')).text(), /Energiecafé Emmen/);
    assert.equal((await visitor.get(`/agenda/${event.slug}`)).status, 404);
    const preview = await client.get(`/agenda/${event.slug}`);
    assert.equal(preview.status, 200);
    assert.match(await preview.text(), /data-preview/);

    // In the coordinator's queue, counted in the moderation navigation.
    const queue = await coordinator.get('/beheer/moderatie/evenementen');
    assert.equal(queue.status, 200);
    const queueHtml = await queue.text();
    assert.match(queueHtml, /Energiecafé Emmen/);
    assert.match(queueHtml, /Evenementen ter beoordeling \(1\)/);
    assert.match(await (await coordinator.get('/beheer/moderatie')).text(), /Evenementen ter beoordeling \(1\)/);
    assert.equal((await coordinator.get(`/beheer/moderatie/evenementen/${id}`)).status, 200);

    const approve = await coordinator.postForm(`/beheer/moderatie/evenementen/${id}/goedkeuren`, {});
    assert.equal(approve.status, 303);
    const [after] = await q('select status, published_at from events where id = $1', [id]);
    assert.equal(after.status, 'published');
    assert.ok(after.published_at);
    assert.equal((await q('select event_status from event_occurrences where event_id = $1', [id]))[0].event_status, 'published');
    const mails = await q('select to_address, subject, text_body from outbox where subject like $1', ['%Energiecafé Emmen%']);
    assert.equal(mails.length, 1);
    assert.equal(mails[0].to_address, user.email);
    assert.match(mails[0].text_body, new RegExp(`/agenda/${event.slug}`));
    assert.equal((await q(`select count(*)::int as n from audit_log where action = 'event.approved' and subject_id = $1`, [id]))[0].n, 1);

    assert.match(await (await visitor.get('/agenda')).text(), /Energiecafé Emmen/);
    assert.equal((await visitor.get(`/agenda/${event.slug}`)).status, 200);

    // A second decision is a conflict, not a second publication.
    assert.equal((await coordinator.postForm(`/beheer/moderatie/evenementen/${id}/goedkeuren`, {})).status, 409);
  });

  test('the coordinator rejects with a reason; the creator edits and it goes back to review', async () => {
    const { client, org, user } = await entrepreneurWithOrg();
    const id = eventIdFrom(await client.postForm('/mijn/evenementen/nieuw', eventForm({ organisation: org.id, title: 'Workshop afval' })))!;
    const short = await coordinator.postForm(`/beheer/moderatie/evenementen/${id}/afwijzen`, { reason: 'kort' });
    assert.equal(short.status, 422);
    assert.equal((await q('select status from events where id = $1', [id]))[0].status, 'in_review');

    const reason = 'Vermeld graag de prijs en het programma.';
    assert.equal((await coordinator.postForm(`/beheer/moderatie/evenementen/${id}/afwijzen`, { reason })).status, 303);
    const [row] = await q('select status, rejection_reason from events where id = $1', [id]);
    assert.deepEqual([row.status, row.rejection_reason], ['rejected', reason]);
    const [mail] = await q('select to_address, text_body from outbox where subject like $1', ['%Workshop afval%']);
    assert.equal(mail.to_address, user.email);
    assert.match(mail.text_body, /Vermeld graag de prijs/);
    assert.match(await (await client.get(`/mijn/evenementen/${id}`)).text(), /Vermeld graag de prijs/);

    const edit = await client.postForm(`/mijn/evenementen/${id}/bewerken`, eventForm({ organisation: org.id, title: 'Workshop afval', description: 'Gratis. Programma: 19:30 start.' }));
    assert.equal(edit.status, 303);
    const [again] = await q('select status, rejection_reason from events where id = $1', [id]);
    assert.deepEqual([again.status, again.rejection_reason], ['in_review', null]);
  });

  test('an entrepreneur cannot post for an organisation they do not belong to, nor without one', async () => {
    const { client } = await entrepreneurWithOrg();
    const other = await createOrganisation(t.db, {});
    const before = await count('events');
    const res = await client.postForm('/mijn/evenementen/nieuw', eventForm({ organisation: other.id, title: 'Niet van mij' }));
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /alleen een evenement plaatsen voor een organisatie waar u bij hoort/);
    assert.match(html, /value="Niet van mij"/);
    const none = await client.postForm('/mijn/evenementen/nieuw', eventForm({ organisation: '' }));
    assert.equal(none.status, 422);
    assert.match(await none.text(), /Kies de organisatie/);
    assert.equal(await count('events'), before);

    // Without any organisation there is nothing to post for: the form says so.
    const { client: bare } = await clientFor(['entrepreneur']);
    const redirect = await bare.get('/mijn/evenementen/nieuw');
    assert.equal(redirect.status, 303);
    assert.match(await (await bare.get('/mijn/evenementen')).text(), /eerst een organisatie/);
  });

  test('partners and coordinators publish directly, also for the programme itself', async () => {
    const { client: partner } = await clientFor(['partner']);
    const res = await partner.postForm('/mijn/evenementen/nieuw', eventForm({ title: 'Partnerdag' }));
    assert.equal(res.status, 303);
    const [row] = await q('select status, organiser_organisation_id from events where title = $1', ['Partnerdag']);
    assert.deepEqual([row.status, row.organiser_organisation_id], ['published', null]);
    const res2 = await coordinator.postForm('/mijn/evenementen/nieuw', eventForm({ title: 'Regiodag' }));
    assert.equal(res2.status, 303);
    assert.equal((await q('select status from events where title = $1', ['Regiodag']))[0].status, 'published');
  });

  test('bad input: a clear message per field, everything typed kept, nothing stored', async () => {
    const before = await count('events');
    const occurrencesBefore = await count('event_occurrences');
    const cases: Array<[Record<string, string | string[]>, RegExp]> = [
      [{ endTime: '18:00' }, /Het einde ligt voor \(of op\) het begin/],
      [{ endDate: '2026-12-09' }, /Het einde ligt voor \(of op\) het begin/],
      [{ repeat: 'wekelijks', weekdays: 'TH' }, /Kies wanneer de reeks stopt/],
      [{ repeat: 'wekelijks', weekdays: 'TH', endsBy: 'aantal', count: '501' }, /hoogstens 500 keer/],
      [{ repeat: 'wekelijks', weekdays: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], endsBy: 'datum', untilDate: '2028-12-31' }, /hoogstens 500 keer/],
      [{ repeat: 'wekelijks', weekdays: 'MO', endsBy: 'aantal', count: '3' }, /De eerste datum past niet bij de herhaling/],
      [{ repeat: 'maandelijks', monthlyPosition: '1', endsBy: 'aantal', count: '3' }, /De eerste datum past niet bij de herhaling/],
      [{ description: 'Hallo <script>alert(1)</script>' }, /Gebruik geen HTML-code/],
      [{ description: '<img src=x onerror="alert(1)">' }, /Gebruik geen HTML-code/],
      [{ description: '[klik](javascript:alert(1))' }, /Een link mag alleen naar een webadres/],
      [{ registrationMode: 'none', capacity: '10' }, /alleen als mensen zich via dit platform aanmelden/],
      [{ attendance: 'online', onlineUrl: '' }, /Vul de link voor online deelname in/],
      [{ startDate: '2026-02-30' }, /Vul een datum in/],
      [{ type: 'feest' }, /Kies een soort evenement/],
      [{ municipality: 'amsterdam' }, /Kies de gemeente/],
    ];
    for (const [over, message] of cases) {
      const res = await coordinator.postForm('/mijn/evenementen/nieuw', eventForm({ title: 'Foutje bedankt', ...over }));
      assert.equal(res.status, 422, JSON.stringify(over));
      const html = await res.text();
      assert.match(html, message, JSON.stringify(over));
      assert.match(html, /value="Foutje bedankt"/, 'typed values are kept');
      assert.match(html, /foutenoverzicht-titel/, 'an error summary');
    }
    assert.equal(await count('events'), before);
    assert.equal(await count('event_occurrences'), occurrencesBefore);
  });

  test('a series: weekly on two days, every two weeks, until a date; its occurrences are generated in local time', async () => {
    const res = await coordinator.postForm(
      '/mijn/evenementen/nieuw',
      eventForm({ title: 'Leergang reeks', startDate: '2027-03-15', startTime: '19:00', endTime: '21:00', repeat: 'wekelijks', interval: '2', weekdays: ['MO', 'WE'], endsBy: 'datum', untilDate: '2027-04-14' }),
    );
    assert.equal(res.status, 303);
    const id = eventIdFrom(res)!;
    const rows = await q('select starts_at from event_occurrences where event_id = $1 order by starts_at', [id]);
    // 15 + 17 March (winter time, 18:00Z), 29 + 31 March and 12 + 14 April (summer time, 17:00Z).
    assert.deepEqual(
      rows.map((r) => r.starts_at.toISOString()),
      ['2027-03-15T18:00:00.000Z', '2027-03-17T18:00:00.000Z', '2027-03-29T17:00:00.000Z', '2027-03-31T17:00:00.000Z', '2027-04-12T17:00:00.000Z', '2027-04-14T17:00:00.000Z'],
    );
    const [event] = await q('select recurrence from events where id = $1', [id]);
    assert.deepEqual(event.recurrence, { freq: 'weekly', interval: 2, byWeekday: ['MO', 'WE'], until: '2027-04-14' });
  });

  test('editing a published event raises its sequence and keeps the copied filter columns in sync', async () => {
    const id = eventIdFrom(await coordinator.postForm('/mijn/evenementen/nieuw', eventForm({ title: 'Marktdag Hoogeveen', type: 'markt-beurs' })))!;
    const [before] = await q('select sequence from events where id = $1', [id]);
    const edit = await coordinator.postForm(
      `/mijn/evenementen/${id}/bewerken`,
      eventForm({ title: 'Marktdag Hoogeveen', type: 'workshop', municipality: 'hoogeveen', city: 'Hoogeveen', themes: ['circulaire-economie'], attendance: 'beide', onlineUrl: 'https://meet.example.org/markt' }),
    );
    assert.equal(edit.status, 303);
    const [after] = await q('select sequence, type, municipality_slug, is_online from events where id = $1', [id]);
    assert.equal(after.sequence, before.sequence + 1);
    const occs = await q('select type, municipality_slug, is_online, theme_slugs, event_status from event_occurrences where event_id = $1', [id]);
    for (const o of occs) assert.deepEqual([o.type, o.municipality_slug, o.is_online, o.theme_slugs, o.event_status], ['workshop', 'hoogeveen', true, ['circulaire-economie'], 'published']);
    assert.equal((await q(`select count(*)::int as n from audit_log where action = 'event.updated' and subject_id = $1`, [id]))[0].n, 1);

    // Saving again without changes changes nothing (no new sequence).
    const same = await coordinator.postForm(
      `/mijn/evenementen/${id}/bewerken`,
      eventForm({ title: 'Marktdag Hoogeveen', type: 'workshop', municipality: 'hoogeveen', city: 'Hoogeveen', themes: ['circulaire-economie'], attendance: 'beide', onlineUrl: 'https://meet.example.org/markt' }),
    );
    assert.equal(same.status, 303);
    assert.equal((await q('select sequence from events where id = $1', [id]))[0].sequence, after.sequence);
  });

  test('editing a published event tells registered people: a raised capacity moves the waitlist up, a new time is mailed', async () => {
    const form = eventForm({ title: 'Inkoopcafé Coevorden', capacity: '1' });
    const id = eventIdFrom(await coordinator.postForm('/mijn/evenementen/nieuw', form))!;
    const [{ slug }] = await q('select slug from events where id = $1', [id]);
    const [{ id: occurrenceId }] = await q('select id from event_occurrences where event_id = $1', [id]);
    const visitor = new TestClient(t.app);
    const first = uniqueEmail('eerste');
    const second = uniqueEmail('tweede');
    for (const [email, extra] of [[first, {}], [second, { wachtlijst: 'ja' }]] as const) {
      const res = await visitor.postForm(`/agenda/${slug}/aanmelden`, visitorForm(occurrenceId, { email, ...extra }));
      assert.ok(res.status < 400, `registration answered ${res.status}`);
    }
    assert.deepEqual((await registrationRows(t.db, occurrenceId)).map((r) => r.status), ['confirmed', 'waitlisted']);

    // Two places now: the waitlisted person gets the place and a mail, in the edit's transaction.
    assert.equal((await coordinator.postForm(`/mijn/evenementen/${id}/bewerken`, { ...form, capacity: '2' })).status, 303);
    assert.deepEqual((await registrationRows(t.db, occurrenceId)).map((r) => r.status), ['confirmed', 'confirmed']);
    assert.match((await lastMailTo(t.db, second)).subject, /^Er is een plek vrij/);

    // Another start time: both hear about it, with the new time in the mail.
    assert.equal((await coordinator.postForm(`/mijn/evenementen/${id}/bewerken`, { ...form, capacity: '2', startTime: '20:00', endTime: '22:00' })).status, 303);
    for (const email of [first, second]) {
      const mail = await lastMailTo(t.db, email);
      assert.match(mail.subject, /^Gewijzigd: Inkoopcafé Coevorden/);
      assert.match(mail.text_body, /20:00/);
    }
    // A change that does not concern them (the description) sends nothing.
    const before = (await mailsTo(t.db, first)).length;
    assert.equal((await coordinator.postForm(`/mijn/evenementen/${id}/bewerken`, { ...form, capacity: '2', startTime: '20:00', endTime: '22:00', description: 'Nieuwe tekst.' })).status, 303);
    assert.equal((await mailsTo(t.db, first)).length, before);
  });

  test('someone else cannot see or edit an event they do not manage (404)', async () => {
    const { client, org } = await entrepreneurWithOrg();
    const id = eventIdFrom(await client.postForm('/mijn/evenementen/nieuw', eventForm({ organisation: org.id, title: 'Van mij' })))!;
    const { client: stranger } = await entrepreneurWithOrg();
    assert.equal((await stranger.get(`/mijn/evenementen/${id}`)).status, 404);
    assert.equal((await stranger.postForm(`/mijn/evenementen/${id}/bewerken`, eventForm({ title: 'Gekaapt' }))).status, 404);
    assert.equal((await stranger.postForm(`/mijn/evenementen/${id}/intrekken`, {})).status, 404);
    assert.equal((await q('select title from events where id = $1', [id]))[0].title, 'Van mij');
    // A fellow member of the organisation may.
    const { user: colleague, client: colleagueClient } = await clientFor(['entrepreneur']);
    await q(`insert into memberships (user_id, organisation_id, role) values ($1, $2, 'member')`, [colleague.id, org.id]);
    assert.equal((await colleagueClient.get(`/mijn/evenementen/${id}`)).status, 200);
    // Withdrawing an unpublished event deletes it.
    assert.equal((await client.postForm(`/mijn/evenementen/${id}/intrekken`, {})).status, 303);
    assert.equal((await q('select count(*)::int as n from events where id = $1', [id]))[0].n, 0);
  });
});
