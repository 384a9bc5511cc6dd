import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ROLES, type Role } from '../../src/data/reference.ts';
import { TestClient } from '../helpers/client.ts';
import { createUser, loginAs } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

/**
 * Every route under /mijn and /beheer, found in the app itself (so routes added later are covered without
 * touching this file), must refuse visitors; every /beheer route must refuse logged-in people without its role.
 *
 * The roles a /beheer route needs come from this table. A /beheer route that matches no line fails the test:
 * add a line when you add a staff page. The first matching line wins.
 */
const STAFF_ROLES: readonly Role[] = ['coordinator', 'admin', 'account_manager', 'procurement_officer', 'partner'];
const BEHEER_RULES: ReadonlyArray<{ pattern: RegExp; roles: readonly Role[] }> = [
  { pattern: /^\/beheer$/, roles: STAFF_ROLES },
  { pattern: /^\/beheer\/outbox(\/|$)/, roles: ['admin'] },
  { pattern: /^\/beheer\/moderatie(\/|$)/, roles: ['coordinator'] },
  // Before any general /beheer/hulpvragen line: the report is not for partners.
  { pattern: /^\/beheer\/hulpvragen\/rapportage(\.csv)?$/, roles: ['coordinator', 'account_manager'] },
  { pattern: /^\/beheer\/hulpvragen\/routering(\/|$)/, roles: ['coordinator', 'admin'] },
  { pattern: /^\/beheer\/hulpvragen\/vervanging(\/|$)/, roles: ['account_manager'] },
  { pattern: /^\/beheer\/hulpvragen(\/|$)/, roles: ['coordinator', 'admin', 'account_manager', 'partner'] },
  { pattern: /^\/beheer\/organisaties(\/|$)/, roles: ['coordinator', 'account_manager'] },
  { pattern: /^\/beheer\/verhalen(\/|$)/, roles: ['coordinator'] },
];

/** /mijn pages that need a role besides being logged in (personal API tokens are for staff); first match wins. */
const MIJN_RULES: ReadonlyArray<{ pattern: RegExp; roles: readonly Role[] }> = [{ pattern: /^\/mijn\/api-tokens(\/|$)/, roles: STAFF_ROLES }];

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
type ProtectedRoute = { method: string; pattern: string; path: string };

/** A dummy value for a route parameter, satisfying its regex when it has one (`:id{[0-9]+}`). */
function dummyFor(regex: string | undefined): string {
  const candidates = ['1', '00000000-0000-0000-0000-000000000000', 'test', 'a1'];
  if (!regex) return '1';
  const re = new RegExp(`^(?:${regex})$`);
  return candidates.find((c) => re.test(c)) ?? '1';
}

const fill = (pattern: string) => pattern.replace(/:(\w+)(?:\{((?:[^{}]|\{[^}]*\})+)\})?\??/g, (_m, _name: string, regex?: string) => dummyFor(regex));

function protectedRoutes(t: TestContext): ProtectedRoute[] {
  const seen = new Set<string>();
  const out: ProtectedRoute[] = [];
  for (const r of t.app.routes) {
    // Middleware (app.use) shows up as method ALL; wildcards are guards, not pages.
    if (!METHODS.has(r.method) || r.path.includes('*')) continue;
    if (!/^\/(mijn|beheer)(\/|$)/.test(r.path)) continue;
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ method: r.method, pattern: r.path, path: fill(r.path) });
  }
  return out.sort((a, b) => a.pattern.localeCompare(b.pattern) || a.method.localeCompare(b.method));
}

const rolesFor = (pattern: string) => BEHEER_RULES.find((r) => r.pattern.test(pattern))?.roles;

async function send(client: TestClient, route: ProtectedRoute): Promise<Response> {
  if (route.method === 'GET') return client.get(route.path);
  if (route.method === 'POST') return client.postForm(route.path, {});
  // Other verbs carry the CSRF token in a header, as a script would.
  return client.request(route.path, { method: route.method, headers: { 'x-csrf-token': await client.csrfToken() } });
}

