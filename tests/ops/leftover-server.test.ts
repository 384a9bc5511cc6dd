import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { clearLeftoverServer, isProcessAlive } from '../../src/db/embedded.ts';
import { tempDir, waitUntilDead } from './app-process.ts';

const hasProc = existsSync('/proc/self/cwd');

describe('clearLeftoverServer', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  // After `kill -9` of a PostgreSQL server its backends may still run for a moment. Removing the pid file while they
  // do would let a new server start next to them on the same files, so they must be gone first.
  test('waits for the last processes of a crashed server before it removes the stale pid file', { skip: !hasProc && 'needs /proc' }, async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const pgDir = path.join(dir, 'pg');
    await mkdir(pgDir);
    // A stand-in for an orphaned backend: a process named "postgres" working in the data folder.
    const bin = path.join(dir, 'bin');
    await mkdir(bin);
    await symlink('/bin/sleep', path.join(bin, 'postgres'));
    const backend = spawn(path.join(bin, 'postgres'), ['600'], { cwd: pgDir, stdio: 'ignore' });
    const deadPid = await new Promise<number>((resolve) => {
      const p = spawn('/bin/true');
      p.on('exit', () => resolve(p.pid!));
    });
    await writeFile(path.join(pgDir, 'postmaster.pid'), `${deadPid}\n${pgDir}\n1\n5432\n\n127.0.0.1\n  1  2\nready\n`);
    const messages: string[] = [];
    const logger = { info: (_: unknown, m?: string) => void messages.push(String(m)), warn: (_: unknown, m?: string) => void messages.push(String(m)) };
    try {
      const started = Date.now();
      await clearLeftoverServer(pgDir, logger as never, 1000);
      assert.ok(Date.now() - started >= 900, 'it gave the process time to end by itself first');
      assert.ok(await waitUntilDead(backend.pid!, 2000), 'the leftover process was ended');
      assert.equal(existsSync(path.join(pgDir, 'postmaster.pid')), false);
      assert.ok(messages.some((m) => /stale postmaster\.pid/.test(m)));
      assert.ok(messages.some((m) => /waiting for the last processes/.test(m)));
    } finally {
      backend.kill('SIGKILL');
    }
  });

  test('leaves a folder without a pid file alone, and never signals a live process named in a stale pid file', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const pgDir = path.join(dir, 'pg');
    await mkdir(pgDir);
    await clearLeftoverServer(pgDir, undefined, 1000);
    const bystander = spawn('/bin/sleep', ['600'], { stdio: 'ignore' });
    try {
      await writeFile(path.join(pgDir, 'postmaster.pid'), `${bystander.pid}\n${pgDir}\n1\n5432\n\n127.0.0.1\n  1  2\nready\n`);
      await clearLeftoverServer(pgDir, undefined, 1000);
      assert.equal(existsSync(path.join(pgDir, 'postmaster.pid')), false);
      assert.ok(await isProcessAlive(bystander.pid!), 'the unrelated process is untouched');
    } finally {
      bystander.kill('SIGKILL');
    }
  });
});
