import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Role } from '../../src/data/reference.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { STAFF_TOOLS } from '../../src/features/staff/staff.tools.ts';
import { hashToken } from '../../src/lib/ids.ts';
import { TestClient } from '../helpers/client.ts';
import { createUser, FACTORY_PASSWORD, loginAs } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import { countRows, login } from './accounts.helpers.ts';

const NEW_PASSWORD = 'een heel ander wachtwoord';

describe('/mijn and /beheer landing pages', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(async () => {
    await t.close();
  });
  beforeEach(() => t.clock.advance(2 * 3600_000));

  async function loggedIn(options: Parameters<typeof createUser>[1] = {}) {
    const user = await createUser(t.db, options);
    const client = new TestClient(t.app);
    await loginAs(t.db, client, user, t.clock.now());
    return { user, client };
  }

  describe('Mijn omgeving', () => {
    test('a visitor is sent to log in and back', async () => {
      const res = await new TestClient(t.app).get('/mijn');
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/inloggen?terug=%2Fmijn');
    });

    test('shows name, email, roles (with municipality), the link to my organisations and both forms', async () => {
      const { client } = await loggedIn({ name: 'Fatima El Amrani', roles: ['entrepreneur', { role: 'account_manager', municipality: 'emmen' }] });
      const res = await client.get('/mijn');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<h1[^>]*>Mijn omgeving<\/h1>/);
      assert.match(html, /<dd data-field="name">Fatima El Amrani<\/dd>/);
      assert.match(html, /data-field="email">user-/);
      assert.match(html, /<li>Impactondernemer<\/li>/);
      assert.match(html, /<li>Accountmanager \(Emmen\)<\/li>/);
      assert.match(html, /href="\/mijn\/organisaties"/);
      assert.match(html, /action="\/mijn\/naam"/);
      assert.match(html, /action="\/mijn\/wachtwoord"/);
      assert.match(html, /<label[^>]*for="veld-currentPassword"/);
      assert.match(html, /<label[^>]*for="veld-newPassword"/);
      assert.equal((html.match(/<h1/g) ?? []).length, 1);
    });

    test('in English the page and roles are English', async () => {
      const { client } = await loggedIn({ roles: ['coordinator'] });
      const html = await (await client.get('/mijn?lang=en')).text();
      assert.match(html, /<h1[^>]*>My account<\/h1>/);
      assert.match(html, /Broker with a mandate \(coordinator\)/);
    });

    test('changing the name: saved with a confirmation, recorded in the audit log', async () => {
      const { user, client } = await loggedIn({ name: 'Oude Naam' });
      const res = await client.postForm('/mijn/naam', { name: '  Nieuwe   Naam ' });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/mijn');
      const page = await (await client.follow(res)).text();
      assert.match(page, /Uw naam is gewijzigd\./);
      assert.match(page, /<dd data-field="name">Nieuwe Naam<\/dd>/);
      const { rows } = await t.db.$client.query('select name from users where id = $1', [user.id]);
      assert.equal(rows[0].name, 'Nieuwe Naam');
    });

    test('an invalid name comes back 422 with the typed value kept', async () => {
      const { user, client } = await loggedIn({ name: 'Blijft Zo' });
      const tooLong = 'L'.repeat(101);
      const res = await client.postForm('/mijn/naam', { name: tooLong });
      assert.equal(res.status, 422);
      const html = await res.text();
      assert.match(html, /data-error-summary/);
      assert.ok(html.includes(`value="${tooLong}"`));
      assert.match(html, /Uw naam is te lang/);
      const { rows } = await t.db.$client.query('select name from users where id = $1', [user.id]);
      assert.equal(rows[0].name, 'Blijft Zo');
    });

    test('changing the password needs the current one; a wrong one comes back 422 without echoing anything', async () => {
      const { client } = await loggedIn();
      const res = await client.postForm('/mijn/wachtwoord', { currentPassword: 'dit is niet het wachtwoord', newPassword: NEW_PASSWORD });
      assert.equal(res.status, 422);
      const html = await res.text();
      assert.match(html, /Uw huidige wachtwoord klopt niet\./);
      assert.match(html, /href="#veld-currentPassword"/);
      assert.doesNotMatch(html, /dit is niet het wachtwoord/);
      assert.doesNotMatch(html, new RegExp(NEW_PASSWORD));
    });

    test('a too-short new password comes back 422', async () => {
      const { user, client } = await loggedIn();
      const res = await client.postForm('/mijn/wachtwoord', { currentPassword: FACTORY_PASSWORD, newPassword: 'kort' });
      assert.equal(res.status, 422);
      assert.match(await res.text(), /Kies een wachtwoord van minstens 10 tekens\./);
      assert.equal((await login(new TestClient(t.app), user.email, FACTORY_PASSWORD)).status, 303, 'password unchanged');
    });

    test('a changed password ends the other sessions, keeps this browser logged in with a new session id, and is audited', async () => {
      const { user, client } = await loggedIn();
      const other = new TestClient(t.app);
      await loginAs(t.db, other, user, t.clock.now());
      const before = client.cookies.get(SESSION_COOKIE)!;

      const res = await client.postForm('/mijn/wachtwoord', { currentPassword: FACTORY_PASSWORD, newPassword: NEW_PASSWORD });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/mijn');
      const after = client.cookies.get(SESSION_COOKIE)!;
      assert.ok(after && after !== before, 'a fresh session id');
      assert.equal(await countRows(t.db, 'select 1 from sessions where id_hash = $1', [hashToken(before)]), 0);
      const page = await client.follow(res);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Uw wachtwoord is gewijzigd/);
      assert.equal((await other.get('/mijn')).status, 303, 'the other device is logged out');
      assert.equal(await countRows(t.db, 'select 1 from sessions where user_id = $1', [user.id]), 1);

      assert.equal((await login(new TestClient(t.app), user.email, FACTORY_PASSWORD)).status, 422);
      assert.equal((await login(new TestClient(t.app), user.email, NEW_PASSWORD)).status, 303);
      assert.equal(await countRows(t.db, "select 1 from audit_log where action = 'account.password_changed' and subject_id = $1", [user.id]), 1);
    });

    test('the forms need the CSRF token', async () => {
      const { user, client } = await loggedIn({ name: 'Ongewijzigd' });
      assert.equal((await client.postForm('/mijn/naam', { name: 'Aanvaller' }, { csrf: false })).status, 403);
      assert.equal((await client.postForm('/mijn/wachtwoord', { currentPassword: FACTORY_PASSWORD, newPassword: NEW_PASSWORD }, { csrf: false })).status, 403);
      const { rows } = await t.db.$client.query('select name from users where id = $1', [user.id]);
      assert.equal(rows[0].name, 'Ongewijzigd');
    });

    test('guessing the current password is rate limited per user', async () => {
      const { client } = await loggedIn();
      let last: Response | null = null;
      for (let n = 0; n < 11; n++) {
        last = await client.postForm('/mijn/wachtwoord', { currentPassword: `gok nummer ${n}`, newPassword: NEW_PASSWORD });
      }
      assert.equal(last!.status, 429);
    });
  });

  describe('Beheer', () => {
    const toolsOn = (html: string) => [...html.matchAll(/<a class="utrecht-link" href="(\/beheer\/[^"]+)"/g)].map((m) => m[1]).sort();
    /** The tools STAFF_TOOLS gives these roles (features add their tools there). */
    const expectedTools = (roles: Role[]) => STAFF_TOOLS.filter((tool) => tool.roles.some((r) => roles.includes(r))).map((tool) => tool.href).sort();

    test('a coordinator sees moderation but not the outbox', async () => {
      const { client } = await loggedIn({ roles: ['coordinator'] });
      const res = await client.get('/beheer');
      assert.equal(res.status, 200);
      const tools = toolsOn(await res.text());
      assert.deepEqual(tools, expectedTools(['coordinator']));
      assert.ok(tools.includes('/beheer/moderatie') && !tools.includes('/beheer/outbox'));
    });

    test('an admin sees the outbox only', async () => {
      const { client } = await loggedIn({ roles: ['admin'] });
      const tools = toolsOn(await (await client.get('/beheer')).text());
      assert.deepEqual(tools, expectedTools(['admin']));
      assert.ok(tools.includes('/beheer/outbox') && !tools.includes('/beheer/moderatie'));
    });

    test('an account manager gets the page with the tools of that role only', async () => {
      const { client } = await loggedIn({ roles: [{ role: 'account_manager', municipality: 'coevorden' }] });
      const res = await client.get('/beheer');
      assert.equal(res.status, 200);
      const tools = toolsOn(await res.text());
      assert.deepEqual(tools, expectedTools(['account_manager']));
      assert.ok(!tools.includes('/beheer/moderatie') && !tools.includes('/beheer/outbox'));
    });

    test('a role without tools gets the page saying so', async () => {
      const { client } = await loggedIn({ roles: [{ role: 'procurement_officer', municipality: 'coevorden' }] });
      const html = await (await client.get('/beheer')).text();
      assert.deepEqual(toolsOn(html), expectedTools(['procurement_officer']));
      if (expectedTools(['procurement_officer']).length === 0) assert.match(html, /nog geen onderdelen/);
    });

    test('an entrepreneur without a staff role gets 403; a visitor is sent to log in', async () => {
      const { client } = await loggedIn({ roles: ['entrepreneur'] });
      const res = await client.get('/beheer');
      assert.equal(res.status, 403);
      assert.match(await res.text(), /Geen toegang/);
      const visitor = await new TestClient(t.app).get('/beheer');
      assert.equal(visitor.status, 303);
      assert.equal(visitor.headers.get('location'), '/inloggen?terug=%2Fbeheer');
    });

    test('the header shows "Beheer" to staff only', async () => {
      const staff = await loggedIn({ roles: ['admin'] });
      assert.match(await (await staff.client.get('/mijn')).text(), /href="\/beheer"/);
      const entrepreneur = await loggedIn({ roles: ['entrepreneur'] });
      assert.doesNotMatch(await (await entrepreneur.client.get('/mijn')).text(), /href="\/beheer"/);
    });
  });
});
