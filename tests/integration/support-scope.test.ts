import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { askQuestion } from '../../src/features/support/support.ask.service.ts';
import { getRequestForStaff, listRequestsForStaff, requestsOfOrganisation } from '../../src/features/support/support.service.ts';
import { TestClient } from '../helpers/client.ts';
import { createOrganisation, createUser, loginAs } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import { askFields, auditRows, multipart, newKey, pdf, seedSupportDesk } from './support.helpers.ts';

describe('scope isolation between municipalities', () => {
  let t: TestContext;
  let desk: Awaited<ReturnType<typeof seedSupportDesk>>;
  let coevordenId: string;
  let attachmentId: string;
  let orgId: string;
  let emmen: TestClient;

  before(async () => {
    t = await createTestContext({ now: '2026-11-30T09:00:00.000Z' });
    desk = await seedSupportDesk(t.db);
    const owner = await createUser(t.db, { name: 'Geheime Ondernemer', roles: ['entrepreneur'] });
    orgId = (await createOrganisation(t.db, { name: 'Coevorden Geheim BV', municipalitySlug: 'coevorden', ownerId: owner.id })).id;
    const client = new TestClient(t.app);
    await loginAs(t.db, client, owner, t.clock.now());
    const fields = askFields({ organisationId: orgId, description: 'Vertrouwelijke vraag over onze schulden en plannen.' });
    delete (fields as Record<string, string>).name;
    delete (fields as Record<string, string>).email;
    assert.equal((await client.postMultipart('/hulp-vragen', multipart(fields, [{ name: 'jaarcijfers.pdf', bytes: pdf() }]))).status, 200);
    const row = (await t.db.$client.query('select id from support_requests')).rows[0];
    coevordenId = row.id;
    attachmentId = (await t.db.$client.query('select id from support_attachments where request_id = $1', [coevordenId])).rows[0].id;
    emmen = new TestClient(t.app);
    await loginAs(t.db, emmen, desk.anna, t.clock.now());
  });
  after(async () => {
    await t.close();
  });

  test('an Emmen account manager opening a Coevorden request by URL gets 403, no data, and an audit entry', async () => {
    const res = await emmen.get(`/beheer/hulpvragen/${coevordenId}`);
    assert.equal(res.status, 403);
    const html = await res.text();
    for (const secret of ['Vertrouwelijke vraag', 'Geheime Ondernemer', 'Coevorden Geheim BV', 'HV-2026-00001']) assert.doesNotMatch(html, new RegExp(secret));
    const denied = await auditRows(t.db, 'support_request.access_denied');
    assert.equal(denied.length, 1);
    assert.equal(denied[0].actor_user_id, desk.anna.id);
    assert.equal(denied[0].subject_id, coevordenId);
    assert.equal((await auditRows(t.db, 'support_request.read')).length, 0, 'no read happened');
  });

  test('every action and the attachment are refused the same way, and change nothing', async () => {
    const before = (await t.db.$client.query('select status, updated_at from support_requests where id = $1', [coevordenId])).rows[0];
    const attempts: Array<[string, Promise<Response>]> = [
      ['attachment', emmen.get(`/beheer/hulpvragen/${coevordenId}/bijlagen/${attachmentId}`)],
      ['message', emmen.postForm(`/beheer/hulpvragen/${coevordenId}/bericht`, { message: 'Hallo' })],
      ['note', emmen.postForm(`/beheer/hulpvragen/${coevordenId}/notitie`, { note: 'Hallo' })],
      ['status', emmen.postForm(`/beheer/hulpvragen/${coevordenId}/status`, { status: 'in_progress' })],
      ['assign', emmen.postForm(`/beheer/hulpvragen/${coevordenId}/toewijzen`, { assignee: desk.anna.id, reason: 'x' })],
      ['refer', emmen.postForm(`/beheer/hulpvragen/${coevordenId}/doorverwijzen`, { partner: desk.ibdo.id, referNote: 'x' })],
    ];
    for (const [what, p] of attempts) {
      const res = await p;
      assert.equal(res.status, 403, what);
      assert.doesNotMatch(await res.text(), /Vertrouwelijke|%PDF/, what);
    }
    const after = (await t.db.$client.query('select status, updated_at from support_requests where id = $1', [coevordenId])).rows[0];
    assert.deepEqual(after, before);
    assert.equal((await t.db.$client.query("select count(*)::int n from support_events where request_id = $1 and kind in ('note','message_to_requester')", [coevordenId])).rows[0].n, 0);
    assert.ok((await auditRows(t.db, 'support_request.access_denied')).length >= 7);
  });

  test('lists and the service never show another municipality’s requests', async () => {
    for (const view of ['mine', 'unassigned', 'overdue', 'all']) {
      assert.doesNotMatch(await (await emmen.get(`/beheer/hulpvragen?weergave=${view}`)).text(), /HV-2026-00001/, view);
    }
    assert.doesNotMatch(await (await emmen.get('/beheer/hulpvragen?weergave=all&gemeente=coevorden')).text(), /HV-2026-00001/);
    const listed = await listRequestsForStaff(t.ctx(desk.anna), { view: 'all', municipality: 'coevorden' }, 1);
    assert.equal(listed.total, 0);
    assert.deepEqual(await requestsOfOrganisation(t.ctx(desk.anna), orgId), []);
    await assert.rejects(getRequestForStaff(t.ctx(desk.anna), coevordenId), (e: Error & { code?: string }) => e.code === 'forbidden');
  });

  test('the Coevorden account manager and the coordinator see it; downloads are attachments with nosniff', async () => {
    const cora = new TestClient(t.app);
    await loginAs(t.db, cora, desk.cora, t.clock.now());
    const page = await cora.get(`/beheer/hulpvragen/${coevordenId}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Vertrouwelijke vraag/);
    const file = await cora.get(`/beheer/hulpvragen/${coevordenId}/bijlagen/${attachmentId}`);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    assert.match(file.headers.get('content-disposition') ?? '', /^attachment; filename="jaarcijfers\.pdf"/);
    assert.equal((await auditRows(t.db, 'support_request.attachment_read')).length, 1, 'the download is audited');
    assert.equal((await requestsOfOrganisation(t.ctx(desk.cora), orgId)).length, 1);
    assert.equal((await listRequestsForStaff(t.ctx(desk.coordinator), { view: 'all' }, 1)).total, 1);
  });

  test('staff without a support role, and entrepreneurs, cannot open the inbox', async () => {
    const buyer = await createUser(t.db, { roles: [{ role: 'procurement_officer', municipality: 'coevorden' }] });
    const client = new TestClient(t.app);
    await loginAs(t.db, client, buyer, t.clock.now());
    assert.equal((await client.get('/beheer/hulpvragen')).status, 403);
    assert.equal((await client.get(`/beheer/hulpvragen/${coevordenId}`)).status, 403);
  });

  test('a request becomes visible to an account manager as soon as it is in their municipality (not by owner)', async () => {
    const owner = await createUser(t.db, { roles: ['entrepreneur'] });
    const r = await askQuestion(t.ctx(owner), { ...askFields(), idempotencyKey: newKey(), topic: 'anders', urgency: 'normal', contactPreference: 'email', municipality: 'emmen' } as never, []);
    assert.equal((await emmen.get(`/beheer/hulpvragen/${r.request.id}`)).status, 200);
    const cora = new TestClient(t.app);
    await loginAs(t.db, cora, desk.cora, t.clock.now());
    assert.equal((await cora.get(`/beheer/hulpvragen/${r.request.id}`)).status, 403);
  });
});
