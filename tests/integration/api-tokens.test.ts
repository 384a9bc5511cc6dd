import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../../src/data/reference.ts';
import { authenticateBearer } from '../../src/features/api-tokens/api-tokens.service.ts';
import { hashToken } from '../../src/lib/ids.ts';
import { isAppError } from '../../src/lib/errors.ts';
import { TestClient } from '../helpers/client.ts';
import { createUser, loginAs } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

/** Personal API tokens at /mijn/api-tokens: create (shown once, stored hashed), list, revoke; and Bearer checks. */
describe('personal API tokens', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(async () => {
    await t.close();
  });

  const q = async (sqlText: string, params: unknown[] = []) => (await t.db.$client.query(sqlText, params)).rows;

  async function clientFor(roles: Array<Role | { role: Role; municipality?: string }>) {
    const user = await createUser(t.db, { roles });
    const client = new TestClient(t.app);
    await loginAs(t.db, client, user, t.clock.now());
    return { user, client };
  }

  /** Creates a token through the page and reads it from the answer, as the person would copy it. */
  async function createToken(client: TestClient, name = 'Zaaksysteem', validDays = '90'): Promise<string> {
    const res = await client.postForm('/mijn/api-tokens', { name, validDays });
    assert.equal(res.status, 200);
    const html = await res.text();
    const m = /id="nieuwe-sleutel-waarde"[^>]*value="(irt_[A-Za-z0-9_-]{43})"/.exec(html) ?? /value="(irt_[A-Za-z0-9_-]{43})"[^>]*id="nieuwe-sleutel-waarde"/.exec(html);
    assert.ok(m, 'the new token is shown');
    return m[1];
  }

  const refusal = async (header: string | undefined) => {
    try {
      await authenticateBearer({ db: t.db, clock: t.clock }, header);
      return 'accepted';
    } catch (e) {
      assert.ok(isAppError(e));
      return `${e.code}:${e.message}`;
    }
  };

  test('staff create a token: shown once, stored only as a hash, listed with its last four characters, audited', async () => {
    const { user, client } = await clientFor([{ role: 'account_manager', municipality: 'emmen' }]);
    const token = await createToken(client, 'Koppeling zaaksysteem', '30');
    const rows = await q('select * from api_tokens where user_id = $1', [user.id]);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].token_hash, hashToken(token));
    assert.ok(!JSON.stringify(rows[0]).includes(token), 'the token itself is not stored');
    assert.equal(rows[0].last_four, token.slice(-4));
    assert.equal(new Date(rows[0].expires_at).getTime() - t.clock.now().getTime(), 30 * 24 * 3600_000);

    const list = await (await client.get('/mijn/api-tokens')).text();
    assert.ok(list.includes('Koppeling zaaksysteem'));
    assert.ok(list.includes(`…${token.slice(-4)}`));
    assert.ok(!list.includes(token), 'the list never shows the token again');

    const audit = await q(`select * from audit_log where action = 'api_token.created' and subject_id = $1`, [rows[0].id]);
    assert.equal(audit.length, 1);
    assert.equal(audit[0].actor_user_id, user.id);
    assert.ok(!JSON.stringify(audit[0].details).includes(token));
  });

  test('a form without a name comes back with 422, the typed values kept, and creates nothing', async () => {
    const { user, client } = await clientFor(['coordinator']);
    const res = await client.postForm('/mijn/api-tokens', { name: '   ', validDays: '365' });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.ok(html.includes('Geef de sleutel een naam.'));
    assert.match(html, /<option value="365" selected/);
    const bad = await client.postForm('/mijn/api-tokens', { name: 'Test', validDays: '9999' });
    assert.equal(bad.status, 422);
    assert.equal((await q('select count(*)::int as n from api_tokens where user_id = $1', [user.id]))[0].n, 0);
  });

  test('at most 10 live tokens a person', async () => {
    const { user, client } = await clientFor(['coordinator']);
    for (let n = 0; n < 10; n++) await createToken(client, `Sleutel ${n}`);
    const res = await client.postForm('/mijn/api-tokens', { name: 'Nummer elf', validDays: '30' });
    assert.equal(res.status, 422);
    assert.ok((await res.text()).includes('al 10 actieve sleutels'));
    assert.equal((await q('select count(*)::int as n from api_tokens where user_id = $1', [user.id]))[0].n, 10);
  });

  test('people without a staff role cannot have tokens (403); visitors go to the login page', async () => {
    const { client } = await clientFor(['entrepreneur']);
    assert.doesNotMatch(await (await client.get('/mijn')).text(), /href="\/mijn\/api-tokens"/, 'no link for non-staff');
    const staff = await clientFor([{ role: 'partner' }]);
    assert.match(await (await staff.client.get('/mijn')).text(), /href="\/mijn\/api-tokens"/, 'staff find the page from /mijn');
    assert.equal((await client.get('/mijn/api-tokens')).status, 403);
    assert.equal((await client.postForm('/mijn/api-tokens', { name: 'x', validDays: '30' })).status, 403);
    const visitor = new TestClient(t.app);
    const res = await visitor.get('/mijn/api-tokens');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/inloggen?terug=%2Fmijn%2Fapi-tokens');
  });

  test('revoking asks for confirmation, then the token stops working; someone else cannot revoke it', async () => {
    const { user, client } = await clientFor(['coordinator']);
    const token = await createToken(client);
    const [{ id }] = await q('select id from api_tokens where user_id = $1', [user.id]);
    assert.equal(await refusal(`Bearer ${token}`), 'accepted');

    const other = await clientFor(['coordinator']);
    assert.equal((await other.client.get(`/mijn/api-tokens/${id}/intrekken`)).status, 404);
    assert.equal((await other.client.postForm(`/mijn/api-tokens/${id}/intrekken`, {})).status, 404);
    assert.equal(await refusal(`Bearer ${token}`), 'accepted', 'still works after the failed attempt');

    const confirm = await client.get(`/mijn/api-tokens/${id}/intrekken`);
    assert.equal(confirm.status, 200);
    assert.ok((await confirm.text()).includes('Ja, sleutel intrekken'));
    const res = await client.postForm(`/mijn/api-tokens/${id}/intrekken`, {});
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/mijn/api-tokens');
    assert.ok((await (await client.follow(res)).text()).includes('De sleutel is ingetrokken'));
    assert.equal(await refusal(`Bearer ${token}`), 'unauthenticated:apiTokens.api.revoked');
    assert.equal((await q(`select count(*)::int as n from audit_log where action = 'api_token.revoked' and subject_id = $1`, [id]))[0].n, 1);
    assert.equal((await q(`select count(*)::int as n from audit_log where action = 'api_token.refused' and subject_id = $1`, [id]))[0].n, 1);
    // Twice is harmless and records nothing new.
    assert.equal((await client.postForm(`/mijn/api-tokens/${id}/intrekken`, {})).status, 303);
    assert.equal((await q(`select count(*)::int as n from audit_log where action = 'api_token.revoked' and subject_id = $1`, [id]))[0].n, 1);
    assert.equal((await client.postForm('/mijn/api-tokens/not-a-uuid/intrekken', {})).status, 404);
  });

  test('Bearer: missing, malformed, unknown, expired and disabled are 401; a token of someone who lost the staff role is 403', async () => {
    const { user, client } = await clientFor([{ role: 'partner' }]);
    const token = await createToken(client, 'Kort', '30');
    assert.equal(await refusal(undefined), 'unauthenticated:apiTokens.api.missing');
    assert.equal(await refusal(`Basic ${Buffer.from('a:b').toString('base64')}`), 'unauthenticated:apiTokens.api.missing');
    assert.equal(await refusal('Bearer kort'), 'unauthenticated:apiTokens.api.invalid');
    assert.equal(await refusal(`Bearer irt_${'A'.repeat(43)}`), 'unauthenticated:apiTokens.api.invalid');
    assert.equal(await refusal(`bearer ${token}`), 'accepted', 'the scheme is case-insensitive');
    const [{ last_used_at }] = await q('select last_used_at from api_tokens where user_id = $1', [user.id]);
    assert.equal(new Date(last_used_at).toISOString(), t.clock.now().toISOString(), 'last use is recorded');

    await q(`delete from role_assignments where user_id = $1`, [user.id]);
    assert.equal(await refusal(`Bearer ${token}`), 'forbidden:apiTokens.api.notStaff');
    await q(`insert into role_assignments (user_id, role) values ($1, 'partner')`, [user.id]);
    assert.equal(await refusal(`Bearer ${token}`), 'accepted');

    await q('update users set disabled_at = now() where id = $1', [user.id]);
    assert.equal(await refusal(`Bearer ${token}`), 'unauthenticated:apiTokens.api.invalid');
    await q('update users set disabled_at = null where id = $1', [user.id]);

    t.clock.advance(30 * 24 * 3600_000 + 1);
    try {
      assert.equal(await refusal(`Bearer ${token}`), 'unauthenticated:apiTokens.api.expired');
      await loginAs(t.db, client, user, t.clock.now()); // the old session expired too
      const page = await (await client.get('/mijn/api-tokens')).text();
      assert.ok(page.includes('Verlopen'));
    } finally {
      t.clock.set('2026-11-28T10:00:00.000Z');
    }
    const reasons = (await q(`select details->>'reason' as reason from audit_log where action = 'api_token.refused' and actor_user_id = $1 order by id`, [user.id])).map((r) => r.reason);
    assert.deepEqual(reasons, ['not_staff', 'account_disabled', 'expired']);
  });
});
