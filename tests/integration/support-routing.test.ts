import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { askQuestion } from '../../src/features/support/support.ask.service.ts';
import { TestClient } from '../helpers/client.ts';
import { createUser, loginAs } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import { askFields, auditRows, confirmPathIn, multipart, newKey, outboxTo, seedSupportDesk } from './support.helpers.ts';

const ask = (t: TestContext, actor: Parameters<TestContext['ctx']>[0], topic: string, municipality = 'emmen') =>
  askQuestion(t.ctx(actor), { ...askFields(), idempotencyKey: newKey(), topic, urgency: 'normal', contactPreference: 'email', municipality } as never, []);

describe('routing rules, stand-ins and the coordinator’s routing page', () => {
  let t: TestContext;
  let desk: Awaited<ReturnType<typeof seedSupportDesk>>;
  let coordinator: TestClient;
  let entrepreneur: Awaited<ReturnType<typeof createUser>>;

  before(async () => {
    t = await createTestContext({ now: '2026-11-30T09:00:00.000Z' });
    desk = await seedSupportDesk(t.db);
    coordinator = new TestClient(t.app);
    await loginAs(t.db, coordinator, desk.coordinator, t.clock.now());
    entrepreneur = await createUser(t.db, { roles: ['entrepreneur'] });
  });
  after(async () => {
    await t.close();
  });

  test('a municipality without rules or default: the request goes to a coordinator, as "new" (unassigned)', async () => {
    const r = await ask(t, entrepreneur, 'anders', 'hoogeveen');
    assert.equal(r.request.status, 'new');
    assert.equal(r.request.assigneeUserId, desk.coordinator.id);
    assert.match(r.promise!.ownerName, /Coco/);
    // An account manager of Hoogeveen finds it under "not yet assigned" and picks it up, no reason needed.
    const henk = await createUser(t.db, { name: 'Henk Hoogeveen', roles: [{ role: 'account_manager', municipality: 'hoogeveen' }] });
    const client = new TestClient(t.app);
    await loginAs(t.db, client, henk, t.clock.now());
    assert.match(await (await client.get('/beheer/hulpvragen?weergave=unassigned')).text(), new RegExp(r.request.caseNumber));
    assert.equal((await client.postForm(`/beheer/hulpvragen/${r.request.id}/toewijzen`, { assignee: henk.id, reason: '' })).status, 303);
    const row = (await t.db.$client.query('select status, assignee_user_id from support_requests where id = $1', [r.request.id])).rows[0];
    assert.deepEqual(row, { status: 'assigned', assignee_user_id: henk.id });
    assert.doesNotMatch(await (await client.get('/beheer/hulpvragen?weergave=unassigned')).text(), new RegExp(r.request.caseNumber));
  });

  test('the coordinator sets a team with round robin for Emmen; requests take turns', async () => {
    const page = await coordinator.get('/beheer/hulpvragen/routering/emmen');
    assert.equal(page.status, 200);
    const res = await coordinator.postForm('/beheer/hulpvragen/routering/emmen', {
      defaultUser: desk.anna.id,
      responseDays: '5',
      'kind-impact-meten': 'team',
      'team-impact-meten': [desk.anna.id, desk.bram.id],
      'strategy-impact-meten': 'round_robin',
      'kind-financiering': 'partner',
      'partner-financiering': desk.ibdo.id,
    });
    assert.equal(res.status, 303);
    assert.equal((await auditRows(t.db, 'support_routing.updated')).length, 1);
    const owners = [];
    for (let n = 0; n < 3; n++) owners.push((await ask(t, entrepreneur, 'impact-meten')).request.assigneeUserId);
    assert.deepEqual(owners, [desk.anna.id, desk.bram.id, desk.anna.id]);
    const r = await ask(t, entrepreneur, 'vergunningen-en-regels');
    assert.equal(r.request.assigneeUserId, desk.anna.id, 'the old permits rule was replaced: default');
    assert.equal(r.promise!.workingDays, 5);
  });

  test('the routing form refuses people from another municipality and nonsense, and keeps what was typed', async () => {
    const res = await coordinator.postForm('/beheer/hulpvragen/routering/emmen', {
      defaultUser: desk.cora.id,
      responseDays: '0',
      'kind-anders': 'user',
      'user-anders': desk.cora.id,
      'kind-impact-meten': 'team',
    });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /Kies een accountmanager van deze gemeente/);
    assert.match(html, /Kies een aantal werkdagen van 1 tot en met 20/);
    assert.match(html, /Kies een of meer accountmanagers/);
    assert.equal((await auditRows(t.db, 'support_routing.updated')).length, 1, 'nothing saved');
    assert.equal((await coordinator.get('/beheer/hulpvragen/routering/atlantis')).status, 404);
    const am = new TestClient(t.app);
    await loginAs(t.db, am, desk.anna, t.clock.now());
    assert.equal((await am.get('/beheer/hulpvragen/routering')).status, 403);
  });

  test('an absent account manager’s stand-in gets their new requests, between the dates', async () => {
    const anna = new TestClient(t.app);
    await loginAs(t.db, anna, desk.anna, t.clock.now());
    assert.match(await (await anna.get('/beheer/hulpvragen/vervanging')).text(), /geen vervanging/);
    assert.equal((await anna.postForm('/beheer/hulpvragen/vervanging', { standIn: desk.cora.id, from: '2026-12-01', until: '2026-12-04' })).status, 422, 'Cora is not in Emmen');
    assert.equal((await anna.postForm('/beheer/hulpvragen/vervanging', { standIn: desk.bram.id, from: '2026-12-04', until: '2026-12-01' })).status, 422, 'until before from');
    assert.equal((await anna.postForm('/beheer/hulpvragen/vervanging', { standIn: desk.bram.id, from: '2026-12-01', until: '2026-12-04' })).status, 303);
    assert.equal((await ask(t, entrepreneur, 'anders')).request.assigneeUserId, desk.anna.id, 'before her absence');
    t.clock.set('2026-12-02T09:00:00.000Z');
    const during = await ask(t, entrepreneur, 'anders');
    assert.equal(during.request.assigneeUserId, desk.bram.id, 'during her absence');
    const routed = (await t.db.$client.query("select details from support_events where request_id = $1 and kind = 'routed'", [during.request.id])).rows[0].details;
    assert.equal(routed.standInFor, desk.anna.id);
    t.clock.set('2026-12-07T09:00:00.000Z');
    assert.equal((await ask(t, entrepreneur, 'anders')).request.assigneeUserId, desk.anna.id, 'after');
    assert.equal((await anna.postForm('/beheer/hulpvragen/vervanging/verwijderen', {})).status, 303);
    assert.match(await (await anna.get('/beheer/hulpvragen/vervanging')).text(), /geen vervanging/);
  });
});

