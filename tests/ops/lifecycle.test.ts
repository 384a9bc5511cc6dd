import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isProcessAlive, readPostmasterPid } from '../../src/db/embedded.ts';
import { demoLogins } from '../../src/features/demo/demo.seed.ts';
import {
  cleanUp,
  connectionRefused,
  connectToAppDatabase,
  exitOf,
  findFreePort,
  httpGet,
  postmastersOn,
  spawnApp,
  tempDir,
  waitUntilDead,
  type AppProcess,
} from './app-process.ts';

async function demoSeededAt(dataDir: string): Promise<string | null> {
  const client = await connectToAppDatabase(dataDir);
  try {
    const { rows } = await client.query<{ value: string }>("select value from app_settings where key = 'demo_seeded_at'");
    return rows[0]?.value ?? null;
  } finally {
    await client.end();
  }
}

// One first start with demo data (A) and one without, on another HOST (B), run side by side; the assertions share them.
describe('npm start: first start, two instances, Ctrl-C, second start', () => {
  const apps: AppProcess[] = [];
  const dirs: string[] = [];
  let a: AppProcess;
  let b: AppProcess;
  let firstMarker: string | null = null;

  before(async () => {
    const [dirA, dirB] = [await tempDir(), await tempDir()];
    dirs.push(dirA, dirB);
    // DEMO_DATA unset: the default, as a newcomer runs it
    a = spawnApp({ dataDir: dirA, port: await findFreePort(), env: {} });
    b = spawnApp({ dataDir: dirB, port: await findFreePort(), env: { DEMO_DATA: 'never', HOST: '127.0.0.2' } });
    apps.push(a, b);
    await Promise.all([a.ready(), b.ready()]);
  });

  after(async () => {
    await cleanUp(apps, dirs);
  });

  test('first start prints the URL and becomes healthy and ready', async () => {
    assert.match(a.stdout(), new RegExp(`Impactregio is running at http://localhost:${a.port}\\n`));
    const health = await httpGet(a.port, '/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const ready = await httpGet(a.port, '/readyz');
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready' });
    const home = await httpGet(a.port, '/');
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<html lang="nl"/);
  });

  test('the data folder holds the database and a secrets file only its owner can read', async () => {
    assert.ok(existsSync(path.join(a.dataDir, 'pg', 'PG_VERSION')), 'DATA_DIR/pg is a PostgreSQL folder');
    const mode = (await stat(path.join(a.dataDir, 'secrets.json'))).mode & 0o777;
    assert.equal(mode.toString(8), '600');
  });

  test('the embedded database listens on 127.0.0.1 only, without a unix socket', async () => {
    const info = await readPostmasterPid(path.join(a.dataDir, 'pg'));
    assert.ok(info, 'postmaster.pid exists while running');
    assert.equal(info.listenAddresses, '127.0.0.1');
    const client = await connectToAppDatabase(a.dataDir);
    try {
      const { rows } = await client.query<{ listen: string; sockets: string }>(
        "select current_setting('listen_addresses') as listen, current_setting('unix_socket_directories') as sockets",
      );
      assert.deepEqual(rows[0], { listen: '127.0.0.1', sockets: '' });
    } finally {
      await client.end();
    }
    // Another loopback address and every external address of this machine are refused.
    const others = ['127.0.0.2', ...Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).filter((n) => !n.internal && n.family === 'IPv4').map((n) => n.address))];
    for (const host of others) assert.ok(await connectionRefused(host, info.port), `database port refused on ${host}`);
  });

  test('the web server honours PORT and HOST', async () => {
    assert.match(b.stdout(), new RegExp(`Impactregio is running at http://127\\.0\\.0\\.2:${b.port}\\n`));
    assert.equal((await httpGet(b.port, '/readyz', '127.0.0.2')).status, 200);
    assert.ok(await connectionRefused('127.0.0.1', b.port), 'HOST=127.0.0.2 does not listen on 127.0.0.1');
    assert.ok(await connectionRefused('127.0.0.2', a.port), 'the default HOST is 127.0.0.1 only');
  });

  test('two instances with their own DATA_DIR and PORT run side by side on separate databases', async () => {
    assert.notEqual(a.port, b.port);
    const [ra, rb] = await Promise.all([httpGet(a.port, '/readyz'), httpGet(b.port, '/readyz', '127.0.0.2')]);
    assert.equal(ra.status, 200);
    assert.equal(rb.status, 200);
    const [pa, pb] = await Promise.all([readPostmasterPid(path.join(a.dataDir, 'pg')), readPostmasterPid(path.join(b.dataDir, 'pg'))]);
    assert.ok(pa && pb);
    assert.notEqual(pa.pid, pb.pid);
    assert.notEqual(pa.port, pb.port);
  });

  test('a second app on a DATA_DIR that is in use refuses to start and leaves the first alone', async () => {
    const intruder = spawnApp({ dataDir: a.dataDir, port: await findFreePort(), env: { DEMO_DATA: 'never' } });
    apps.push(intruder);
    const { code } = await exitOf(intruder);
    assert.equal(code, 1);
    assert.match(intruder.stderr(), /is in use by another running process \(pid \d+\).*same DATA_DIR/);
    assert.equal((await httpGet(a.port, '/readyz')).status, 200);
  });

  test('the first embedded start loads the demo data once and prints every demo login', async () => {
    assert.match(a.stdout(), /loading demo data \(first run\)/);
    assert.match(a.stdout(), /\(demo data loaded\)/);
    firstMarker = await demoSeededAt(a.dataDir);
    assert.ok(firstMarker, 'the demo_seeded_at marker is set');
    const logins = demoLogins();
    if (logins.length > 0) assert.match(a.stdout(), /Demo logins \(password for all: /);
    for (const login of logins) assert.ok(a.stdout().includes(login.email), `${login.email} is printed`);
    // DEMO_DATA=never: nothing loaded, nothing printed
    assert.equal(await demoSeededAt(b.dataDir), null);
    assert.doesNotMatch(b.stdout(), /Demo logins|loading demo data/);
  });

  test('Ctrl-C stops the web server and the embedded database cleanly (exit 0)', async () => {
    const pgDir = path.join(a.dataDir, 'pg');
    const info = await readPostmasterPid(pgDir);
    assert.ok(info && (await isProcessAlive(info.pid)));
    a.signalGroup('SIGINT'); // what a terminal does: the whole foreground process group
    const { code, signal } = await exitOf(a, 25_000);
    assert.deepEqual({ code, signal }, { code: 0, signal: null });
    assert.match(a.stdout(), /"msg":"embedded database stopped"/);
    assert.ok(await waitUntilDead(info.pid, 1000), 'the PostgreSQL server is gone');
    assert.equal(existsSync(path.join(pgDir, 'postmaster.pid')), false, 'postmaster.pid removed by a clean shutdown');
    assert.deepEqual(await postmastersOn(pgDir), []);
    assert.ok(await connectionRefused('127.0.0.1', a.port), 'the web server is closed');
  });

  test('a second start on the same DATA_DIR does not load the demo data again', async () => {
    // The test above stopped A; start it again on the same folder.
    const again = spawnApp({ dataDir: a.dataDir, port: a.port, env: {} });
    apps.push(again);
    await again.ready();
    assert.equal((await httpGet(a.port, '/readyz')).status, 200);
    assert.ok(firstMarker);
    assert.equal(await demoSeededAt(a.dataDir), firstMarker, 'the marker of the first load is untouched');
    assert.doesNotMatch(again.stdout(), /loading demo data|\(demo data loaded\)/);
    for (const login of demoLogins()) assert.ok(again.stdout().includes(login.email), `${login.email} is printed again`);
    again.signalGroup('SIGTERM');
    assert.equal((await exitOf(again)).code, 0);
  });
});

describe('npm start with NODE_ENV=production', () => {
  const apps: AppProcess[] = [];
  const dirs: string[] = [];
  after(async () => {
    await cleanUp(apps, dirs);
  });

  test('never loads demo data or demo accounts, not even on a first embedded start', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const app = spawnApp({ dataDir: dir, port: await findFreePort(), env: { NODE_ENV: 'production' } });
    apps.push(app);
    await app.ready();
    assert.equal((await httpGet(app.port, '/readyz')).status, 200);
    assert.equal(await demoSeededAt(dir), null);
    const client = await connectToAppDatabase(dir);
    try {
      const { rows } = await client.query<{ n: number }>('select (select count(*) from users where is_demo)::int + (select count(*) from organisations where is_demo)::int as n');
      assert.equal(rows[0].n, 0);
    } finally {
      await client.end();
    }
    assert.doesNotMatch(app.stdout(), /Demo logins|loading demo data/);
  });
});
