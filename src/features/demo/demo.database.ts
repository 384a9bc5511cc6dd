import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { createDb, type Db } from '../../db/client.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../db/embedded.ts';
import { runMigrations } from '../../db/migrate.ts';
import { syncReferenceData } from '../reference/reference.service.ts';

/** The pid of a live database server on this data folder, if any: starting a second one would stop it. */
export function runningServerPid(dataDir: string): number | null {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

export class DatabaseInUseError extends Error {}

/**
 * For the seed scripts: opens the database (an external URL, or the embedded server in dataDir, started and
 * stopped here), applies migrations and reference data like `npm start` does, then runs `work`.
 */
export async function withMigratedDatabase<T>(
  target: { databaseUrl?: string; dataDir: string },
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>,
  work: (db: Db) => Promise<T>,
  /** Called when the migrations fail; return true after repairing the database to try them once more. */
  onMigrationFailure?: (db: Db, error: unknown) => Promise<boolean>,
): Promise<T> {
  let embedded: EmbeddedDatabase | null = null;
  let url = target.databaseUrl;
  if (!url) {
    const pid = runningServerPid(target.dataDir);
    if (pid) {
      throw new DatabaseInUseError(
        `The database in ${target.dataDir} is in use (server pid ${pid}). Stop the Impactregio app that uses it first (Ctrl-C), then try again.`,
      );
    }
    embedded = await startEmbeddedPostgres({ dataDir: target.dataDir, logger });
    url = embedded.url;
  }
  const db = createDb(url, { max: 2 });
  try {
    try {
      await runMigrations(db);
    } catch (e) {
      if (!onMigrationFailure || !(await onMigrationFailure(db, e))) throw e;
      await runMigrations(db);
    }
    await syncReferenceData(db);
    return await work(db);
  } finally {
    await db.$client.end().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
  }
}
