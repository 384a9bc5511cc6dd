import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { hashToken } from '../../src/lib/ids.ts';
import { TestClient } from '../helpers/client.ts';
import { createUser, FACTORY_PASSWORD, loginAs } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import { countRows, lastMailTo, linkIn, login, mailsTo, register, registerVerified, setCookieLine, STRONG_PASSWORD, uniqueEmail } from './accounts.helpers.ts';

describe('accounts: register, confirm email, log in and out', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(async () => {
    await t.close();
  });
  // Every request here comes from the same (socketless) client address: start each test in a fresh rate-limit window.
  beforeEach(() => t.clock.advance(2 * 3600_000));

  describe('registration', () => {
    test('the form has labelled fields, a CSRF field and no inline script', async () => {
      const res = await t.app.request('/registreren');
      assert.equal(res.status, 200);
      const html = await res.text();
      for (const [id, label] of [
        ['veld-name', 'Naam'],
        ['veld-email', 'E-mailadres'],
        ['veld-password', 'Wachtwoord'],
      ]) {
        assert.match(html, new RegExp(`<label[^>]*for="${id}"[^>]*>${label}`), `label for ${id}`);
        assert.match(html, new RegExp(`id="${id}"`));
      }
      assert.match(html, /name="_csrf"/);
      assert.match(html, /autocomplete="new-password"/);
      assert.equal((html.match(/<h1/g) ?? []).length, 1, 'one h1');
    });

    test('a new account: entrepreneur role, argon2id hash, unconfirmed, a verification mail with an absolute one-time link', async () => {
      const client = new TestClient(t.app);
      const email = await register(client, { name: '  Anna   de Vries ', email: '  Anna.Nieuw@Example.org ' });
      assert.equal(email.trim().toLowerCase(), 'anna.nieuw@example.org');
      const { rows } = await t.db.$client.query('select * from users where email = $1', ['anna.nieuw@example.org']);
      assert.equal(rows.length, 1, 'email stored lower-cased and trimmed');
      const user = rows[0];
      assert.equal(user.name, 'Anna de Vries', 'whitespace in the name collapsed');
      assert.match(user.password_hash, /^\$argon2id\$/);
      assert.equal(user.email_verified_at, null);
      assert.equal(user.preferred_language, 'nl');
      const roles = await t.db.$client.query('select role, municipality_slug from role_assignments where user_id = $1', [user.id]);
      assert.deepEqual(roles.rows, [{ role: 'entrepreneur', municipality_slug: null }]);

      const mail = await lastMailTo(t.db, 'anna.nieuw@example.org');
      assert.match(mail.subject, /Bevestig uw e-mailadres/);
      assert.equal(mail.status, 'stored', 'without SMTP the mail is kept for /beheer/outbox');
      const link = linkIn(mail.text_body, t.config.publicUrl, '/e-mail-bevestigen');
      const raw = link.split('/').pop()!;
      const tokens = await t.db.$client.query('select token_hash, purpose, expires_at from email_tokens where user_id = $1', [user.id]);
      assert.equal(tokens.rows.length, 1);
      assert.equal(tokens.rows[0].token_hash, hashToken(raw), 'only the hash of the token is stored');
      assert.notEqual(tokens.rows[0].token_hash, raw);
      assert.equal(tokens.rows[0].purpose, 'verify_email');
      assert.equal(new Date(tokens.rows[0].expires_at).getTime() - t.clock.now().getTime(), 48 * 3600_000);
      assert.doesNotMatch(mail.text_body, /Anna/, 'no name in the mail: a stranger chose it');

      const audit = await t.db.$client.query("select actor_user_id, subject_id, details from audit_log where action = 'account.registered' and subject_id = $1", [user.id]);
      assert.equal(audit.rows.length, 1);
      assert.doesNotMatch(JSON.stringify(audit.rows[0]), /anna|example\.org/i, 'no email or name in the audit entry');
    });

    test('the confirmation page tells the visitor to check their email', async () => {
      const res = await t.app.request('/registreren/verstuurd');
      assert.equal(res.status, 200);
      assert.match(await res.text(), /Kijk in uw e-mail/);
    });

    test('a known email gets the same answer, no second account, and a notice mail to the owner instead', async () => {
      const existing = await createUser(t.db, { email: uniqueEmail('bekend') });
      const fresh = uniqueEmail('onbekend');
      const a = await new TestClient(t.app).postForm('/registreren', { name: 'X', email: existing.email, password: STRONG_PASSWORD });
      const b = await new TestClient(t.app).postForm('/registreren', { name: 'X', email: fresh, password: STRONG_PASSWORD });
      assert.equal(a.status, b.status);
      assert.equal(a.headers.get('location'), b.headers.get('location'));
      assert.equal(await a.text(), await b.text());
      assert.equal(await countRows(t.db, 'select 1 from users where email = $1', [existing.email]), 1);
      const notice = await lastMailTo(t.db, existing.email);
      assert.match(notice.subject, /Iemand wilde een account maken/);
      assert.ok(notice.text_body.includes(`${t.config.publicUrl}/inloggen`));
      assert.ok(notice.text_body.includes(`${t.config.publicUrl}/wachtwoord-vergeten`));
      assert.equal(await countRows(t.db, 'select 1 from email_tokens where user_id = $1', [existing.id]), 0, 'no token for the known account');
    });

    test('in English the account remembers English and the mail is English', async () => {
      const client = new TestClient(t.app);
      await client.get('/?lang=en');
      const email = await register(client);
      const { rows } = await t.db.$client.query('select preferred_language from users where email = $1', [email]);
      assert.equal(rows[0].preferred_language, 'en');
      const mail = await lastMailTo(t.db, email);
      assert.match(mail.subject, /^Confirm your email address/);
      assert.match(mail.text_body, /The link works for 48 hours/);
    });

    test('invalid input comes back 422 with an error summary, the typed name and email kept, never the password', async () => {
      const client = new TestClient(t.app);
      const res = await client.postForm('/registreren', { name: 'Bram Bakker', email: 'geen-adres', password: 'kort123' });
      assert.equal(res.status, 422);
      const html = await res.text();
      assert.match(html, /data-error-summary/);
      assert.match(html, /href="#veld-email"/);
      assert.match(html, /href="#veld-password"/);
      assert.match(html, /Kies een wachtwoord van minstens 10 tekens\./);
      assert.match(html, /Vul een geldig e-mailadres in/);
      assert.match(html, /value="Bram Bakker"/);
      assert.match(html, /value="geen-adres"/);
      assert.doesNotMatch(html, /kort123/);
      assert.equal(await countRows(t.db, "select 1 from users where name = 'Bram Bakker'"), 0);
    });

    test('password rules: 10 to 200 characters, with clear messages', async () => {
      const client = new TestClient(t.app);
      const long = await client.postForm('/registreren', { name: 'C', email: uniqueEmail(), password: 'x'.repeat(201) });
      assert.equal(long.status, 422);
      assert.match(await long.text(), /Uw wachtwoord is te lang\. Gebruik hoogstens 200 tekens\./);
      const empty = await client.postForm('/registreren', { name: '', email: '', password: '' });
      assert.equal(empty.status, 422);
      const html = await empty.text();
      assert.match(html, /Vul uw naam in\./);
      assert.match(html, /Vul dit veld in\./);
      // Exactly 10 and exactly 200 characters are fine.
      await register(client, { password: 'x'.repeat(10) });
      await register(client, { password: 'y'.repeat(200) });
    });

    test('registration needs the CSRF token', async () => {
      const email = uniqueEmail('csrf');
      const res = await new TestClient(t.app).postForm('/registreren', { name: 'C', email, password: STRONG_PASSWORD }, { csrf: false });
      assert.equal(res.status, 403);
      assert.equal(await countRows(t.db, 'select 1 from users where email = $1', [email]), 0);
    });

    test('a logged-in user opening /registreren goes to /mijn', async () => {
      const client = new TestClient(t.app);
      await loginAs(t.db, client, await createUser(t.db));
      const res = await client.get('/registreren');
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/mijn');
    });
  });

  describe('email confirmation', () => {
    test('the link confirms the address once, records it in the audit log and sends the visitor to log in', async () => {
      const client = new TestClient(t.app);
      const email = await register(client);
      const link = linkIn((await lastMailTo(t.db, email)).text_body, t.config.publicUrl, '/e-mail-bevestigen');
      const res = await client.get(link);
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/inloggen');
      const page = await client.follow(res);
      assert.match(await page.text(), /Uw e-mailadres is bevestigd/);
      const { rows } = await t.db.$client.query('select id, email_verified_at from users where email = $1', [email]);
      assert.ok(rows[0].email_verified_at);
      assert.equal(await countRows(t.db, "select 1 from audit_log where action = 'account.email_verified' and subject_id = $1", [rows[0].id]), 1);

      const again = await client.get(link);
      assert.equal(again.status, 400, 'a used link does not work again');
      assert.match(await again.text(), /Deze link werkt niet meer/);
    });

    test('an expired link does not confirm', async () => {
      const client = new TestClient(t.app);
      const email = await register(client);
      const link = linkIn((await lastMailTo(t.db, email)).text_body, t.config.publicUrl, '/e-mail-bevestigen');
      t.clock.advance(48 * 3600_000 + 1000);
      const res = await client.get(link);
      assert.equal(res.status, 400);
      const { rows } = await t.db.$client.query('select email_verified_at from users where email = $1', [email]);
      assert.equal(rows[0].email_verified_at, null);
    });

    test('a made-up or overlong token is a friendly 400, never a 500', async () => {
      for (const token of ['abc', 'x'.repeat(500), '%27%22%3C']) {
        const res = await t.app.request(`/e-mail-bevestigen/${token}`);
        assert.equal(res.status, 400, token.slice(0, 10));
      }
      // A NUL character can be in no address at all: every path with one is a 404 page (src/app.ts).
      const nul = await t.app.request('/e-mail-bevestigen/%00%27%22');
      assert.equal(nul.status, 404);
      assert.match(await nul.text(), /Pagina niet gevonden/);
    });
  });

  describe('logging in', () => {
    test('an unconfirmed account cannot log in; the right password sends a fresh link, the wrong one says only "wrong"', async () => {
      const client = new TestClient(t.app);
      const email = await register(client);
      const before = (await mailsTo(t.db, email)).length;

      const wrong = await login(client, email, 'niet het goede wachtwoord');
      assert.equal(wrong.status, 422);
      assert.match(await wrong.text(), /Het e-mailadres of het wachtwoord klopt niet\./);
      assert.equal((await mailsTo(t.db, email)).length, before, 'no mail for a wrong password');

      const right = await login(client, email, STRONG_PASSWORD);
      assert.equal(right.status, 303);
      assert.equal(right.headers.get('location'), '/inloggen/bevestig-eerst');
      assert.equal(setCookieLine(right, SESSION_COOKIE), undefined, 'no session');
      assert.ok(!client.cookies.has(SESSION_COOKIE));
      const page = await client.follow(right);
      assert.match(await page.text(), /Bevestig eerst uw e-mailadres/);
      const mails = await mailsTo(t.db, email);
      assert.equal(mails.length, before + 1, 'a new verification link was sent');
      // The fresh link works.
      const link = linkIn(mails.at(-1)!.text_body, t.config.publicUrl, '/e-mail-bevestigen');
      assert.equal((await client.get(link)).status, 303);
      const ok = await login(client, email, STRONG_PASSWORD);
      assert.equal(ok.status, 303);
      assert.equal(ok.headers.get('location'), '/mijn');
    });

    test('the right password logs in with a fresh session id and safe cookie flags, and the old session ends', async () => {
      const client = new TestClient(t.app);
      const email = await registerVerified(client, t.db, t.config.publicUrl);
      // A session id planted before login (session fixation) must not survive it.
      const other = await createUser(t.db);
      await loginAs(t.db, client, other, t.clock.now());
      const planted = client.cookies.get(SESSION_COOKIE)!;

      const res = await login(client, email, STRONG_PASSWORD);
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/mijn');
      const line = setCookieLine(res, SESSION_COOKIE)!;
      assert.ok(line, 'a session cookie is set');
      assert.match(line, /HttpOnly/i);
      assert.match(line, /SameSite=Lax/i);
      assert.match(line, /Path=\//);
      assert.doesNotMatch(line, /Secure/i, 'plain http: no Secure flag (the browser would drop the cookie)');
      const fresh = client.cookies.get(SESSION_COOKIE)!;
      assert.notEqual(fresh, planted);
      assert.equal(await countRows(t.db, 'select 1 from sessions where id_hash = $1', [hashToken(planted)]), 0, 'the old session is gone');
      assert.equal(await countRows(t.db, 'select 1 from sessions where id_hash = $1', [hashToken(fresh)]), 1);

      const mine = await client.get('/mijn');
      assert.equal(mine.status, 200);
      assert.match(await mine.text(), new RegExp(email.replace(/[.+]/g, '\\$&')));
    });

    test('a wrong password and an unknown email give the same answer', async () => {
      const user = await createUser(t.db, { email: uniqueEmail('echt') });
      const unknown = uniqueEmail('niemand');
      const a = await login(new TestClient(t.app), user.email, 'fout fout fout');
      const b = await login(new TestClient(t.app), unknown, 'fout fout fout');
      assert.equal(a.status, 422);
      assert.equal(b.status, 422);
      const normalise = (html: string, email: string) => html.replaceAll(email, 'EMAIL').replace(/name="_csrf" value="[^"]*"/, '');
      assert.equal(normalise(await a.text(), user.email), normalise(await b.text(), unknown));
    });

    test('the login form comes back 422 with the email kept and never the password', async () => {
      const res = await login(new TestClient(t.app), 'iemand@example.org', 'geheim-wachtwoord-123');
      assert.equal(res.status, 422);
      const html = await res.text();
      assert.match(html, /value="iemand@example.org"/);
      assert.doesNotMatch(html, /geheim-wachtwoord-123/);
      assert.match(html, /data-error-summary/);
      const empty = await login(new TestClient(t.app), '', '');
      assert.equal(empty.status, 422);
      assert.match(await empty.text(), /Vul uw wachtwoord in\./);
    });

    test('a disabled account cannot log in', async () => {
      const user = await createUser(t.db);
      await t.db.$client.query('update users set disabled_at = now() where id = $1', [user.id]);
      const res = await login(new TestClient(t.app), user.email, FACTORY_PASSWORD);
      assert.equal(res.status, 422);
    });

    test('logging in needs the CSRF token', async () => {
      const user = await createUser(t.db);
      const client = new TestClient(t.app);
      const res = await client.postForm('/inloggen', { email: user.email, password: FACTORY_PASSWORD }, { csrf: false });
      assert.equal(res.status, 403);
      assert.ok(!client.cookies.has(SESSION_COOKIE));
      assert.equal(await countRows(t.db, 'select 1 from sessions where user_id = $1', [user.id]), 0);
    });

    test('a visitor who opens a personal page logs in and comes back to it', async () => {
      const user = await createUser(t.db, { roles: ['admin'] });
      const client = new TestClient(t.app);
      const first = await client.get('/beheer/outbox?pagina=2');
      assert.equal(first.status, 303);
      const location = first.headers.get('location')!;
      assert.equal(location, `/inloggen?terug=${encodeURIComponent('/beheer/outbox?pagina=2')}`);
      const form = await client.get(location);
      assert.equal(form.status, 200);
      const html = await form.text();
      const terug = /name="terug" value="([^"]*)"/.exec(html)?.[1];
      assert.equal(terug?.replaceAll('&amp;', '&'), '/beheer/outbox?pagina=2');
      const res = await login(client, user.email, FACTORY_PASSWORD, terug!.replaceAll('&amp;', '&'));
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/beheer/outbox?pagina=2');
      assert.equal((await client.get('/beheer/outbox?pagina=2')).status, 200);
    });

    test('a return address to another site is ignored: the user goes to /mijn', async () => {
      const user = await createUser(t.db);
      for (const terug of ['//evil.example', 'https://evil.example', '//evil.example/mijn', '/\\evil.example', 'http:/evil.example', 'javascript:alert(1)', '/inloggen', ' /mijn']) {
        const client = new TestClient(t.app);
        const res = await login(client, user.email, FACTORY_PASSWORD, terug);
        assert.equal(res.status, 303, terug);
        assert.equal(res.headers.get('location'), '/mijn', terug);
      }
      // The login page does not carry a foreign address into its form either.
      const page = await new TestClient(t.app).get(`/inloggen?terug=${encodeURIComponent('//evil.example')}`);
      assert.match(await page.text(), /name="terug" value="\/mijn"/);
    });

    test('a logged-in user opening /inloggen goes on to the (safe) return address', async () => {
      const client = new TestClient(t.app);
      await loginAs(t.db, client, await createUser(t.db), t.clock.now());
      const res = await client.get('/inloggen?terug=%2F%2Fevil.example');
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/mijn');
    });
  });

  describe('logging out', () => {
    test('POST /uitloggen ends the session in the database and clears the cookie', async () => {
      const user = await createUser(t.db);
      const client = new TestClient(t.app);
      await loginAs(t.db, client, user, t.clock.now());
      const sid = client.cookies.get(SESSION_COOKIE)!;
      const res = await client.postForm('/uitloggen', {});
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/');
      assert.equal(await countRows(t.db, 'select 1 from sessions where id_hash = $1', [hashToken(sid)]), 0);
      assert.ok(!client.cookies.has(SESSION_COOKIE));
      const home = await client.get('/');
      assert.match(await home.text(), /U bent uitgelogd\./);
      assert.equal((await client.get('/mijn')).status, 303, 'personal pages are closed again');
    });

    test('logging out needs the CSRF token (nobody can log you out from another site)', async () => {
      const user = await createUser(t.db);
      const client = new TestClient(t.app);
      await loginAs(t.db, client, user, t.clock.now());
      const res = await client.postForm('/uitloggen', {}, { csrf: false });
      assert.equal(res.status, 403);
      assert.equal((await client.get('/mijn')).status, 200, 'still logged in');
    });
  });
});

describe('accounts behind HTTPS', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext({ env: { PUBLIC_URL: 'https://impactregio.example' } });
  });
  after(async () => {
    await t.close();
  });

  test('the session cookie is Secure, HttpOnly and SameSite=Lax, and mail links use the public https address', async () => {
    const client = new TestClient(t.app);
    const email = await register(client);
    const mail = await lastMailTo(t.db, email);
    assert.ok(mail.text_body.includes('https://impactregio.example/e-mail-bevestigen/'));
    const link = linkIn(mail.text_body, 'https://impactregio.example', '/e-mail-bevestigen');
    assert.equal((await client.get(link)).status, 303);
    const res = await login(client, email, STRONG_PASSWORD);
    assert.equal(res.status, 303);
    const line = setCookieLine(res, SESSION_COOKIE)!;
    assert.match(line, /;\s*Secure/i);
    assert.match(line, /HttpOnly/i);
    assert.match(line, /SameSite=Lax/i);
  });
});
