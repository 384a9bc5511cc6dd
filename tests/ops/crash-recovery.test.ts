import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type pg from 'pg';
import { isProcessAlive, readPostmasterPid } from '../../src/db/embedded.ts';
import {
  cleanUp,
  connectToAppDatabase,
  exitOf,
  findFreePort,
  httpGet,
  spawnApp,
  tempDir,
  waitUntilDead,
  type AppProcess,
} from './app-process.ts';

/** Registers an account through the real form over HTTP; the 303 is the app's acknowledgement that it is stored. */
async function registerOverHttp(port: number, email: string): Promise<number> {
  const form = await httpGet(port, '/registreren');
  assert.equal(form.status, 200);
  const cookie = form.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = /name="_csrf"[^>]*value="([^"]+)"/.exec(await form.text())?.[1];
  assert.ok(token, 'the form carries a CSRF token');
  const res = await fetch(`http://127.0.0.1:${port}/registreren`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', connection: 'close' },
    body: new URLSearchParams({ _csrf: token, name: 'Crash Test', email, password: 'een lang wachtwoord hier' }),
  });
  await res.arrayBuffer();
  return res.status;
}

async function countUsers(client: pg.Client, emails: string[]): Promise<number> {
  const { rows } = await client.query<{ n: number }>('select count(*)::int as n from users where lower(email) = any($1)', [emails]);
  return rows[0]!.n;
}

/** Inserts numbered rows one committed statement at a time until stopped; `acked` is the last one the server confirmed. */
function startWriter(client: pg.Client, from: number) {
  const state = { acked: from, stop: false, failed: null as unknown, done: Promise.resolve() };
  state.done = (async () => {
    for (let n = from + 1; !state.stop; n++) {
      await client.query('insert into crash_probe (n) values ($1)', [n]);
      state.acked = n;
    }
  })().catch((e) => {
    state.failed = e; // expected once the server goes away under it
  });
  return state;
}

async function probeRowsUpTo(dataDir: string, acked: number): Promise<number> {
  const client = await connectToAppDatabase(dataDir);
  try {
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from crash_probe where n <= $1', [acked]);
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

describe('npm start after a crash', () => {
  const apps: AppProcess[] = [];
  let dataDir: string;
  let pgDir: string;
  let current: AppProcess;
  const emails: string[] = [];
  let ackedRows = 0;

  const start = async () => {
    const app = spawnApp({ dataDir, port: await findFreePort(), env: { DEMO_DATA: 'never' } });
    apps.push(app);
    await app.ready();
    return app;
  };

  /** Acknowledged writes of two kinds: accounts registered over HTTP, and rows committed while the kill happens. */
  const writeAndKill = async (app: AppProcess, label: string, kill: () => Promise<void>) => {
    for (let i = 1; i <= 3; i++) {
      const email = `${label}-${i}@example.org`;
      assert.equal(await registerOverHttp(app.port, email), 303, `registration of ${email} acknowledged`);
      emails.push(email);
    }
    const client = await connectToAppDatabase(dataDir);
    await client.query('create table if not exists crash_probe (n int primary key)');
    const writer = startWriter(client, ackedRows);
    while (writer.acked < ackedRows + 100) {
      if (writer.failed) throw writer.failed;
      await new Promise((r) => setTimeout(r, 5));
    }
    await kill();
    writer.stop = true;
    await writer.done;
    ackedRows = writer.acked;
    await client.end().catch(() => undefined);
  };

  before(async () => {
    dataDir = await tempDir();
    pgDir = path.join(dataDir, 'pg');
    current = await start();
  });

  after(async () => {
    await cleanUp(apps, [dataDir]);
  });

  test('kill -9 of the app: the orphaned database keeps running, the next start stops it and comes up with every acknowledged write', async () => {
    const before = await readPostmasterPid(pgDir);
    assert.ok(before);
    await writeAndKill(current, 'kill-app', async () => {
      process.kill(current.pid, 'SIGKILL'); // `kill -9 <pid>` of the app alone
      assert.equal((await exitOf(current)).signal, 'SIGKILL');
    });
    assert.ok(await isProcessAlive(before.pid), 'the orphaned PostgreSQL server is still running');

    current = await start();
    assert.match(current.stdout(), /still running \(the app was killed\); asking it to stop/);
    assert.ok(await waitUntilDead(before.pid, 1000), 'the orphan was stopped');
    const after = await readPostmasterPid(pgDir);
    assert.ok(after && after.pid !== before.pid);
    assert.equal((await httpGet(current.port, '/readyz')).status, 200);

    const client = await connectToAppDatabase(dataDir);
    try {
      assert.equal(await countUsers(client, emails), emails.length, 'every acknowledged registration is there');
    } finally {
      await client.end();
    }
    assert.equal(await probeRowsUpTo(dataDir, ackedRows), ackedRows, 'every acknowledged row is there');
  });

  test('a crash of the app and its database leaves a stale postmaster.pid: the next start recovers every acknowledged write', async () => {
    const running = await readPostmasterPid(pgDir);
    assert.ok(running);
    await writeAndKill(current, 'kill-both', async () => {
      process.kill(current.pid, 'SIGKILL');
      process.kill(running.pid, 'SIGKILL'); // no shutdown checkpoint: the restart must replay the WAL
      await exitOf(current);
      assert.ok(await waitUntilDead(running.pid));
    });
    assert.ok(existsSync(path.join(pgDir, 'postmaster.pid')), 'the pid file of the dead server is left behind');

    current = await start();
    assert.match(current.stdout(), /found a stale postmaster\.pid/);
    assert.equal((await httpGet(current.port, '/readyz')).status, 200);
    const client = await connectToAppDatabase(dataDir);
    try {
      assert.equal(await countUsers(client, emails), emails.length, 'every acknowledged registration is there');
    } finally {
      await client.end();
    }
    assert.equal(await probeRowsUpTo(dataDir, ackedRows), ackedRows, 'every acknowledged row is there');
  });

  test('a postmaster.pid whose pid now belongs to another live process is stale, and that process is left alone', async () => {
    current.signalGroup('SIGTERM');
    assert.equal((await exitOf(current)).code, 0);
    assert.equal(existsSync(path.join(pgDir, 'postmaster.pid')), false);
    // After a reboot the old pid is often reused. Here: this test process, which must not be signalled.
    const port = (await readPostmasterPid(pgDir))?.port ?? 5432;
    await writeFile(path.join(pgDir, 'postmaster.pid'), [process.pid, pgDir, Math.floor(Date.now() / 1000), port, '', '127.0.0.1', '  1234567   98304', 'ready   ', ''].join('\n'));
    current = await start();
    assert.match(current.stdout(), /found a stale postmaster\.pid/);
    assert.equal((await httpGet(current.port, '/readyz')).status, 200);
    assert.equal(await probeRowsUpTo(dataDir, ackedRows), ackedRows);
  });

  test('when the embedded database dies under a running app, the app stops with exit 1 so a supervisor can restart it', async () => {
    const info = await readPostmasterPid(pgDir);
    assert.ok(info);
    process.kill(info.pid, 'SIGKILL');
    const { code } = await exitOf(current, 25_000);
    assert.equal(code, 1);
    assert.match(current.stdout(), /the embedded database stopped unexpectedly/);
  });
});
