import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { TestClient } from '../helpers/client.ts';
import { createUser, FACTORY_PASSWORD, loginAs } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import { countRows, lastMailTo, linkIn, login, mailsTo, uniqueEmail } from './accounts.helpers.ts';

const NEW_PASSWORD = 'mijn nieuwe lange wachtwoord';

describe('accounts: forgotten password', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(async () => {
    await t.close();
  });
  beforeEach(() => t.clock.advance(2 * 3600_000));

  async function requestLink(email: string): Promise<string> {
    const res = await new TestClient(t.app).postForm('/wachtwoord-vergeten', { email });
    assert.equal(res.status, 303);
    return linkIn((await lastMailTo(t.db, email)).text_body, t.config.publicUrl, '/wachtwoord-herstellen');
  }

  test('the form asks for an email address', async () => {
    const res = await t.app.request('/wachtwoord-vergeten');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<label[^>]*for="veld-email"/);
    assert.match(html, /action="\/wachtwoord-vergeten"/);
  });

  test('a known and an unknown email get the same answer; only the known one gets a mail, in its own language', async () => {
    const user = await createUser(t.db, { email: uniqueEmail('reset') });
    await t.db.$client.query("update users set preferred_language = 'en' where id = $1", [user.id]);
    const unknown = uniqueEmail('onbekend');
    const a = await new TestClient(t.app).postForm('/wachtwoord-vergeten', { email: user.email.toUpperCase() });
    const b = await new TestClient(t.app).postForm('/wachtwoord-vergeten', { email: unknown });
    assert.equal(a.status, 303);
    assert.equal(b.status, 303);
    assert.equal(a.headers.get('location'), b.headers.get('location'));
    assert.equal(a.headers.get('location'), '/wachtwoord-vergeten/verstuurd');
    const sent = await new TestClient(t.app).get('/wachtwoord-vergeten/verstuurd');
    assert.match(await sent.text(), /Als er een account is met dit e-mailadres/);
    assert.equal((await mailsTo(t.db, unknown)).length, 0);
    const mail = await lastMailTo(t.db, user.email);
    assert.match(mail.subject, /^Choose a new password/);
    assert.ok(mail.text_body.includes(`${t.config.publicUrl}/wachtwoord-herstellen/`));
  });

  test('an invalid email comes back 422 with the typed value kept', async () => {
    const res = await new TestClient(t.app).postForm('/wachtwoord-vergeten', { email: 'niet-goed@' });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /value="niet-goed@"/);
    assert.match(html, /data-error-summary/);
  });

  test('the link sets a new password once, ends every session of the user and is recorded in the audit log', async () => {
    const user = await createUser(t.db);
    const laptop = new TestClient(t.app);
    const phone = new TestClient(t.app);
    await loginAs(t.db, laptop, user, t.clock.now());
    await loginAs(t.db, phone, user, t.clock.now());
    assert.equal((await phone.get('/mijn')).status, 200);

    const link = await requestLink(user.email);
    const browser = new TestClient(t.app);
    const form = await browser.get(link);
    assert.equal(form.status, 200);
    const html = await form.text();
    assert.match(html, /<label[^>]*for="veld-password"/);
    assert.ok(html.includes(`action="${link}"`));

    const res = await browser.postForm(link, { password: NEW_PASSWORD });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/inloggen');
    assert.match(await (await browser.follow(res)).text(), /Uw wachtwoord is gewijzigd/);

    assert.equal(await countRows(t.db, 'select 1 from sessions where user_id = $1', [user.id]), 0, 'every session ended');
    assert.equal((await laptop.get('/mijn')).status, 303, 'the laptop is logged out');
    assert.equal((await phone.get('/mijn')).status, 303, 'the phone is logged out');

    assert.equal((await login(new TestClient(t.app), user.email, FACTORY_PASSWORD)).status, 422, 'the old password no longer works');
    const ok = await login(new TestClient(t.app), user.email, NEW_PASSWORD);
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), '/mijn');

    const audit = await t.db.$client.query("select details from audit_log where action = 'account.password_reset' and subject_id = $1", [user.id]);
    assert.equal(audit.rows.length, 1);
    assert.doesNotMatch(JSON.stringify(audit.rows[0]), /@/);

    const reuse = await new TestClient(t.app).get(link);
    assert.equal(reuse.status, 400, 'the link is single-use');
    const reusePost = await new TestClient(t.app).postForm(link, { password: 'nog een ander wachtwoord' });
    assert.equal(reusePost.status, 400);
    assert.equal((await login(new TestClient(t.app), user.email, 'nog een ander wachtwoord')).status, 422);
  });

  test('an expired link does not work', async () => {
    const user = await createUser(t.db);
    const link = await requestLink(user.email);
    t.clock.advance(2 * 3600_000 + 1000);
    const get = await new TestClient(t.app).get(link);
    assert.equal(get.status, 400);
    assert.match(await get.text(), /Nieuwe link aanvragen/);
    const post = await new TestClient(t.app).postForm(link, { password: NEW_PASSWORD });
    assert.equal(post.status, 400);
    assert.equal((await login(new TestClient(t.app), user.email, NEW_PASSWORD)).status, 422);
  });

  test('after a reset, other open reset links of the user stop working too', async () => {
    const user = await createUser(t.db);
    const first = await requestLink(user.email);
    const second = await requestLink(user.email);
    assert.notEqual(first, second);
    assert.equal((await new TestClient(t.app).postForm(second, { password: NEW_PASSWORD })).status, 303);
    assert.equal((await new TestClient(t.app).get(first)).status, 400);
  });

  test('a too-short new password comes back 422, the link still works, the password is not echoed', async () => {
    const user = await createUser(t.db);
    const link = await requestLink(user.email);
    const res = await new TestClient(t.app).postForm(link, { password: 'kort-1' });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /Kies een wachtwoord van minstens 10 tekens\./);
    assert.doesNotMatch(html, /kort-1/);
    assert.equal((await new TestClient(t.app).postForm(link, { password: NEW_PASSWORD })).status, 303);
  });

  test('resetting needs the CSRF token', async () => {
    const user = await createUser(t.db);
    const link = await requestLink(user.email);
    const res = await new TestClient(t.app).postForm(link, { password: NEW_PASSWORD }, { csrf: false });
    assert.equal(res.status, 403);
    assert.equal((await login(new TestClient(t.app), user.email, FACTORY_PASSWORD)).status, 303, 'password unchanged');
  });

  test('a reset confirms an unconfirmed email address: the link proved the mailbox', async () => {
    const user = await createUser(t.db, { verified: false });
    const link = await requestLink(user.email);
    assert.equal((await new TestClient(t.app).postForm(link, { password: NEW_PASSWORD })).status, 303);
    const client = new TestClient(t.app);
    const res = await login(client, user.email, NEW_PASSWORD);
    assert.equal(res.headers.get('location'), '/mijn');
    assert.ok(client.cookies.has(SESSION_COOKIE));
  });

  test('made-up tokens are a friendly 400', async () => {
    for (const token of ['abc', 'z'.repeat(400)]) {
      assert.equal((await t.app.request(`/wachtwoord-herstellen/${token}`)).status, 400);
      assert.equal((await new TestClient(t.app).postForm(`/wachtwoord-herstellen/${token}`, { password: NEW_PASSWORD })).status, 400);
    }
  });
});
