import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.ts';
import { migrationsFolder } from '../../src/db/migrate.ts';
import { cleanUp, exitOf, findFreePort, httpGet, spawnApp, tempDir, type AppProcess } from './app-process.ts';

const SECRET = 'an-operator-chosen-secret-of-enough-length-0123456789';

describe('npm start with DATABASE_URL', () => {
  const apps: AppProcess[] = [];
  const dirs: string[] = [];
  let external: EmbeddedDatabase;
  let externalUrl: string;

  before(async () => {
    // "Someone else's" PostgreSQL: a server of its own, with an empty database for the app.
    const serverDir = await tempDir();
    dirs.push(serverDir);
    external = await startEmbeddedPostgres({ dataDir: serverDir, unsafeFast: true, databaseName: 'postgres' });
    const admin = new pg.Client({ connectionString: external.url });
    await admin.connect();
    await admin.query('create database operator_db');
    await admin.end();
    externalUrl = external.url.replace(/\/postgres$/, '/operator_db');
  });

  after(async () => {
    await cleanUp(apps, []);
    await external?.stop();
    await cleanUp([], dirs);
  });

  test('SESSION_SECRET is required, and nothing starts without it', async () => {
    const dataDir = path.join(await tempDir(), 'data');
    dirs.push(path.dirname(dataDir));
    const app = spawnApp({ dataDir, port: await findFreePort(), env: { DATABASE_URL: externalUrl } });
    apps.push(app);
    const { code } = await exitOf(app);
    assert.equal(code, 1);
    assert.match(app.stderr(), /Invalid configuration:\n {2}- SESSION_SECRET: required when DATABASE_URL is set/);
    assert.equal(existsSync(dataDir), false);
  });

  test('it uses that database: migrations applied, no demo data or demo accounts, no embedded database', async () => {
    const dataDir = path.join(await tempDir(), 'data');
    dirs.push(path.dirname(dataDir));
    // DEMO_DATA unset (auto): it still must not load demo data into an operator's database
    const app = spawnApp({ dataDir, port: await findFreePort(), env: { DATABASE_URL: externalUrl, SESSION_SECRET: SECRET, HOST: '127.0.0.1' } });
    apps.push(app);
    await app.ready();
    assert.equal((await httpGet(app.port, '/readyz')).status, 200);
    assert.match(app.stdout(), new RegExp(`running at http://localhost:${app.port}\\n`));
    assert.doesNotMatch(app.stdout(), /Demo logins|loading demo data|embedded database/);
    assert.equal(existsSync(path.join(dataDir, 'pg')), false, 'no embedded database created');

    const client = new pg.Client({ connectionString: externalUrl });
    await client.connect();
    try {
      const journal = JSON.parse(await readFile(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
      const { rows: applied } = await client.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
      assert.equal(applied[0]!.n, journal.entries.length, 'every migration applied');

      // Every table that can hold demo rows holds none.
      const { rows: tables } = await client.query<{ table_name: string }>(
        "select table_name from information_schema.columns where table_schema = 'public' and column_name = 'is_demo'",
      );
      assert.ok(tables.some((t) => t.table_name === 'users') && tables.some((t) => t.table_name === 'organisations'));
      for (const { table_name } of tables) {
        const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from "${table_name}" where is_demo`);
        assert.equal(rows[0]!.n, 0, `no demo rows in ${table_name}`);
      }
      const { rows: demoUsers } = await client.query<{ n: number }>("select count(*)::int as n from users where email like '%@demo.impactregio.nl'");
      assert.equal(demoUsers[0]!.n, 0, 'no demo accounts');
      const { rows: marker } = await client.query("select 1 from app_settings where key = 'demo_seeded_at'");
      assert.equal(marker.length, 0);
    } finally {
      await client.end();
    }

    app.signalGroup('SIGINT');
    assert.equal((await exitOf(app)).code, 0);
    // the operator's server is not the app's to stop
    const check = new pg.Client({ connectionString: externalUrl });
    await check.connect();
    await check.query('select 1');
    await check.end();
  });
});
