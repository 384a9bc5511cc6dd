import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { askQuestion } from '../../src/features/support/support.ask.service.ts';
import { TestClient } from '../helpers/client.ts';
import { createOrganisation, createUser, loginAs } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import { askFields, confirmPathIn, docx, multipart, outboxTo, pdf, png, requestRows, seedSupportDesk } from './support.helpers.ts';

describe('asking a question (/hulp-vragen)', () => {
  let t: TestContext;
  let desk: Awaited<ReturnType<typeof seedSupportDesk>>;
  let visitor: TestClient;

  before(async () => {
    // Friday 27 November 2026, 15:00 in Amsterdam.
    t = await createTestContext({ now: '2026-11-27T14:00:00.000Z' });
    desk = await seedSupportDesk(t.db);
    visitor = new TestClient(t.app);
  });
  after(async () => {
    await t.close();
  });

  test('the form is there for visitors, with a fresh idempotency key and every field labelled', async () => {
    const res = await visitor.get('/hulp-vragen');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /enctype="multipart\/form-data"/);
    assert.match(html, /name="idempotencyKey" value="[A-Za-z0-9_-]{30,}"/);
    for (const f of ['name', 'email', 'municipality', 'topic', 'description', 'urgency', 'contactPreference', 'phone', 'attachments', 'consent']) {
      assert.match(html, new RegExp(`for="veld-${f}"`), `label for ${f}`);
    }
  });

  test('a visitor asks: the request is saved unconfirmed with a case number, a confirmation link is mailed, nobody is bothered yet', async () => {
    const fields = askFields({ email: 'Vera@Example.org', topic: 'vergunningen-en-regels' });
    const res = await visitor.postMultipart('/hulp-vragen', multipart(fields, [{ name: 'plattegrond.pdf', bytes: pdf(), type: 'application/pdf' }]));
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /HV-2026-00001/);
    assert.match(html, /Klik op de link/);
    const [row] = await requestRows(t.db);
    assert.equal(row.case_number, 'HV-2026-00001');
    assert.equal(row.status, 'unconfirmed');
    assert.equal(row.requester_email, 'vera@example.org');
    assert.equal(row.assignee_user_id, null);
    assert.equal((await t.db.$client.query('select count(*)::int n from support_attachments')).rows[0].n, 1);
    const mails = await outboxTo(t.db, 'vera@example.org');
    assert.equal(mails.length, 1);
    assert.match(mails[0].subject, /HV-2026-00001/);
    assert.equal((await outboxTo(t.db, desk.bram.email)).length, 0, 'the account manager hears nothing before confirmation');
    // Not in any staff list while unconfirmed.
    const staff = new TestClient(t.app);
    await loginAs(t.db, staff, desk.bram, t.clock.now());
    assert.doesNotMatch(await (await staff.get('/beheer/hulpvragen?weergave=all')).text(), /HV-2026-00001/);
  });

  test('the link confirms and routes: permits in Emmen go to Bram, due in 3 working days; both get a mail', async () => {
    const link = confirmPathIn((await outboxTo(t.db, 'vera@example.org'))[0].text_body);
    t.clock.set('2026-11-27T16:00:00.000Z');
    const res = await visitor.get(link);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /HV-2026-00001/);
    assert.match(html, /Bram Emmen beantwoordt uw vraag binnen 3 werkdagen, uiterlijk op 2 december 2026/);
    const [row] = await requestRows(t.db);
    assert.equal(row.status, 'assigned');
    assert.equal(row.assignee_user_id, desk.bram.id);
    assert.ok(row.confirm_token_hash, 'the hash stays, so a second click shows this page again');
    assert.equal(row.first_response_due_at.toISOString(), '2026-12-02T22:59:59.999Z');
    const received = (await outboxTo(t.db, 'vera@example.org')).at(-1)!;
    assert.match(received.text_body, /Bram Emmen beantwoordt uw vraag binnen 3 werkdagen/);
    assert.match(received.text_body, /HV-2026-00001/);
    assert.equal((await outboxTo(t.db, desk.bram.email)).length, 1, 'Bram is told');
    // A second click shows the same promise and routes nothing again.
    const again = await visitor.get(link);
    assert.equal(again.status, 200);
    const againHtml = await again.text();
    assert.match(againHtml, /HV-2026-00001/);
    assert.match(againHtml, /Bram Emmen beantwoordt uw vraag binnen 3 werkdagen, uiterlijk op 2 december 2026/);
    assert.equal((await outboxTo(t.db, desk.bram.email)).length, 1, 'nobody is told twice');
    assert.equal((await t.db.$client.query(`select count(*)::int n from support_events where request_id = $1 and kind in ('confirmed', 'routed')`, [row.id])).rows[0].n, 2);
    // After CONFIRM_LINK_DAYS the link is no longer valid (the retention job also forgets its hash then).
    t.clock.set('2026-12-28T16:00:01.000Z');
    try {
      assert.equal((await visitor.get(link)).status, 400);
    } finally {
      t.clock.set('2026-11-27T16:00:00.000Z');
    }
  });

  test('a double submit of one form gives one request, not two', async () => {
    const fields = askFields({ email: 'dubbel@example.org' });
    const first = await visitor.postMultipart('/hulp-vragen', multipart(fields));
    const second = await visitor.postMultipart('/hulp-vragen', multipart(fields));
    const [a, b] = [await first.text(), await second.text()];
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    const num = /HV-2026-\d{5}/.exec(a)![0];
    assert.match(b, new RegExp(num));
    const rows = (await requestRows(t.db)).filter((r) => r.requester_email === 'dubbel@example.org');
    assert.equal(rows.length, 1);
    assert.equal((await outboxTo(t.db, 'dubbel@example.org')).length, 1, 'one confirmation mail');
    // Both at the same moment: still one.
    const racing = askFields({ email: 'race@example.org' });
    const results = await Promise.all([visitor.postMultipart('/hulp-vragen', multipart(racing)), visitor.postMultipart('/hulp-vragen', multipart(racing))]);
    assert.deepEqual(results.map((r) => r.status), [200, 200]);
    assert.equal((await requestRows(t.db)).filter((r) => r.requester_email === 'race@example.org').length, 1);
  });

  test('parallel questions get distinct, consecutive case numbers (the counter row serialises them)', async () => {
    const client = new TestClient(t.app);
    const before = (await requestRows(t.db)).length;
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, n) => client.postMultipart('/hulp-vragen', multipart(askFields({ email: `parallel-${n}@example.org` })))),
    );
    assert.deepEqual(results.map((r) => r.status), [200, 200, 200, 200, 200]);
    const numbers = (await requestRows(t.db)).slice(before).map((r) => Number(r.case_number.slice(-5))).sort((a, b) => a - b);
    assert.equal(numbers.length, 5);
    assert.equal(new Set(numbers).size, 5);
    assert.equal(numbers[4]! - numbers[0]!, 4, 'no gaps when nothing rolls back');
  });

  test('someone else’s idempotency key never shows their request', async () => {
    const fields = askFields({ email: 'eerste@example.org' });
    await visitor.postMultipart('/hulp-vragen', multipart(fields));
    const res = await visitor.postMultipart('/hulp-vragen', multipart({ ...fields, email: 'ander@example.org' }));
    assert.equal(res.status, 409);
    assert.doesNotMatch(await res.text(), /eerste@example.org/);
  });

  test('attachments that lie about their type, are too large or too many are refused, and nothing is saved', async () => {
    const before = (await requestRows(t.db)).length;
    const cases: Array<[string, Array<{ name: string; bytes: Uint8Array }>, RegExp]> = [
      ['a PNG called .pdf', [{ name: 'offerte.pdf', bytes: png() }], /offerte\.pdf is geen PDF/],
      ['a program called .pdf', [{ name: 'virus.pdf', bytes: new Uint8Array(Buffer.from('MZ\x90\x00 this is a program')) }], /virus\.pdf is geen PDF/],
      ['a zip that is not an Office file', [{ name: 'map.docx', bytes: (await import('./support.helpers.ts')).zipWith([{ name: 'a.txt', content: 'x' }]) }], /map\.docx/],
      ['a file over 10 MB', [{ name: 'groot.pdf', bytes: pdf(10 * 1024 * 1024) }], /groot\.pdf is groter dan 10 MB/],
      ['six files', Array.from({ length: 6 }, (_, n) => ({ name: `f${n}.pdf`, bytes: pdf() })), /hoogstens 5 bestanden/],
    ];
    for (const [what, files, message] of cases) {
      const res = await visitor.postMultipart('/hulp-vragen', multipart(askFields({ description: `Een vraag met bijlagen: ${what}.` }), files));
      assert.equal(res.status, 422, what);
      const html = await res.text();
      assert.match(html, message, what);
      assert.match(html, new RegExp(`Een vraag met bijlagen: ${what}`), `${what}: typed text is kept`);
    }
    assert.equal((await requestRows(t.db)).length, before, 'nothing saved');
    const ok = await visitor.postMultipart(
      '/hulp-vragen',
      multipart(askFields({ email: 'bijlagen@example.org' }), [
        { name: 'plan.docx', bytes: docx() },
        { name: 'foto.PNG', bytes: png() },
      ]),
    );
    assert.equal(ok.status, 200);
    const types = (await t.db.$client.query("select a.content_type from support_attachments a join support_requests r on r.id = a.request_id where r.requester_email = 'bijlagen@example.org' order by a.file_name")).rows.map((r) => r.content_type);
    assert.deepEqual(types, ['image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
  });

  test('bad input comes back with messages and everything typed kept (422)', async () => {
    const res = await visitor.postMultipart('/hulp-vragen', multipart(askFields({ description: 'te kort', consent: '', contactPreference: 'phone', name: 'Karel' })));
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /Beschrijf uw vraag in minstens 20 tekens/);
    assert.match(html, /Geef toestemming/);
    assert.match(html, /vul uw telefoonnummer in/);
    assert.match(html, /value="Karel"/);
    const unknown = await visitor.postMultipart('/hulp-vragen', multipart(askFields({ topic: 'bestaat-niet', municipality: 'atlantis' })));
    assert.equal(unknown.status, 422);
  });

  test('a logged-in entrepreneur asks about their organisation: its municipality is used and the question is routed at once', async () => {
    const owner = await createUser(t.db, { name: 'Olga Ondernemer', roles: ['entrepreneur'] });
    const org = await createOrganisation(t.db, { name: 'Coevorden Circulair', municipalitySlug: 'coevorden', ownerId: owner.id });
    const client = new TestClient(t.app);
    await loginAs(t.db, client, owner, t.clock.now());
    const form = await (await client.get('/hulp-vragen')).text();
    assert.match(form, /Coevorden Circulair/);
    assert.doesNotMatch(form, /name="email"/, 'no name/email fields for a logged-in user');
    const fields = askFields({ organisationId: org.id, municipality: 'emmen', topic: 'financiering' });
    delete (fields as Record<string, string>).name;
    delete (fields as Record<string, string>).email;
    const res = await client.postMultipart('/hulp-vragen', multipart(fields));
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Cora Coevorden beantwoordt uw vraag binnen 2 werkdagen/, 'Coevorden has no financing rule: the default');
    const row = (await requestRows(t.db)).find((r) => r.requester_user_id === owner.id)!;
    assert.equal(row.municipality_slug, 'coevorden');
    assert.equal(row.organisation_id, org.id);
    assert.equal(row.status, 'assigned');
    // Someone else's organisation is refused.
    const other = await createOrganisation(t.db, { name: 'Niet Van Mij' });
    const refused = await client.postMultipart('/hulp-vragen', multipart({ ...fields, idempotencyKey: 'another-key-0123456789', organisationId: other.id }));
    assert.equal(refused.status, 422);
  });

  test('financing in Emmen lands in the IBDO partner inbox', async () => {
    const user = await createUser(t.db, { roles: ['entrepreneur'] });
    const client = new TestClient(t.app);
    await loginAs(t.db, client, user, t.clock.now());
    const fields = askFields({ topic: 'financiering', municipality: 'emmen' });
    const res = await client.postMultipart('/hulp-vragen', multipart(fields));
    assert.match(await res.text(), /IBDO beantwoordt uw vraag/);
    const row = (await requestRows(t.db)).find((r) => r.requester_user_id === user.id)!;
    assert.equal(row.status, 'referred');
    assert.equal(row.partner_organisation_id, desk.ibdo.id);
    assert.equal((await outboxTo(t.db, desk.partnerUser.email)).length, 1, 'the partner is told');
  });

  test('case numbers count per year', async () => {
    t.clock.set('2027-01-04T09:00:00.000Z');
    const res = await visitor.postMultipart('/hulp-vragen', multipart(askFields({ email: 'nieuwjaar@example.org' })));
    assert.match(await res.text(), /HV-2027-00001/);
  });
});

