import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { Hono } from 'hono';
import pino from 'pino';
import { createApp } from '../../src/app.ts';
import { handleError } from '../../src/web/errors.tsx';
import type { AppEnv } from '../../src/web/types.ts';
import { TestClient } from '../helpers/client.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

/** A logger whose lines the test can read. */
function capturedLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), text: () => lines.join('') };
}

describe('platform basics', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(async () => {
    await t.close();
  });

  test('GET /healthz says the process is up', async () => {
    const res = await t.app.request('/healthz');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });

  test('GET /readyz checks the database', async () => {
    const res = await t.app.request('/readyz');
    assert.equal(res.status, 200);
    assert.equal((await res.json()).status, 'ready');
  });

  test('every page carries strict security headers', async () => {
    const res = await t.app.request('/');
    assert.equal(res.status, 200);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(res.headers.get('referrer-policy'));
    assert.ok(res.headers.get('x-request-id'));
  });

  test('the home page is Dutch by default and has skip link, navigation and footer links', async () => {
    const html = await (await t.app.request('/')).text();
    assert.match(html, /<html lang="nl"/);
    assert.match(html, /href="#main"[^>]*>Direct naar de inhoud/);
    for (const label of ['Ondernemers', 'Agenda', 'Hulp vragen', 'Inkoop', 'Kennis', 'Over']) {
      assert.ok(html.includes(`>${label}</a>`), `navigation has ${label}`);
    }
    for (const href of ['/privacy', '/toegankelijkheid', '/.well-known/security.txt']) assert.ok(html.includes(`href="${href}"`), href);
    assert.doesNotMatch(html, /<script>(?!<)/, 'no inline scripts');
  });

  test('?lang=en switches to English and is remembered', async () => {
    const client = new TestClient(t.app);
    const first = await client.get('/?lang=en');
    assert.match(await first.text(), /<html lang="en"/);
    const second = await client.get('/over');
    const html = await second.text();
    assert.match(html, /<html lang="en"/);
    assert.match(html, /About the platform/);
  });

  test('security.txt has a contact and a future expiry', async () => {
    const res = await t.app.request('/.well-known/security.txt');
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.match(text, /^Contact: mailto:/m);
    const expires = /^Expires: (.+)$/m.exec(text)?.[1];
    assert.ok(expires && new Date(expires) > t.clock.now());
  });

  test('an unknown page is a friendly 404 page, an unknown API path a problem+json 404', async () => {
    const page = await t.app.request('/bestaat-niet');
    assert.equal(page.status, 404);
    assert.match(await page.text(), /Pagina niet gevonden/);
    const api = await t.app.request('/api/v1/bestaat-niet');
    assert.equal(api.status, 404);
    assert.equal(api.headers.get('content-type'), 'application/problem+json');
  });

  test('a form post without a CSRF token is refused and changes nothing', async () => {
    const client = new TestClient(t.app);
    const res = await client.postForm('/uitloggen', {}, { csrf: false });
    assert.equal(res.status, 403);
  });

  test('a form post with an Origin header that is not a URL is refused (403), not a server error', async () => {
    const client = new TestClient(t.app);
    const body = new URLSearchParams({ _csrf: await client.csrfToken() });
    for (const origin of ['not a url', 'http://', '://x']) {
      const res = await client.request('/uitloggen', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', origin, host: 'localhost' } });
      assert.equal(res.status, 403, origin);
    }
  });

  test('the request log shows neither email-confirmation, password-reset nor support-confirmation tokens', async () => {
    const captured = capturedLogger();
    const app = createApp({ ...t.deps, logger: captured.logger });
    const token = 'geheimTOKEN_abcdefghijklmnopqrstuvwxyz0123';
    await app.request(`/e-mail-bevestigen/${token}`);
    await app.request(`/wachtwoord-herstellen/${token}`);
    await app.request(`/hulp-vragen/bevestigen/${token}`);
    const log = captured.text();
    assert.ok(!log.includes(token), log);
    assert.match(log, /"path":"\/hulp-vragen\/bevestigen\/\[token\]"/);
    assert.match(log, /"path":"\/e-mail-bevestigen\/\[token\]"/);
    assert.match(log, /"path":"\/wachtwoord-herstellen\/\[token\]"/);
  });

  test('a NUL character in a form field is dropped, not a server error (PostgreSQL text cannot hold it)', async () => {
    const client = new TestClient(t.app);
    const email = `nul-${process.pid}@example.org`;
    const res = await client.postForm('/registreren', { name: 'Anna\u0000 de Vries', email, password: 'een lange zin als wachtwoord' });
    assert.equal(res.status, 303);
    const rows = (await t.db.$client.query('select name from users where email = $1', [email])).rows;
    assert.deepEqual(rows, [{ name: 'Anna de Vries' }]);
  });

  test('static assets are served with caching headers', async () => {
    const res = await t.app.request('/static/css/app.css');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/css/);
    const etag = res.headers.get('etag')!;
    const again = await t.app.request('/static/css/app.css', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal((await t.app.request('/static/vendor/utrecht.css')).status, 200);
  });
});

describe('the API and cookies', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(async () => {
    await t.close();
  });

  test('API answers set no cookies, so shared caches can keep them; pages do set the CSRF cookie', async () => {
    const api = await t.app.request('/api/v1/ondernemers');
    assert.equal(api.status, 200);
    assert.equal(api.headers.get('set-cookie'), null);
    const page = await t.app.request('/');
    assert.match(page.headers.get('set-cookie') ?? '', /csrf=/);
  });
});

describe('the error log', () => {
  test('a failed query is logged with its SQL and error code, never with its parameters (personal data)', async () => {
    const captured = capturedLogger();
    const app = new Hono<AppEnv>();
    app.use(async (c, next) => {
      c.set('logger', captured.logger);
      await next();
    });
    app.get('/boom', () => {
      const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_unique"'), { code: '23505', constraint: 'users_email_unique' });
      throw new DrizzleQueryError('insert into "users" ("email", "name") values ($1, $2)', ['anna@example.org', 'Anna de Vries'], cause);
    });
    app.onError(handleError);
    const res = await app.request('/boom');
    assert.equal(res.status, 500);
    const log = captured.text();
    assert.ok(!log.includes('anna@example.org') && !log.includes('Anna de Vries'), log);
    assert.match(log, /insert into \\"users\\"/);
    assert.match(log, /"code":"23505"/);
    assert.match(log, /unhandled error/);
  });
});
