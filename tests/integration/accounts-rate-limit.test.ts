import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { hashToken } from '../../src/lib/ids.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { TestClient } from '../helpers/client.ts';
import { createUser, FACTORY_PASSWORD } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import { countRows, STRONG_PASSWORD, uniqueEmail } from './accounts.helpers.ts';

/** A form post from a given client address (X-Forwarded-For, honoured only with TRUST_PROXY=true). */
async function postFrom(client: TestClient, ip: string, path: string, fields: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams({ ...fields, _csrf: await client.csrfToken() });
  return client.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip } });
}

async function expectRefused(res: Response) {
  assert.equal(res.status, 429);
  assert.ok(Number(res.headers.get('retry-after')) > 0, 'Retry-After header');
  assert.match(await res.text(), /Te veel pogingen/);
}

describe('rate limits behind a trusted proxy', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext({ env: { TRUST_PROXY: 'true' } });
  });
  after(async () => {
    await t.close();
  });
  beforeEach(() => t.clock.advance(2 * 3600_000));

  test('login: after 10 attempts for one email the next is refused with 429, even with the right password, until the window passes', async () => {
    const user = await createUser(t.db);
    const client = new TestClient(t.app);
    for (let n = 0; n < 10; n++) {
      const res = await postFrom(client, `192.0.2.${n + 1}`, '/inloggen', { email: user.email, password: `fout ${n}` });
      assert.equal(res.status, 422, `attempt ${n + 1}`);
    }
    await expectRefused(await postFrom(client, '192.0.2.99', '/inloggen', { email: user.email, password: FACTORY_PASSWORD }));
    assert.ok(!client.cookies.has(SESSION_COOKIE));
    t.clock.advance(15 * 60_000);
    const ok = await postFrom(client, '192.0.2.99', '/inloggen', { email: user.email, password: FACTORY_PASSWORD });
    assert.equal(ok.status, 303);
  });

  test('login: one address gets 30 attempts per 15 minutes; another address is not affected', async () => {
    const client = new TestClient(t.app);
    for (let n = 0; n < 30; n++) {
      const res = await postFrom(client, '198.51.100.7', '/inloggen', { email: uniqueEmail('ip'), password: 'wat dan ook' });
      assert.equal(res.status, 422, `attempt ${n + 1}`);
    }
    await expectRefused(await postFrom(client, '198.51.100.7', '/inloggen', { email: uniqueEmail('ip'), password: 'wat dan ook' }));
    const user = await createUser(t.db);
    assert.equal((await postFrom(client, '198.51.100.8', '/inloggen', { email: user.email, password: FACTORY_PASSWORD })).status, 303);
  });

  test('only the last X-Forwarded-For entry counts: addresses a client puts in front are ignored', async () => {
    const client = new TestClient(t.app);
    for (let n = 0; n < 10; n++) {
      const res = await postFrom(client, `10.9.${n}.1, 203.0.113.5`, '/registreren', { name: 'R', email: uniqueEmail('xff'), password: STRONG_PASSWORD });
      assert.equal(res.status, 303, `registration ${n + 1}`);
    }
    await expectRefused(await postFrom(client, '10.99.99.99, 203.0.113.5', '/registreren', { name: 'R', email: uniqueEmail('xff'), password: STRONG_PASSWORD }));
  });

  test('registration: 10 an hour per address; the refused one creates no account', async () => {
    const client = new TestClient(t.app);
    for (let n = 0; n < 10; n++) {
      assert.equal((await postFrom(client, '203.0.113.20', '/registreren', { name: 'R', email: uniqueEmail('reg'), password: STRONG_PASSWORD })).status, 303);
    }
    const email = uniqueEmail('reg-te-veel');
    await expectRefused(await postFrom(client, '203.0.113.20', '/registreren', { name: 'R', email, password: STRONG_PASSWORD }));
    assert.equal(await countRows(t.db, 'select 1 from users where email = $1', [email]), 0);
  });

  test('registration: 3 an hour per email address, from any address (no mail flood to one mailbox)', async () => {
    const client = new TestClient(t.app);
    const email = uniqueEmail('flood');
    for (let n = 0; n < 3; n++) {
      assert.equal((await postFrom(client, `203.0.113.${30 + n}`, '/registreren', { name: 'R', email, password: STRONG_PASSWORD })).status, 303);
    }
    await expectRefused(await postFrom(client, '203.0.113.40', '/registreren', { name: 'R', email, password: STRONG_PASSWORD }));
    assert.equal(await countRows(t.db, 'select 1 from outbox where to_address = $1', [email]), 3);
  });

  test('password reset: 3 an hour per email, 10 an hour per address', async () => {
    const client = new TestClient(t.app);
    const user = await createUser(t.db);
    for (let n = 0; n < 3; n++) {
      assert.equal((await postFrom(client, `198.51.100.${50 + n}`, '/wachtwoord-vergeten', { email: user.email })).status, 303);
    }
    await expectRefused(await postFrom(client, '198.51.100.60', '/wachtwoord-vergeten', { email: user.email }));
    assert.equal(await countRows(t.db, 'select 1 from outbox where to_address = $1', [user.email]), 3);

    for (let n = 0; n < 10; n++) {
      assert.equal((await postFrom(client, '198.51.100.70', '/wachtwoord-vergeten', { email: uniqueEmail('r') })).status, 303);
    }
    await expectRefused(await postFrom(client, '198.51.100.70', '/wachtwoord-vergeten', { email: uniqueEmail('r') }));
  });
});

describe('rate limits without a trusted proxy', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(async () => {
    await t.close();
  });

  test('X-Forwarded-For is ignored: a client cannot dodge the limit by making up addresses', async () => {
    const client = new TestClient(t.app);
    for (let n = 0; n < 10; n++) {
      assert.equal((await postFrom(client, `192.0.2.${n + 1}`, '/registreren', { name: 'R', email: uniqueEmail('spoof'), password: STRONG_PASSWORD })).status, 303);
    }
    await expectRefused(await postFrom(client, '192.0.2.200', '/registreren', { name: 'R', email: uniqueEmail('spoof'), password: STRONG_PASSWORD }));
  });
});

describe('rate limits over a real socket', () => {
  let t: TestContext;
  let base: string;
  let close: () => Promise<void>;
  before(async () => {
    t = await createTestContext();
    await new Promise<void>((resolve) => {
      const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        base = `http://127.0.0.1:${info.port}`;
        close = () => new Promise<void>((r) => server.close(() => r()));
        resolve();
      });
    });
  });
  after(async () => {
    await close?.();
    await t.close();
  });

  test('the client address comes from the socket (not "unknown") when the app really listens', async () => {
    const form = await fetch(`${base}/wachtwoord-vergeten`);
    const cookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
    assert.ok(token);
    const res = await fetch(`${base}/wachtwoord-vergeten`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token, email: 'socket@example.org' }),
    });
    assert.equal(res.status, 303);
    const { rows } = await t.db.$client.query("select key from rate_limit_hits where key like 'reset.ip:%'");
    assert.deepEqual(rows.map((r) => r.key), [`reset.ip:${hashToken('127.0.0.1')}`]);
  });
});
