import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../src/features/api-tokens/api-tokens.service.ts';
import { TestClient } from '../helpers/client.ts';
import { createOrganisation, createUser, loginAs } from '../helpers/factories.ts';
import { insertAttachment, insertSupportEvent, insertSupportRequest } from '../helpers/support-data.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

/**
 * Scope isolation of the support desk and the relationship view, route by route (helper E; the support desk's own
 * service-level isolation tests are in support-scope.test.ts): an account manager of Emmen tries every staff route
 * and API endpoint on a request and an organisation of Coevorden. The routes are read from the app itself; a route
 * under /beheer/hulpvragen, /beheer/organisaties or /api/v1/hulpvragen that is not in CASES fails the test, so a new
 * route cannot skip this check.
 *
 * The stance (the same everywhere): anything that names one request or organisation of another municipality is
 * 403 (not hidden as 404: the refusal is what gets audited), with an audit entry, nothing of the request in the
 * body, and nothing changed. Lists filtered on another municipality show nothing of it.
 */
type Fixture = {
  requestId: string;
  attachmentId: string;
  orgSlug: string;
  emmenColleagueId: string;
  partnerOrgId: string;
  coevordenAmId: string;
};

type Case =
  /** Names the Coevorden request or organisation: 403, audited, no data, no change. */
  | { kind: 'scoped'; body?: (f: Fixture) => Record<string, string>; json?: unknown; query?: string }
  /** A list filtered on Coevorden: nothing of Coevorden in the answer (403 + audit where the route refuses the filter). */
  | { kind: 'list'; query: string; refuses: boolean }
  /** A tool an account manager's role does not open at all: 403 by role (nothing municipal to audit). */
  | { kind: 'role'; body?: (f: Fixture) => Record<string, string> }
  /**
   * About the caller's own settings, never another municipality's data: answers `status`, shows nothing of
   * Coevorden (not its request, not its staff or their stand-ins) and leaves Coevorden's settings alone.
   */
  | { kind: 'own'; reason: string; status: number; body?: (f: Fixture) => Record<string, string> };

const CASES: Record<string, Case> = {
  // The inbox and one request (helper D).
  'GET /beheer/hulpvragen': { kind: 'list', query: '?gemeente=coevorden&weergave=all', refuses: false },
  'GET /beheer/hulpvragen/:id': { kind: 'scoped' },
  'POST /beheer/hulpvragen/:id/bericht': { kind: 'scoped', body: () => ({ message: 'Poging van buiten de gemeente.' }) },
  'POST /beheer/hulpvragen/:id/notitie': { kind: 'scoped', body: () => ({ note: 'Poging van buiten de gemeente.' }) },
  'POST /beheer/hulpvragen/:id/status': { kind: 'scoped', body: () => ({ status: 'in_progress' }) },
  'POST /beheer/hulpvragen/:id/toewijzen': { kind: 'scoped', body: (f) => ({ assignee: f.emmenColleagueId, reason: 'Poging' }) },
  'POST /beheer/hulpvragen/:id/doorverwijzen': { kind: 'scoped', body: (f) => ({ partner: f.partnerOrgId, referNote: 'Poging' }) },
  'GET /beheer/hulpvragen/:id/bijlagen/:attachmentId': { kind: 'scoped' },
  // Routing rules are the coordinator's; stand-ins are the account manager's own absence.
  'GET /beheer/hulpvragen/routering': { kind: 'role' },
  'GET /beheer/hulpvragen/routering/:slug': { kind: 'role' },
  'POST /beheer/hulpvragen/routering/:slug': { kind: 'role', body: () => ({}) },
  'GET /beheer/hulpvragen/vervanging': { kind: 'own', reason: 'the caller’s own absence and stand-in', status: 200 },
  // A Coevorden account manager is no valid stand-in for an Emmen one (scope is by municipality): refused, nothing saved.
  'POST /beheer/hulpvragen/vervanging': { kind: 'own', reason: 'the caller’s own absence and stand-in', status: 422, body: (f) => ({ standIn: f.coevordenAmId, from: '2026-12-01' }) },
  // Clears only the caller's own absence: the Coevorden colleague's stays.
  'POST /beheer/hulpvragen/vervanging/verwijderen': { kind: 'own', reason: 'the caller’s own absence and stand-in', status: 303 },
  // Reports (helper E).
  'GET /beheer/hulpvragen/rapportage': { kind: 'list', query: '?gemeente=coevorden', refuses: true },
  'GET /beheer/hulpvragen/rapportage.csv': { kind: 'list', query: '?gemeente=coevorden', refuses: true },
  // Relationship view (helper E).
  'GET /beheer/organisaties': { kind: 'list', query: '?gemeente=coevorden', refuses: true },
  'GET /beheer/organisaties/:slug': { kind: 'scoped' },
  'POST /beheer/organisaties/:slug/contactmomenten': { kind: 'scoped', body: () => ({ kind: 'phone', happenedOn: '2026-11-27', note: 'Poging' }) },
  // Staff API (helper E).
  'GET /api/v1/hulpvragen': { kind: 'list', query: '?gemeente=coevorden', refuses: true },
  'GET /api/v1/hulpvragen/:id': { kind: 'scoped' },
  'PATCH /api/v1/hulpvragen/:id': { kind: 'scoped', json: { status: 'in_progress' } },
  'GET /api/v1/hulpvragen/:id/bijlagen/:bijlageId': { kind: 'scoped' },
};

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const PREFIX = /^\/(beheer\/hulpvragen|beheer\/organisaties|api\/v1\/hulpvragen)(\/|$)/;