describe('visitors cannot flood an address with confirmation mails', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
    await seedSupportDesk(t.db);
  });
  after(async () => {
    await t.close();
  });

  test('the sixth question for one address within an hour is refused (429) and saves nothing', async () => {
    const client = new TestClient(t.app);
    for (let n = 0; n < 5; n++) assert.equal((await client.postMultipart('/hulp-vragen', multipart(askFields({ email: 'veel@example.org' })))).status, 200);
    const res = await client.postMultipart('/hulp-vragen', multipart(askFields({ email: 'veel@example.org' })));
    assert.equal(res.status, 429);
    assert.equal((await requestRows(t.db)).length, 5);
    assert.equal((await outboxTo(t.db, 'veel@example.org')).length, 5);
  });
});

describe('a request and its mail are saved together or not at all', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
    await seedSupportDesk(t.db);
  });
  after(async () => {
    await t.close();
  });

  test('when queueing the mail fails (a crash at that moment), the request is not half saved either', async () => {
    const broken = { ...t.ctx(null), mailer: { ...t.deps.mailer, queue: async () => Promise.reject(new Error('connection lost')) } };
    const f = askFields({ email: 'half@example.org' });
    await assert.rejects(askQuestion(broken, { ...f, topic: 'anders', urgency: 'normal', contactPreference: 'email' } as never, []), /connection lost/);
    assert.equal((await requestRows(t.db)).length, 0);
    assert.equal((await t.db.$client.query('select count(*)::int n from support_events')).rows[0].n, 0);
    // The same form again (the visitor retries): it now goes through, once.
    const ok = await askQuestion(t.ctx(null), { ...f, topic: 'anders', urgency: 'normal', contactPreference: 'email' } as never, []);
    assert.equal(ok.repeated, false);
    assert.equal((await requestRows(t.db)).length, 1);
    assert.equal((await outboxTo(t.db, 'half@example.org')).length, 1, 'the request and its mail exist together');
  });
});

describe('asking while the mail server is down', () => {
  let t: TestContext;
  before(async () => {
    // Port 1 on loopback: nothing listens, every delivery attempt fails.
    t = await createTestContext({ env: { SMTP_URL: 'smtp://127.0.0.1:1' } });
    await seedSupportDesk(t.db);
  });
  after(async () => {
    await t.close();
  });

  test('the request is saved with its mail pending; delivery fails and is retried later with backoff', async () => {
    const client = new TestClient(t.app);
    const res = await client.postMultipart('/hulp-vragen', multipart(askFields({ email: 'storing@example.org' })));
    assert.equal(res.status, 200);
    assert.equal((await requestRows(t.db)).length, 1, 'the request is saved');
    let [mail] = await outboxTo(t.db, 'storing@example.org');
    assert.equal(mail.status, 'pending');
    const result = await t.deps.mailer.deliverDue(t.db);
    assert.deepEqual(result, { sent: 0, failed: 1 });
    [mail] = await outboxTo(t.db, 'storing@example.org');
    assert.equal(mail.status, 'pending', 'still waiting');
    assert.equal(mail.attempts, 1);
    assert.ok(mail.next_attempt_at > t.clock.now(), 'retried later');
  });
});
