import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../../src/data/reference.ts';
import { createApiToken } from '../../src/features/api-tokens/api-tokens.service.ts';
import { TestClient } from '../helpers/client.ts';
import { createOrganisation, createUser, loginAs } from '../helpers/factories.ts';
import { insertAttachment, insertSupportEvent, insertSupportRequest } from '../helpers/support-data.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

/** The staff API /api/v1/hulpvragen: Bearer only, scope, audit, paging, workflow, problem+json. */
describe('staff API for support requests', () => {
  let t: TestContext;
  let emmenUser: Awaited<ReturnType<typeof createUser>>;
  let emmenToken: string;
  let emmenRequest: Awaited<ReturnType<typeof insertSupportRequest>>;
  let coevordenRequest: Awaited<ReturnType<typeof insertSupportRequest>>;

  const q = async (sqlText: string, params: unknown[] = []) => (await t.db.$client.query(sqlText, params)).rows;
  const api = (path: string, token: string | null, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    return t.app.request(path, { ...init, headers });
  };
  const patch = (path: string, token: string | null, body: unknown, extra: Record<string, string> = {}) =>
    api(path, token, { method: 'PATCH', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...extra } });

  async function tokenFor(roles: Array<Role | { role: Role; municipality?: string }>) {
    const user = await createUser(t.db, { roles });
    const { token } = await createApiToken(t.ctx(user), { name: 'Test', validDays: '30' });
    return { user, token };
  }

  before(async () => {
    t = await createTestContext();
    ({ user: emmenUser, token: emmenToken } = await tokenFor([{ role: 'account_manager', municipality: 'emmen' }]));
    emmenRequest = await insertSupportRequest(t.db, {
      municipalitySlug: 'emmen',
      caseNumber: 'HV-2026-00001',
      assigneeUserId: emmenUser.id,
      description: 'Wij zoeken een startkapitaal voor de werkplaats.',
      createdAt: new Date('2026-11-20T09:00:00Z'),
    });
    await insertSupportEvent(t.db, { requestId: emmenRequest.id, at: new Date('2026-11-20T09:00:00Z'), kind: 'note', actorUserId: emmenUser.id, body: 'Interne notitie: eerst bellen.' });
    await insertAttachment(t.db, emmenRequest.id, 'begroting.pdf');
    const coevordenUser = await createUser(t.db, { roles: [{ role: 'account_manager', municipality: 'coevorden' }] });
    coevordenRequest = await insertSupportRequest(t.db, {
      municipalitySlug: 'coevorden',
      caseNumber: 'HV-2026-00002',
      assigneeUserId: coevordenUser.id,
      description: 'Geheime vraag uit Coevorden over een pand.',
      requesterName: 'Corrie Coevorden',
    });
    // 30 more in Emmen for paging.
    for (let n = 0; n < 30; n++) {
      await insertSupportRequest(t.db, { municipalitySlug: 'emmen', assigneeUserId: emmenUser.id, createdAt: new Date(Date.UTC(2026, 9, 1 + n, 9)) });
    }
  });
  after(async () => {
    await t.close();
  });

  test('without a Bearer token: 401 problem+json with WWW-Authenticate; a session cookie alone is not accepted', async () => {
    const res = await api('/api/v1/hulpvragen', null);
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="impactregio"');
    assert.equal(res.headers.get('api-version'), '1.0.0');
    const body = await res.json();
    assert.equal(body.status, 401);

    const browser = new TestClient(t.app);
    await loginAs(t.db, browser, emmenUser, t.clock.now());
    assert.equal((await browser.get('/api/v1/hulpvragen')).status, 401, 'the session cookie does not authenticate the API');
    const res2 = await browser.request(`/api/v1/hulpvragen/${emmenRequest.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'in_progress' }), headers: { 'content-type': 'application/json' } });
    assert.equal(res2.status, 401);
    assert.equal((await q('select status from support_requests where id = $1', [emmenRequest.id]))[0].status, 'assigned');

    const bad = await api('/api/v1/hulpvragen', `irt_${'x'.repeat(43)}`);
    assert.equal(bad.status, 401);
    assert.match(bad.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
  });

  test('the list holds only requests in scope, 25 a page, with Link, X-Total-Count, API-Version and no-store', async () => {
    const res = await api('/api/v1/hulpvragen', emmenToken);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('api-version'), '1.0.0');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('x-total-count'), '31');
    const body = await res.json();
    assert.equal(body.items.length, 25);
    assert.equal(body.total, 31);
    assert.ok(body.items.every((r: { municipality: { slug: string } }) => r.municipality.slug === 'emmen'));
    assert.ok(!JSON.stringify(body).includes('HV-2026-00002'));
    assert.equal(body.items[0].caseNumber, 'HV-2026-00001', 'newest first');
    const linkHeader = res.headers.get('link') ?? '';
    assert.match(linkHeader, /<http:\/\/localhost:3000\/api\/v1\/hulpvragen\?page=2>; rel="next"/);
    assert.match(linkHeader, /rel="last"/);
    const page2 = await (await api('/api/v1/hulpvragen?page=2', emmenToken)).json();
    assert.equal(page2.items.length, 6);
    assert.ok(page2._links.prev);
    assert.ok(!page2._links.next);

    const filtered = await (await api('/api/v1/hulpvragen?status=assigned&onderwerp=financiering&gemeente=emmen', emmenToken)).json();
    assert.equal(filtered.total, 31);
    const none = await (await api('/api/v1/hulpvragen?status=closed', emmenToken)).json();
    assert.equal(none.total, 0);
  });

  test('bad filters: 400 problem+json naming the parameter', async () => {
    const res = await api('/api/v1/hulpvragen?status=gesloten&gemeente=atlantis&page=0', emmenToken);
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    const body = await res.json();
    const names = body.invalidParams.map((p: { name: string }) => p.name).sort();
    assert.deepEqual(names, ['gemeente', 'page', 'status']);
  });

  test('reading one request: the whole request with timeline and attachments; the read is audited', async () => {
    const res = await api(`/api/v1/hulpvragen/${emmenRequest.id}`, emmenToken);
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.caseNumber, 'HV-2026-00001');
    assert.equal(body.description, 'Wij zoeken een startkapitaal voor de werkplaats.');
    assert.ok(body.timeline.some((e: { body: string }) => e.body === 'Interne notitie: eerst bellen.'));
    assert.deepEqual(body.allowedTransitions, ['in_progress', 'referred', 'closed']);
    assert.equal(body.attachments.length, 1);
    const download = await api(new URL(body.attachments[0]._links.download.href).pathname, emmenToken);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    assert.match(download.headers.get('content-disposition') ?? '', /attachment; filename="begroting.pdf"/);
    const reads = await q(`select action from audit_log where subject_id = $1 and actor_user_id = $2 order by id`, [emmenRequest.id, emmenUser.id]);
    assert.deepEqual(reads.map((r) => r.action), ['support_request.read', 'support_request.attachment_read']);
    assert.equal((await api('/api/v1/hulpvragen/00000000-0000-0000-0000-000000000000', emmenToken)).status, 404);
    assert.equal((await api('/api/v1/hulpvragen/geen-id', emmenToken)).status, 404);
  });

  test('an Emmen account manager asking for a Coevorden request: 403, audited, no data', async () => {
    const paths = [`/api/v1/hulpvragen/${coevordenRequest.id}`];
    const attachment = await insertAttachment(t.db, coevordenRequest.id, 'pand.pdf');
    paths.push(`/api/v1/hulpvragen/${coevordenRequest.id}/bijlagen/${attachment.id}`);
    for (const path of paths) {
      const res = await api(path, emmenToken);
      assert.equal(res.status, 403, path);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      const text = await res.text();
      for (const secret of ['HV-2026-00002', 'Geheime vraag', 'Corrie', 'pand.pdf']) assert.ok(!text.includes(secret), `${path} leaks ${secret}`);
    }
    const change = await patch(`/api/v1/hulpvragen/${coevordenRequest.id}`, emmenToken, { status: 'in_progress' });
    assert.equal(change.status, 403);
    assert.equal((await q('select status from support_requests where id = $1', [coevordenRequest.id]))[0].status, 'assigned');
    const denied = await q(`select details from audit_log where action = 'support_request.access_denied' and subject_id = $1 and actor_user_id = $2`, [coevordenRequest.id, emmenUser.id]);
    assert.equal(denied.length, 3);
    const list = await api('/api/v1/hulpvragen?gemeente=coevorden', emmenToken);
    assert.equal(list.status, 403);
    assert.ok(!(await list.text()).includes('HV-2026-00002'));
    assert.equal((await q(`select count(*)::int as n from audit_log where action = 'support_request.list_denied' and actor_user_id = $1`, [emmenUser.id]))[0].n, 1);
  });

  test('changing the status follows the workflow: a skipped step is 409 and changes nothing; bad bodies are 400', async () => {
    const target = await insertSupportRequest(t.db, { municipalitySlug: 'emmen', assigneeUserId: emmenUser.id, caseNumber: 'HV-2026-00003' });
    const path = `/api/v1/hulpvragen/${target.id}`;
    const skip = await patch(path, emmenToken, { status: 'waiting' });
    assert.equal(skip.status, 409);
    assert.equal(skip.headers.get('content-type'), 'application/problem+json');
    assert.equal((await q('select status from support_requests where id = $1', [target.id]))[0].status, 'assigned');

    for (const body of [{}, { status: 'gesloten' }, { status: 'closed', outcome: 'misschien' }, { status: 'in_progress', extra: 1 }, { status: 'in_progress', note: 'x'.repeat(5001) }]) {
      const res = await patch(path, emmenToken, body);
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 60));
    }
    const notJson = await api(path, emmenToken, { method: 'PATCH', body: 'status=closed', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.ok([400, 415].includes(notJson.status), `form body: ${notJson.status}`);
    const broken = await api(path, emmenToken, { method: 'PATCH', body: '{"status":', headers: { 'content-type': 'application/json' } });
    assert.equal(broken.status, 400);
    assert.equal((await q('select status from support_requests where id = $1', [target.id]))[0].status, 'assigned');

    const ok = await patch(path, emmenToken, { status: 'in_progress', note: 'Opgepakt via het zaaksysteem.' });
    assert.equal(ok.status, 200);
    const body = await ok.json();
    assert.equal(body.status, 'in_progress');
    assert.deepEqual(body.allowedTransitions, ['waiting', 'referred', 'closed']);
    const closed = await patch(path, emmenToken, { status: 'closed', outcome: 'answered' }, { 'content-type': 'application/merge-patch+json' });
    assert.equal(closed.status, 200);
    assert.equal((await closed.json()).outcome, 'answered');
    const audits = await q(`select details from audit_log where action = 'support_request.status_changed' and subject_id = $1 order by id`, [target.id]);
    assert.deepEqual(audits.map((a) => a.details.to), ['in_progress', 'closed']);
  });

  test('a token whose owner has no support role gets 403; a procurement officer cannot use the support API', async () => {
    const { token } = await tokenFor([{ role: 'procurement_officer', municipality: 'emmen' }]);
    const res = await api('/api/v1/hulpvragen', token);
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
  });

  test('a partner sees only what was referred to its organisation, without the municipality’s internal notes', async () => {
    const { user, token } = await tokenFor(['partner']);
    const partnerOrg = await createOrganisation(t.db, { name: 'Ik Ben Drents Ondernemer', isPartner: true, ownerId: user.id });
    const referred = await insertSupportRequest(t.db, { municipalitySlug: 'coevorden', status: 'referred', partnerOrganisationId: partnerOrg.id, assigneeUserId: null, caseNumber: 'HV-2026-00077' });
    await insertSupportEvent(t.db, { requestId: referred.id, at: t.clock.now(), kind: 'note', actorUserId: emmenUser.id, body: 'Alleen voor de gemeente.' });
    const list = await (await api('/api/v1/hulpvragen', token)).json();
    assert.deepEqual(list.items.map((r: { caseNumber: string }) => r.caseNumber), ['HV-2026-00077']);
    const detail = await api(`/api/v1/hulpvragen/${referred.id}`, token);
    assert.equal(detail.status, 200);
    assert.ok(!(await detail.text()).includes('Alleen voor de gemeente.'));
    assert.equal((await api(`/api/v1/hulpvragen/${emmenRequest.id}`, token)).status, 403);
  });

  test('the coordinator sees every municipality; the OpenAPI document describes the API and its Bearer security', async () => {
    const { token } = await tokenFor(['coordinator']);
    const body = await (await api('/api/v1/hulpvragen?gemeente=coevorden', token)).json();
    assert.ok(body.total >= 1);
    assert.ok(body.items.some((r: { caseNumber: string }) => r.caseNumber === 'HV-2026-00002'));
    assert.ok(body.items.every((r: { municipality: { slug: string } }) => r.municipality.slug === 'coevorden'));
    const doc = await (await t.app.request('/api/v1/openapi.json')).json();
    assert.ok(doc.paths['/api/v1/hulpvragen'].get);
    assert.ok(doc.paths['/api/v1/hulpvragen/{id}'].get);
    assert.ok(doc.paths['/api/v1/hulpvragen/{id}'].patch);
    assert.ok(doc.paths['/api/v1/hulpvragen/{id}/bijlagen/{bijlageId}'].get);
    assert.deepEqual(doc.components.securitySchemes.persoonlijkeApiSleutel, {
      type: 'http',
      scheme: 'bearer',
      description: doc.components.securitySchemes.persoonlijkeApiSleutel.description,
    });
    assert.deepEqual(doc.paths['/api/v1/hulpvragen'].get.security, [{ persoonlijkeApiSleutel: [] }]);
    assert.deepEqual(doc.paths['/api/v1/ondernemers'].get.security ?? doc.security, [], 'the open data API stays open');
  });
});
