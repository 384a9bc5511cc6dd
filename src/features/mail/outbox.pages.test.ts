import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TestClient } from '../../../tests/helpers/client.ts';
import { createUser, loginAs } from '../../../tests/helpers/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/helpers/test-app.ts';

describe('/beheer/outbox', () => {
  let t: TestContext;
  let admin: TestClient;
  const ids: number[] = [];

  before(async () => {
    t = await createTestContext();
    // 30 mails a minute apart; the newest has the highest number.
    for (let n = 1; n <= 30; n++) {
      ids.push(await t.deps.mailer.queue(t.db, { to: `ontvanger-${n}@example.org`, subject: `Bericht ${n}`, text: `Tekst ${n}` }));
      t.clock.advance(60_000);
    }
    admin = new TestClient(t.app);
    await loginAs(t.db, admin, await createUser(t.db, { roles: ['admin'] }), t.clock.now());
  });
  after(async () => {
    await t.close();
  });

  const subjectsOn = (html: string) => [...html.matchAll(/href="\/beheer\/outbox\/\d+">(Bericht \d+)</g)].map((m) => m[1]);

  test('lists mails newest first with subject, recipient, status in words and creation time, 25 a page', async () => {
    const res = await admin.get('/beheer/outbox');
    assert.equal(res.status, 200);
    const html = await res.text();
    const subjects = subjectsOn(html);
    assert.equal(subjects.length, 25);
    assert.equal(subjects[0], 'Bericht 30');
    assert.equal(subjects[24], 'Bericht 6');
    assert.match(html, /ontvanger-30@example\.org/);
    assert.match(html, /Bewaard, niet verstuurd/);
    assert.match(html, /28 november 2026/);
    assert.match(html, /Er is geen mailserver ingesteld/);
    assert.match(html, /Totaal: 30 e-mails\./);
    assert.match(html, /<th[^>]*scope="col"[^>]*>Onderwerp<\/th>/);
    assert.match(html, /href="\/beheer\/outbox\?pagina=2"/);
  });

  test('page 2 holds the rest; a page number out of range or not a number shows the nearest page', async () => {
    const page2 = await (await admin.get('/beheer/outbox?pagina=2')).text();
    assert.deepEqual(subjectsOn(page2), ['Bericht 5', 'Bericht 4', 'Bericht 3', 'Bericht 2', 'Bericht 1']);
    assert.deepEqual(subjectsOn(await (await admin.get('/beheer/outbox?pagina=999')).text()), subjectsOn(page2));
    for (const bad of ['abc', '-3', '0', '1e9999', "1' or 1=1"]) {
      const res = await admin.get(`/beheer/outbox?pagina=${encodeURIComponent(bad)}`);
      assert.equal(res.status, 200, bad);
      assert.equal(subjectsOn(await res.text())[0], 'Bericht 30', bad);
    }
  });

  test('one mail shows its text with clickable links, and HTML in a mail stays text', async () => {
    const id = await t.deps.mailer.queue(t.db, {
      to: 'iemand@example.org',
      subject: 'Met link',
      text: `Klik hier:\n${t.config.publicUrl}/e-mail-bevestigen/abcDEF123_-xyz\n<script>alert(1)</script> "quotes"`,
    });
    const res = await admin.get(`/beheer/outbox/${id}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1[^>]*>Met link<\/h1>/);
    assert.ok(html.includes(`<a class="utrecht-link" href="${t.config.publicUrl}/e-mail-bevestigen/abcDEF123_-xyz">`));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!html.includes('<script>alert(1)'));
    assert.match(html, /iemand@example\.org/);
  });

  test('the text of a mail already delivered by the mail server is not shown', async () => {
    const id = await t.deps.mailer.queue(t.db, { to: 'x@example.org', subject: 'Al verstuurd', text: 'geheime-link-123' });
    await t.db.$client.query("update outbox set status = 'sent', sent_at = now(), attempts = 1 where id = $1", [id]);
    const html = await (await admin.get(`/beheer/outbox/${id}`)).text();
    assert.doesNotMatch(html, /geheime-link-123/);
    assert.match(html, /Deze e-mail is al verstuurd/);
    assert.match(html, /Verstuurd op/);
  });

  test('an unknown or malformed id is a 404 page, never a 500', async () => {
    for (const id of ['999999', 'abc', '0', '-1', '1.5', '99999999999999999999']) {
      const res = await admin.get(`/beheer/outbox/${id}`);
      assert.equal(res.status, 404, id);
    }
  });

  test('only admins may read it (stored mails can hold live reset links); other roles get 403; visitors are sent to log in', async () => {
    for (const role of ['coordinator', 'entrepreneur', 'account_manager', 'procurement_officer', 'partner', 'learner'] as const) {
      const client = new TestClient(t.app);
      await loginAs(t.db, client, await createUser(t.db, { roles: [role] }), t.clock.now());
      assert.equal((await client.get('/beheer/outbox')).status, 403, role);
      const one = await client.get(`/beheer/outbox/${ids[0]}`);
      assert.equal(one.status, 403, role);
      assert.doesNotMatch(await one.text(), /Tekst 1/);
    }
    const visitor = await new TestClient(t.app).get(`/beheer/outbox/${ids[0]}`);
    assert.equal(visitor.status, 303);
    assert.equal(visitor.headers.get('location'), `/inloggen?terug=${encodeURIComponent(`/beheer/outbox/${ids[0]}`)}`);
  });
});
