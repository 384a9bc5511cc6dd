import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.ts';

function problemsOf(env: Record<string, string>, options?: { server?: boolean }): string[] {
  try {
    loadConfig(env, options);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('loadConfig', () => {
  test('defaults: port 3000, loopback only, ./data, embedded database, demo data on first run', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3000);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.dataDir, path.resolve('data'));
    assert.equal(c.embedded, true);
    assert.equal(c.demoData, 'auto');
    assert.equal(c.publicUrl, 'http://localhost:3000');
  });

  test('every problem is listed at once, by setting name', () => {
    const problems = problemsOf({ PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'ftp://x', DEMO_DATA: 'sometimes' }, { server: true });
    assert.deepEqual(
      problems.map((p) => p.split(':')[0]).sort(),
      ['DATABASE_URL', 'DEMO_DATA', 'PORT', 'SESSION_SECRET', 'SMTP_URL'],
    );
  });

  test('the web server needs SESSION_SECRET with DATABASE_URL; scripts do not', () => {
    const env = { DATABASE_URL: 'postgres://u:p@db.example.org/impactregio' };
    assert.match(problemsOf(env, { server: true }).join('\n'), /^SESSION_SECRET: required when DATABASE_URL is set/);
    assert.deepEqual(problemsOf(env), []);
    assert.deepEqual(problemsOf({ ...env, SESSION_SECRET: 'short' }, { server: true }), ['SESSION_SECRET: must be at least 32 characters']);
  });

  test('with DATABASE_URL the server listens on all interfaces by default, and HOST overrides it', () => {
    const base = { DATABASE_URL: 'postgres://u:p@db/x', SESSION_SECRET: 'x'.repeat(32) };
    const c = loadConfig(base, { server: true });
    assert.equal(c.embedded, false);
    assert.equal(c.host, '0.0.0.0');
    assert.equal(loadConfig({ ...base, HOST: '10.0.0.5', PORT: '8080' }).host, '10.0.0.5');
  });
});
