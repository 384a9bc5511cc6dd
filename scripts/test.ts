/**
 * `npm test`: starts one throwaway embedded PostgreSQL, builds a migrated template database, then runs every
 * *.test.ts(x) file with node:test. Each test file clones the template into a database of its own.
 * Pass file paths to run only those: `npm test -- src/features/directory/directory.search.test.ts`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../src/db/client.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { syncReferenceData } from '../src/features/reference/reference.service.ts';

const root = path.resolve(import.meta.dirname, '..');

async function findTests(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await findTests(full)));
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

const requested = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = requested.length
  ? requested.map((f) => path.resolve(f))
  : [...(await findTests(path.join(root, 'src'))), ...(await findTests(path.join(root, 'tests')))].sort();

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'impactregio-test-'));
const server = await startEmbeddedPostgres({ dataDir, unsafeFast: true, databaseName: 'impactregio_template' });
let exitCode = 1;
try {
  const db = createDb(server.url, { max: 2 });
  await runMigrations(db);
  await syncReferenceData(db);
  await db.$client.end();

  exitCode = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', '--test-timeout=120000', ...files],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, TZ: 'UTC', NODE_ENV: 'test', IMPACTREGIO_TEST_TEMPLATE_URL: server.url },
      },
    );
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
} finally {
  await server.stop().catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
}
process.exit(exitCode);
