import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { askQuestion } from '../../src/features/support/support.ask.service.ts';
import { changeStatus } from '../../src/features/support/support.service.ts';
import type { CurrentUser } from '../../src/web/types.ts';
import { TestClient } from '../helpers/client.ts';
import { createUser, loginAs } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import { askFields, auditRows, newKey, outboxTo, seedSupportDesk } from './support.helpers.ts';

describe('handling a request: workflow, messages, referral, closing and rating', () => {
  let t: TestContext;
  let desk: Awaited<ReturnType<typeof seedSupportDesk>>;
  let owner: CurrentUser;
  let ownerClient: TestClient;
  let bramClient: TestClient;
  let requestId: string;

  const row = async (id = requestId) => (await t.db.$client.query('select * from support_requests where id = $1', [id])).rows[0];
  const events = async (id = requestId) => (await t.db.$client.query('select kind, from_status, to_status, body from support_events where request_id = $1 order by id', [id])).rows;

  before(async () => {
    // Monday 30 November 2026, 10:00 in Amsterdam.
    t = await createTestContext({ now: '2026-11-30T09:00:00.000Z' });
    desk = await seedSupportDesk(t.db);
    owner = await createUser(t.db, { name: 'Olga Ondernemer', email: 'olga@example.org', roles: ['entrepreneur'] });
    ownerClient = new TestClient(t.app);
    await loginAs(t.db, ownerClient, owner, t.clock.now());
    bramClient = new TestClient(t.app);
    await loginAs(t.db, bramClient, desk.bram, t.clock.now());
    const f = askFields({ topic: 'vergunningen-en-regels' });
    const result = await askQuestion(t.ctx(owner), { ...f, topic: 'vergunningen-en-regels', urgency: 'normal', contactPreference: 'email', municipality: 'emmen' } as never, []);
    requestId = result.request.id;
  });
  after(async () => {
    await t.close();
  });

  test('the right account manager sees it in "mine"; the read of the request is audited', async () => {
    const inbox = await (await bramClient.get('/beheer/hulpvragen')).text();
    assert.match(inbox, /HV-2026-00001/);
    const annaClient = new TestClient(t.app);
    await loginAs(t.db, annaClient, desk.anna, t.clock.now());
    assert.doesNotMatch(await (await annaClient.get('/beheer/hulpvragen?weergave=mine')).text(), /HV-2026-00001/, 'not in Anna’s own list');
    assert.match(await (await annaClient.get('/beheer/hulpvragen?weergave=all')).text(), /HV-2026-00001/, 'but in her municipality’s list');
    const before = (await auditRows(t.db, 'support_request.read')).length;
    const res = await bramClient.get(`/beheer/hulpvragen/${requestId}`);
    assert.equal(res.status, 200);
    const reads = await auditRows(t.db, 'support_request.read');
    assert.equal(reads.length, before + 1);
    assert.equal(reads.at(-1)!.actor_user_id, desk.bram.id);
    assert.equal(reads.at(-1)!.subject_id, requestId);
  });

  test('unknown filter values are a 400', async () => {
    assert.equal((await bramClient.get('/beheer/hulpvragen?status=kapot')).status, 400);
    assert.equal((await bramClient.get('/beheer/hulpvragen?weergave=iedereen')).status, 400);
    assert.equal((await bramClient.get('/beheer/hulpvragen?onderwerp=x&gemeente=atlantis')).status, 400);
    assert.equal((await bramClient.get('/beheer/hulpvragen?status=assigned&onderwerp=vergunningen-en-regels&gemeente=emmen&weergave=all')).status, 200);
  });

  test('a status change that skips the workflow is refused and changes nothing', async () => {
    const res = await bramClient.postForm(`/beheer/hulpvragen/${requestId}/status`, { status: 'waiting' });
    assert.equal(res.status, 409);
    assert.match(await res.text(), /Volg de stappen van het werkproces/);
    assert.equal((await row()).status, 'assigned');
    await assert.rejects(changeStatus(t.ctx(desk.bram), requestId, 'unconfirmed'), /support.error.transition/);
  });

  test('overdue: after the due date without an answer the request is marked and listed as overdue', async () => {
    assert.doesNotMatch(await (await bramClient.get('/beheer/hulpvragen?weergave=overdue')).text(), /HV-2026-00001/);
    // Due at the end of Thursday 3 December (3 working days after Monday).
    assert.equal((await row()).first_response_due_at.toISOString(), '2026-12-03T22:59:59.999Z');
    t.clock.set('2026-12-04T08:00:00.000Z');
    const overdue = await (await bramClient.get('/beheer/hulpvragen?weergave=overdue')).text();
    assert.match(overdue, /HV-2026-00001/);
    assert.match(overdue, /Te laat/);
  });

  test('a message to the entrepreneur is mailed, answers the request (no longer overdue) and moves it to in progress', async () => {
    const res = await bramClient.postForm(`/beheer/hulpvragen/${requestId}/bericht`, { message: 'Goed idee! Stuur ons de tekening van de werkplaats.', waitForReply: 'on' });
    assert.equal(res.status, 303);
    const r = await row();
    assert.equal(r.status, 'waiting');
    assert.ok(r.first_responded_at);
    const mail = (await outboxTo(t.db, 'olga@example.org')).at(-1)!;
    assert.match(mail.text_body, /Stuur ons de tekening/);
    assert.doesNotMatch(await (await bramClient.get('/beheer/hulpvragen?weergave=overdue')).text(), /HV-2026-00001/);
    const mine = await (await ownerClient.get(`/mijn/hulpvragen/${requestId}`)).text();
    assert.match(mine, /Stuur ons de tekening/);
    assert.match(mine, /Wacht op ondernemer/);
  });

  test('internal notes stay internal: not shown to the entrepreneur', async () => {
    assert.equal((await bramClient.postForm(`/beheer/hulpvragen/${requestId}/notitie`, { note: 'Geheim: collega bij RO vragen' })).status, 303);
    assert.match(await (await bramClient.get(`/beheer/hulpvragen/${requestId}`)).text(), /Geheim: collega bij RO vragen/);
    assert.doesNotMatch(await (await ownerClient.get(`/mijn/hulpvragen/${requestId}`)).text(), /Geheim/);
    assert.equal((await bramClient.postForm(`/beheer/hulpvragen/${requestId}/notitie`, { note: '   ' })).status, 422);
  });

  test('the entrepreneur replies: the request leaves "waiting" and Bram is told', async () => {
    const before = (await outboxTo(t.db, desk.bram.email)).length;
    assert.equal((await ownerClient.postForm(`/mijn/hulpvragen/${requestId}/reageren`, { message: 'Hierbij de tekening, zie bijlage in de mail.' })).status, 303);
    assert.equal((await row()).status, 'in_progress');
    assert.equal((await outboxTo(t.db, desk.bram.email)).length, before + 1);
    assert.equal((await ownerClient.postForm(`/mijn/hulpvragen/${requestId}/reageren`, { message: '' })).status, 422);
  });

  test('reassigning needs a reason; the new owner is told and the timeline says so', async () => {
    let res = await bramClient.postForm(`/beheer/hulpvragen/${requestId}/toewijzen`, { assignee: desk.anna.id, reason: '' });
    assert.equal(res.status, 422);
    res = await bramClient.postForm(`/beheer/hulpvragen/${requestId}/toewijzen`, { assignee: desk.cora.id, reason: 'Cora weet dit' });
    assert.equal(res.status, 422, 'an account manager of another municipality cannot own it');
    res = await bramClient.postForm(`/beheer/hulpvragen/${requestId}/toewijzen`, { assignee: desk.anna.id, reason: 'Anna kent deze ondernemer' });
    assert.equal(res.status, 303);
    assert.equal((await row()).assignee_user_id, desk.anna.id);
    assert.ok((await events()).some((e) => e.kind === 'assigned' && e.body === 'Anna kent deze ondernemer'));
    assert.equal((await outboxTo(t.db, desk.anna.email)).length, 1);
    assert.equal((await auditRows(t.db, 'support_request.assigned')).length, 1);
  });

  test('referral to a partner: the partner sees this request and the note, not internal notes nor other requests', async () => {
    const res = await bramClient.postForm(`/beheer/hulpvragen/${requestId}/doorverwijzen`, { partner: desk.ibdo.id, referNote: 'Graag kijken naar een lening' });
    assert.equal(res.status, 303);
    assert.equal((await row()).status, 'referred');
    const partner = new TestClient(t.app);
    await loginAs(t.db, partner, desk.partnerUser, t.clock.now());
    const inbox = await (await partner.get('/beheer/hulpvragen')).text();
    assert.match(inbox, /HV-2026-00001/);
    const page = await partner.get(`/beheer/hulpvragen/${requestId}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Graag kijken naar een lening/);
    assert.doesNotMatch(html, /Geheim/, 'internal note of the municipality hidden');
    assert.doesNotMatch(html, /action="[^"]*\/toewijzen"/, 'a partner cannot reassign');
    // Another Emmen request that was not referred: 403 for the partner.
    const other = await askQuestion(t.ctx(owner), { ...askFields(), idempotencyKey: newKey(), topic: 'anders', urgency: 'normal', contactPreference: 'email', municipality: 'emmen' } as never, []);
    assert.equal((await partner.get(`/beheer/hulpvragen/${other.request.id}`)).status, 403);
    assert.doesNotMatch(await (await partner.get('/beheer/hulpvragen?weergave=all')).text(), new RegExp(other.request.caseNumber));
    // The entrepreneur sees that it was referred, but not the note meant for the partner.
    const mine = await (await ownerClient.get(`/mijn/hulpvragen/${requestId}`)).text();
    assert.match(mine, /doorverwezen naar IBDO/);
    assert.doesNotMatch(mine, /Graag kijken naar een lening/);
  });

  test('closing with an outcome mails the entrepreneur; a reply to a closed request is refused; reopen works', async () => {
    let res = await bramClient.postForm(`/beheer/hulpvragen/${requestId}/status`, { status: 'closed', outcome: 'referred', statusNote: 'IBDO helpt verder.' });
    assert.equal(res.status, 303);
    let r = await row();
    assert.equal(r.status, 'closed');
    assert.equal(r.outcome, 'referred');
    assert.ok(r.closed_at);
    assert.match((await outboxTo(t.db, 'olga@example.org')).at(-1)!.subject, /is afgerond/);
    res = await ownerClient.postForm(`/mijn/hulpvragen/${requestId}/reageren`, { message: 'Nog een vraag' });
    assert.equal(res.status, 409);
    assert.match(await res.text(), /afgerond/);
    res = await bramClient.postForm(`/beheer/hulpvragen/${requestId}/bericht`, { message: 'Nog iets' });
    assert.equal(res.status, 409, 'no messages on a closed request');
    res = await bramClient.postForm(`/beheer/hulpvragen/${requestId}/status`, { status: 'in_progress', statusNote: 'Toch nog een vervolgvraag' });
    assert.equal(res.status, 303);
    r = await row();
    assert.equal(r.status, 'in_progress');
    assert.equal(r.outcome, null);
    assert.ok((await events()).some((e) => e.kind === 'reopened'));
    res = await bramClient.postForm(`/beheer/hulpvragen/${requestId}/status`, { status: 'closed', outcome: 'answered' });
    assert.equal(res.status, 303);
  });

  test('the entrepreneur rates the help once, 1 to 5', async () => {
    assert.match(await (await ownerClient.get(`/mijn/hulpvragen/${requestId}`)).text(), /Hoe tevreden bent u/);
    assert.equal((await ownerClient.postForm(`/mijn/hulpvragen/${requestId}/beoordelen`, { score: '6' })).status, 422);
    assert.equal((await ownerClient.postForm(`/mijn/hulpvragen/${requestId}/beoordelen`, { score: '4' })).status, 303);
    assert.equal((await row()).satisfaction, 4);
    assert.equal((await ownerClient.postForm(`/mijn/hulpvragen/${requestId}/beoordelen`, { score: '5' })).status, 409);
    assert.equal((await row()).satisfaction, 4);
    assert.match(await (await ownerClient.get(`/mijn/hulpvragen/${requestId}`)).text(), /een 4 van 5/);
  });

  test('withdrawing: closed with outcome "withdrawn", no rating asked', async () => {
    const r = await askQuestion(t.ctx(owner), { ...askFields(), idempotencyKey: newKey(), topic: 'impact-meten', urgency: 'low', contactPreference: 'email', municipality: 'emmen' } as never, []);
    const res = await ownerClient.postForm(`/mijn/hulpvragen/${r.request.id}/intrekken`, { reason: 'Al opgelost' });
    assert.equal(res.status, 303);
    const stored = await row(r.request.id);
    assert.equal(stored.status, 'closed');
    assert.equal(stored.outcome, 'withdrawn');
    assert.doesNotMatch(await (await ownerClient.get(`/mijn/hulpvragen/${r.request.id}`)).text(), /Hoe tevreden bent u/);
    assert.equal((await ownerClient.postForm(`/mijn/hulpvragen/${r.request.id}/intrekken`, {})).status, 409);
  });

  test('someone else’s request is not found in "Mijn hulpvragen"', async () => {
    const stranger = await createUser(t.db, { roles: ['entrepreneur'] });
    const client = new TestClient(t.app);
    await loginAs(t.db, client, stranger, t.clock.now());
    assert.equal((await client.get(`/mijn/hulpvragen/${requestId}`)).status, 404);
    assert.equal((await client.postForm(`/mijn/hulpvragen/${requestId}/reageren`, { message: 'hallo' })).status, 404);
    assert.doesNotMatch(await (await client.get('/mijn/hulpvragen')).text(), /HV-2026-00001/);
  });
});
