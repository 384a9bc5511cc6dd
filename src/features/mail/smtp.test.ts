import assert from 'node:assert/strict';
import { createServer as createNetServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { TestClient } from '../../../tests/helpers/client.ts';
import { createTestContext, type TestContext } from '../../../tests/helpers/test-app.ts';
import { createMailer } from './mail.service.ts';

type Received = { from: string; to: string[]; raw: string };

/** A real SMTP server on a loopback port, collecting what it receives. */
async function startSmtp(port = 0): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    // Plain SMTP on loopback: no STARTTLS (nodemailer would try it and reject a self-signed certificate), no login.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return { port: actual, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A loopback port with nothing listening on it (yet). */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

/** Quoted-printable soft line breaks and escapes undone, enough to read links in a received mail. */
const decodeQp = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

describe('mail delivery over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestContext;
  before(async () => {
    smtp = await startSmtp();
    t = await createTestContext({ env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Impactregio <noreply@impactregio.test>' } });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  test('a queued mail is pending until delivered, then arrives at the SMTP server and is marked sent', async () => {
    assert.equal(t.deps.mailer.smtpConfigured, true);
    const id = await t.deps.mailer.queue(t.db, { to: 'ontvanger@example.org', subject: 'Proef over SMTP', text: 'Hallo via een echte mailserver.' });
    const before = await t.db.$client.query('select status from outbox where id = $1', [id]);
    assert.equal(before.rows[0].status, 'pending');

    const result = await t.deps.mailer.deliverDue(t.db);
    assert.deepEqual(result, { sent: 1, failed: 0 });
    assert.equal(smtp.received.length, 1);
    const mail = smtp.received[0];
    assert.deepEqual(mail.to, ['ontvanger@example.org']);
    assert.equal(mail.from, 'noreply@impactregio.test');
    assert.match(mail.raw, /^Subject: Proef over SMTP/m);
    assert.match(decodeQp(mail.raw), /Hallo via een echte mailserver\./);

    const row = (await t.db.$client.query('select status, attempts, sent_at from outbox where id = $1', [id])).rows[0];
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 1);
    assert.equal(new Date(row.sent_at).toISOString(), t.clock.now().toISOString());
    assert.deepEqual(await t.deps.mailer.deliverDue(t.db), { sent: 0, failed: 0 }, 'never sent twice');
    assert.equal(smtp.received.length, 1);
  });

  test('a registration mail reaches the mailbox with a working absolute link', async () => {
    smtp.received.length = 0;
    const client = new TestClient(t.app);
    const res = await client.postForm('/registreren', { name: 'Sanne', email: 'sanne@example.org', password: 'een lang wachtwoord hier' });
    assert.equal(res.status, 303);
    await t.deps.mailer.deliverDue(t.db);
    assert.equal(smtp.received.length, 1);
    assert.deepEqual(smtp.received[0].to, ['sanne@example.org']);
    const text = decodeQp(smtp.received[0].raw);
    const link = new RegExp(`${t.config.publicUrl.replace(/[.:/]/g, '\\$&')}(/e-mail-bevestigen/[A-Za-z0-9_-]+)`).exec(text)?.[1];
    assert.ok(link, 'the mail holds the verification link');
    assert.equal((await client.get(link)).status, 303);
    const { rows } = await t.db.$client.query("select email_verified_at from users where email = 'sanne@example.org'");
    assert.ok(rows[0].email_verified_at);
  });
});

describe('mail delivery while the SMTP server is down', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(async () => {
    await t.close();
  });

  test('the mail stays pending, attempts go up, the next attempt moves later; a later round delivers it', async () => {
    const port = await freePort();
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'noreply@impactregio.test', clock: t.clock, logger: pino({ level: 'silent' }) });
    try {
      const id = await mailer.queue(t.db, { to: 'later@example.org', subject: 'Komt later', text: 'Eerst lukt het niet.' });
      const row = async () => (await t.db.$client.query('select status, attempts, next_attempt_at, last_error from outbox where id = $1', [id])).rows[0];

      assert.deepEqual(await mailer.deliverDue(t.db), { sent: 0, failed: 1 });
      const first = await row();
      assert.equal(first.status, 'pending');
      assert.equal(first.attempts, 1);
      assert.ok(first.last_error, 'the error is kept for staff');
      assert.equal(new Date(first.next_attempt_at).getTime() - t.clock.now().getTime(), 60_000, 'first retry after a minute');

      assert.deepEqual(await mailer.deliverDue(t.db), { sent: 0, failed: 0 }, 'not retried before its time');
      assert.equal((await row()).attempts, 1);

      t.clock.advance(60_000);
      assert.deepEqual(await mailer.deliverDue(t.db), { sent: 0, failed: 1 });
      const second = await row();
      assert.equal(second.attempts, 2);
      assert.equal(new Date(second.next_attempt_at).getTime() - t.clock.now().getTime(), 120_000, 'the wait doubles');

      const smtp = await startSmtp(port);
      try {
        t.clock.advance(120_000);
        assert.deepEqual(await mailer.deliverDue(t.db), { sent: 1, failed: 0 });
        assert.equal(smtp.received.length, 1);
        assert.deepEqual(smtp.received[0].to, ['later@example.org']);
        const done = await row();
        assert.equal(done.status, 'sent');
        assert.equal(done.attempts, 3);
      } finally {
        await smtp.close();
      }
    } finally {
      mailer.close();
    }
  });
});