/** Words of the Coevorden request and organisation that must never reach the Emmen account manager. */
const SECRETS = ['HV-2026-09999', 'Cornelis Coevorden', 'cornelis@example.org', 'Een geheim pand aan de Kerkstraat', 'Kaasmakerij Coevorden', 'geheim-plan.pdf', 'Interne notitie Coevorden'];
/** Coevorden's staff: the Emmen account manager's own stand-in page must not offer or show them. */
const COEVORDEN_STAFF = ['Coen Coevorden-Accountmanager', 'Cees Coevorden-Vervanger'];

describe('scope isolation, route by route: an Emmen account manager tries every staff route on Coevorden', () => {
  let t: TestContext;
  let f: Fixture;
  let emmen: TestClient;
  let emmenUserId: string;
  let emmenToken: string;
  let coordinator: TestClient;

  const q = async (sqlText: string, params: unknown[] = []) => (await t.db.$client.query(sqlText, params)).rows;
  const auditCount = async () => (await q('select count(*)::int as n from audit_log where actor_user_id = $1', [emmenUserId]))[0].n as number;
  /** Everything about the Coevorden request and organisation that a refused attempt must leave alone. */
  const snapshot = async () =>
    JSON.stringify([
      await q('select status, assignee_user_id, partner_organisation_id, updated_at from support_requests where id = $1', [f.requestId]),
      await q('select count(*)::int as n from support_events where request_id = $1', [f.requestId]),
      await q('select count(*)::int as n from contact_moments'),
      await q('select count(*)::int as n from outbox'),
      await q('select user_id, stand_in_user_id, absent_from, absent_until from support_stand_ins order by user_id'),
    ]);

  const routes = () => {
    const seen = new Set<string>();
    for (const r of t.app.routes) {
      if (!METHODS.has(r.method) || r.path.includes('*') || !PREFIX.test(r.path)) continue;
      seen.add(`${r.method} ${r.path}`);
    }
    return [...seen].sort();
  };

  const fill = (pattern: string) =>
    pattern
      .replace(':id', f.requestId)
      .replace(/:attachmentId|:bijlageId/, f.attachmentId)
      .replace(/^\/beheer\/organisaties\/:slug/, `/beheer/organisaties/${f.orgSlug}`)
      .replace(/^\/beheer\/hulpvragen\/routering\/:slug/, '/beheer/hulpvragen/routering/coevorden');

  async function send(key: string, c: Case, client: TestClient): Promise<Response> {
    const [method, pattern] = key.split(' ');
    const path = fill(pattern) + ('query' in c && c.query ? c.query : '');
    if (pattern.startsWith('/api/')) {
      const headers: Record<string, string> = { authorization: `Bearer ${emmenToken}` };
      if (method === 'GET') return t.app.request(path, { headers });
      return t.app.request(path, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify('json' in c ? c.json : {}) });
    }
    if (method === 'GET') return client.get(path);
    return client.postForm(path, 'body' in c && c.body ? c.body(f) : {});
  }

  before(async () => {
    t = await createTestContext();
    const emmenUser = await createUser(t.db, { roles: [{ role: 'account_manager', municipality: 'emmen' }] });
    emmenUserId = emmenUser.id;
    emmen = new TestClient(t.app);
    await loginAs(t.db, emmen, emmenUser, t.clock.now());
    emmenToken = (await createApiToken(t.ctx(emmenUser), { name: 'Scope-test', validDays: '30' })).token;
    const colleague = await createUser(t.db, { name: 'Emma Emmen-Collega', roles: [{ role: 'account_manager', municipality: 'emmen' }] });
    const coevordenAm = await createUser(t.db, { name: COEVORDEN_STAFF[0], roles: [{ role: 'account_manager', municipality: 'coevorden' }] });
    const coevordenStandIn = await createUser(t.db, { name: COEVORDEN_STAFF[1], roles: [{ role: 'account_manager', municipality: 'coevorden' }] });
    await q(`insert into support_stand_ins (user_id, stand_in_user_id, absent_from, updated_at) values ($1, $2, '2026-11-01', now())`, [coevordenAm.id, coevordenStandIn.id]);
    const partnerOrg = await createOrganisation(t.db, { name: 'Partner Drenthe', isPartner: true, municipalitySlug: 'emmen' });
    const org = await createOrganisation(t.db, { name: 'Kaasmakerij Coevorden', municipalitySlug: 'coevorden' });
    const request = await insertSupportRequest(t.db, {
      municipalitySlug: 'coevorden',
      organisationId: org.id,
      caseNumber: 'HV-2026-09999',
      requesterName: 'Cornelis Coevorden',
      requesterEmail: 'cornelis@example.org',
      description: 'Een geheim pand aan de Kerkstraat.',
      assigneeUserId: coevordenAm.id,
    });
    await insertSupportEvent(t.db, { requestId: request.id, at: t.clock.now(), kind: 'note', actorUserId: coevordenAm.id, body: 'Interne notitie Coevorden.' });
    const attachment = await insertAttachment(t.db, request.id, 'geheim-plan.pdf');
    f = { requestId: request.id, attachmentId: attachment.id, orgSlug: org.slug, emmenColleagueId: colleague.id, partnerOrgId: partnerOrg.id, coevordenAmId: coevordenAm.id };
    const coordinatorUser = await createUser(t.db, { roles: ['coordinator'] });
    coordinator = new TestClient(t.app);
    await loginAs(t.db, coordinator, coordinatorUser, t.clock.now());
  });
  after(async () => {
    await t.close();
  });

  test('every staff route of the support desk, the relationship view and the staff API is in the table', () => {
    const found = routes();
    assert.ok(found.includes('GET /beheer/hulpvragen/:id') && found.includes('GET /api/v1/hulpvragen/:id'), `the route list is read from the app: ${found.join(', ')}`);
    const missing = found.filter((k) => !(k in CASES));
    assert.deepEqual(missing, [], 'add these routes to CASES in tests/integration/support-scope-routes.test.ts');
    const stale = Object.keys(CASES).filter((k) => !found.includes(k));
    assert.deepEqual(stale, [], 'these CASES no longer exist in the app');
  });

  test('the fixture is real: the coordinator opens the Coevorden request, attachment and organisation', async () => {
    for (const key of ['GET /beheer/hulpvragen/:id', 'GET /beheer/hulpvragen/:id/bijlagen/:attachmentId', 'GET /beheer/organisaties/:slug']) {
      const res = await coordinator.get(fill(key.split(' ')[1]));
      assert.equal(res.status, 200, key);
    }
    const html = await (await coordinator.get(`/beheer/hulpvragen/${f.requestId}`)).text();
    assert.ok(html.includes('HV-2026-09999') && html.includes('Een geheim pand'), 'the secrets are what the page would show');
  });

  for (const [key, c] of Object.entries(CASES)) {
    if (c.kind === 'own') {
      test(`${key}: only the caller’s own settings (${c.reason}), nothing of Coevorden, nothing of Coevorden changed`, async () => {
        const beforeState = await snapshot();
        const res = await send(key, c, emmen);
        assert.equal(res.status, c.status, key);
        const body = await res.text();
        for (const secret of [...SECRETS, ...COEVORDEN_STAFF]) assert.ok(!body.includes(secret), `${key} shows "${secret}" (status ${res.status})`);
        if (key.startsWith('GET ')) assert.ok(body.includes('Emma Emmen-Collega'), 'the page is the caller’s own: it offers the Emmen colleague as stand-in');
        assert.equal(await snapshot(), beforeState, `${key} changed something of Coevorden (or set a stand-in)`);
      });
      continue;
    }
    test(`${key}: ${c.kind === 'scoped' ? '403, audited, no data, no change' : c.kind === 'role' ? '403 by role, no data' : 'nothing of Coevorden in the list'}`, async () => {
      const beforeAudit = await auditCount();
      const beforeState = await snapshot();
      const res = await send(key, c, emmen);
      const body = await res.text();
      for (const secret of SECRETS) assert.ok(!body.includes(secret), `${key} shows "${secret}" (status ${res.status})`);
      assert.equal(await snapshot(), beforeState, `${key} changed something`);
      const audited = (await auditCount()) - beforeAudit;
      if (c.kind === 'scoped' || (c.kind === 'list' && c.refuses)) {
        assert.equal(res.status, 403, `${key} answers 403`);
        assert.ok(audited >= 1, `${key} wrote an audit entry`);
      } else if (c.kind === 'role') {
        assert.equal(res.status, 403, `${key} answers 403`);
      } else {
        assert.ok([200, 403].includes(res.status), `${key} answers ${res.status}`);
      }
      if (res.status === 403 && key.includes('/api/')) assert.equal(res.headers.get('content-type'), 'application/problem+json');
    });
  }

  test('the refusals in the audit log name the Coevorden request and organisation', async () => {
    const rows = await q(`select action, subject_type, subject_id from audit_log where actor_user_id = $1 and action like '%denied' order by id`, [emmenUserId]);
    const subjects = new Set(rows.map((r) => `${r.subject_type}:${r.subject_id}`));
    assert.ok(subjects.has(`support_request:${f.requestId}`));
    const [org] = await q('select id from organisations where slug = $1', [f.orgSlug]);
    assert.ok(subjects.has(`organisation:${org.id}`));
    assert.ok(subjects.has('municipality:coevorden'));
  });
});