describe('authorization of personal (/mijn) and staff (/beheer) routes', () => {
  let t: TestContext;
  let routes: ProtectedRoute[];
  before(async () => {
    t = await createTestContext();
    routes = protectedRoutes(t);
  });
  after(async () => {
    await t.close();
  });

  async function clientWith(roles: readonly Role[]): Promise<TestClient> {
    const user = await createUser(t.db, { roles: roles.map((role) => (role === 'account_manager' || role === 'procurement_officer' ? { role, municipality: 'emmen' } : role)) });
    const client = new TestClient(t.app);
    await loginAs(t.db, client, user, t.clock.now());
    return client;
  }

  test('the route list is really read from the app', () => {
    const keys = routes.map((r) => `${r.method} ${r.pattern}`);
    for (const known of ['GET /mijn', 'POST /mijn/naam', 'POST /mijn/wachtwoord', 'GET /beheer', 'GET /beheer/outbox', 'GET /beheer/outbox/:id']) {
      assert.ok(keys.includes(known), `${known} is found (found: ${keys.join(', ')})`);
    }
  });

  test('every /beheer route is in the role table of this test', () => {
    const unknown = routes.filter((r) => r.pattern.startsWith('/beheer') && !rolesFor(r.pattern)).map((r) => `${r.method} ${r.pattern}`);
    assert.deepEqual(unknown, [], 'add these routes to BEHEER_RULES in tests/integration/authorization.test.ts, with the roles they need');
  });

  test('a visitor is refused everywhere: GET goes to the login page and back, other methods are refused', async () => {
    const problems: string[] = [];
    for (const route of routes) {
      const client = new TestClient(t.app);
      const res = await send(client, route);
      const location = res.headers.get('location') ?? '';
      if (route.method === 'GET') {
        const expected = `/inloggen?terug=${encodeURIComponent(route.path)}`;
        if (res.status !== 303 || location !== expected) problems.push(`${route.method} ${route.path}: ${res.status} ${location} (expected 303 ${expected})`);
      } else {
        const refused = (res.status === 303 && location.startsWith('/inloggen')) || res.status === 401 || res.status === 403;
        if (!refused) problems.push(`${route.method} ${route.path}: ${res.status} ${location}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('a logged-in user without the needed role gets 403 on every /beheer route', async () => {
    const problems: string[] = [];
    const plain = await clientWith([]);
    const entrepreneur = await clientWith(['entrepreneur']);
    for (const route of routes.filter((r) => r.pattern.startsWith('/beheer'))) {
      const allowed = rolesFor(route.pattern) ?? [];
      const wrongRoles = ROLES.filter((r) => !allowed.includes(r));
      // One user holding every other role at once: none of them may open the door.
      const candidates: Array<[string, TestClient]> = [
        ['no role', plain],
        ['entrepreneur', entrepreneur],
      ];
      if (wrongRoles.length) candidates.push([`roles ${wrongRoles.join('+')}`, await clientWith(wrongRoles)]);
      for (const [who, client] of candidates) {
        if (allowed.includes('entrepreneur') && who === 'entrepreneur') continue;
        const res = await send(client, route);
        if (res.status !== 403) problems.push(`${route.method} ${route.path} as ${who}: ${res.status}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('a user with an allowed role is let through (GET)', async () => {
    const problems: string[] = [];
    // A /mijn page with an id may rightly answer 403 for someone else's (dummy) record, so only those without one.
    for (const route of routes.filter((r) => r.method === 'GET' && (r.pattern.startsWith('/beheer') || !r.pattern.includes(':')))) {
      const allowed = route.pattern.startsWith('/beheer') ? rolesFor(route.pattern) ?? [] : (MIJN_RULES.find((r) => r.pattern.test(route.pattern))?.roles ?? (['entrepreneur'] as const));
      for (const role of allowed) {
        const res = await send(await clientWith([role]), route);
        const location = res.headers.get('location') ?? '';
        if (res.status === 401 || res.status === 403 || location.startsWith('/inloggen')) problems.push(`${route.path} as ${role}: ${res.status} ${location}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