describe('a visitor’s requests in "Mijn hulpvragen" after signing up with the same email', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext({ now: '2026-11-30T09:00:00.000Z' });
    await seedSupportDesk(t.db);
  });
  after(async () => {
    await t.close();
  });

  test('confirmed visitor requests are attached to the account with that verified email', async () => {
    const visitor = new TestClient(t.app);
    await visitor.postMultipart('/hulp-vragen', multipart(askFields({ email: 'Wim@Example.org', name: 'Wim Bezoeker' })));
    await visitor.get(confirmPathIn((await outboxTo(t.db, 'wim@example.org'))[0].text_body));
    const unverified = await createUser(t.db, { email: 'wim@example.org', verified: false });
    const c1 = new TestClient(t.app);
    await loginAs(t.db, c1, unverified, t.clock.now());
    assert.doesNotMatch(await (await c1.get('/mijn/hulpvragen')).text(), /HV-2026-00001/, 'not before the email is verified');
    await t.db.$client.query('update users set email_verified_at = now() where id = $1', [unverified.id]);
    const mine = await (await c1.get('/mijn/hulpvragen')).text();
    assert.match(mine, /HV-2026-00001/);
    const id = (await t.db.$client.query('select id, requester_user_id from support_requests')).rows[0];
    assert.equal(id.requester_user_id, unverified.id);
  });
});
