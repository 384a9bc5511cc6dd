import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isAppError } from '../../lib/errors.ts';
import { createTestContext, type TestContext } from '../../../tests/helpers/test-app.ts';
import { enforceRateLimit, hitRateLimit, type RateLimitRule } from './rate-limit.ts';

const rule: RateLimitRule = { name: 'test.rule', limit: 3, windowMs: 60_000 };

describe('rate-limit module', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext({ now: '2026-11-28T10:00:10.000Z' });
  });
  after(async () => {
    await t.close();
  });

  test('counts hits per subject within a fixed window and refuses the hit after the limit', async () => {
    const now = t.clock.now();
    const results = [];
    for (let n = 0; n < 4; n++) results.push(await hitRateLimit(t.db, rule, 'alice@example.org', now));
    assert.deepEqual(results.map((r) => [r.count, r.allowed]), [[1, true], [2, true], [3, true], [4, false]]);
    assert.equal(results[0].resetAt.toISOString(), '2026-11-28T10:01:00.000Z', 'the window ends on its boundary');
    assert.equal((await hitRateLimit(t.db, rule, 'bob@example.org', now)).allowed, true, 'another subject has its own count');
    assert.equal((await hitRateLimit(t.db, { ...rule, name: 'other.rule' }, 'alice@example.org', now)).count, 1, 'another rule has its own count');
    assert.equal((await hitRateLimit(t.db, rule, 'ALICE@example.org', now)).count, 5, 'subjects are case-insensitive');
  });

  test('a new window starts from zero', async () => {
    const later = new Date(t.clock.now().getTime() + 60_000);
    assert.equal((await hitRateLimit(t.db, rule, 'alice@example.org', later)).count, 1);
  });

  test('enforceRateLimit throws AppError rate_limited past the limit', async () => {
    const now = new Date('2026-11-28T12:00:00Z');
    for (let n = 0; n < 3; n++) await enforceRateLimit(t.db, rule, '203.0.113.1', now);
    await assert.rejects(enforceRateLimit(t.db, rule, '203.0.113.1', now), (e) => isAppError(e) && e.code === 'rate_limited');
  });

  test('stored keys hold no email address or IP address in the clear', async () => {
    const { rows } = await t.db.$client.query('select key from rate_limit_hits');
    assert.ok(rows.length > 0);
    for (const r of rows) {
      assert.doesNotMatch(r.key, /@|203\.0\.113/);
      assert.match(r.key, /^[a-z.]+:[0-9a-f]{64}$/);
    }
  });

  test('windows older than a day are pruned when a new window starts', async () => {
    const dayLater = new Date('2026-11-30T10:00:00Z');
    await hitRateLimit(t.db, rule, 'someone-new', dayLater);
    const { rows } = await t.db.$client.query('select count(*)::int as n from rate_limit_hits where window_start < $1', [new Date(dayLater.getTime() - 24 * 3600_000)]);
    assert.equal(rows[0].n, 0);
  });

  test('many processes hitting at once count every hit exactly once', async () => {
    const now = new Date('2026-11-28T15:00:00Z');
    const big: RateLimitRule = { name: 'test.concurrent', limit: 1000, windowMs: 60_000 };
    const results = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(t.db, big, 'shared', now)));
    assert.deepEqual(results.map((r) => r.count).sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
