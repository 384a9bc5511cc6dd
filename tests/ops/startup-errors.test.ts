import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { cleanUp, exitOf, findFreePort, spawnApp, tempDir, type AppProcess } from './app-process.ts';

describe('npm start refuses to run with a clear message', () => {
  const apps: AppProcess[] = [];
  const dirs: string[] = [];
  after(async () => {
    await cleanUp(apps, dirs);
  });

  test('invalid configuration: exit 1, every problem listed, nothing started', async () => {
    const parent = await tempDir();
    dirs.push(parent);
    const dataDir = path.join(parent, 'data');
    const app = spawnApp({
      dataDir,
      port: 3000,
      env: { PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'ftp://x', LOG_LEVEL: 'loud' },
    });
    apps.push(app);
    const { code } = await exitOf(app);
    assert.equal(code, 1);
    const stderr = app.stderr();
    assert.match(stderr, /Invalid configuration/);
    for (const name of ['PORT', 'DATABASE_URL', 'SMTP_URL', 'LOG_LEVEL', 'SESSION_SECRET']) {
      assert.match(stderr, new RegExp(`^  - ${name}: `, 'm'), `${name} is listed`);
    }
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    assert.doesNotMatch(app.stdout(), /running at/);
    assert.equal(existsSync(dataDir), false, 'no data folder created');
  });

  test('a data folder that cannot be written: exit 1 with a message naming DATA_DIR', async () => {
    const parent = await tempDir();
    dirs.push(parent);
    const file = path.join(parent, 'a-file');
    await writeFile(file, 'not a folder');
    const dataDir = path.join(file, 'data');
    const app = spawnApp({ dataDir, port: await findFreePort(), env: { DEMO_DATA: 'never' } });
    apps.push(app);
    const { code } = await exitOf(app);
    assert.equal(code, 1);
    const stderr = app.stderr();
    assert.match(stderr, /Impactregio could not start: The data folder .*a-file\/data \(DATA_DIR\) cannot be created or written to \(ENOTDIR\)/);
    assert.match(stderr, /Set DATA_DIR to a folder you can write to/);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  });

  test('a port that is taken: exit 1, names the port and how to choose another, before anything else starts', async () => {
    const parent = await tempDir();
    dirs.push(parent);
    const dataDir = path.join(parent, 'data');
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const app = spawnApp({ dataDir, port, env: { DEMO_DATA: 'never' } });
      apps.push(app);
      const { code } = await exitOf(app);
      assert.equal(code, 1);
      const stderr = app.stderr();
      assert.match(stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
      assert.match(stderr, new RegExp(`PORT=${port + 1} npm start`));
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
      assert.doesNotMatch(app.stdout(), /embedded database started/);
      assert.equal(existsSync(dataDir), false, 'no database created');
    } finally {
      blocker.close();
    }
  });
});
