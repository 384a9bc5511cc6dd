import path from 'node:path';
import pino from 'pino';
import { withMigratedDatabase } from './demo.database.ts';
import type { Db } from '../../db/client.ts';
import { DEFAULT_SCALE_SEED, loadScaleSet, SCALE_SETTING_KEY, type LoadScaleResult } from './scale.seed.ts';

export const DEFAULT_SCALE_DATA_DIR = './data-scale';

export type PrepareScaleOptions = {
  organisations: number;
  /** Embedded server folder; ignored when databaseUrl is given. */
  dataDir?: string;
  databaseUrl?: string;
  seed?: number;
  /** Synthetic events; default 4 per organisation (src/features/agenda/agenda.scale.ts). */
  events?: number;
  /** Keep a scale set of any size that is already there (the benchmark's choice). */
  keepExisting?: boolean;
  log?: (line: string) => void;
};

/**
 * Makes sure a separate database holds the scale set: used by `npm run seed:scale` and `npm run bench`.
 * Refuses the normal ./data folder outright; loadScaleSet refuses any database with other data in it.
 */
export async function prepareScaleDatabase(options: PrepareScaleOptions): Promise<LoadScaleResult & { where: string }> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir ?? DEFAULT_SCALE_DATA_DIR);
  if (!options.databaseUrl && dataDir === path.resolve('data')) {
    throw new Error('The scale set never goes into ./data, the folder of the normal platform. Use ./data-scale (the default) or another folder.');
  }
  const where = options.databaseUrl ? 'the database from --database-url' : dataDir;
  const logger = pino({ level: 'warn' });
  let lastShown = 0;
  try {
    const result = await withMigratedDatabase({ databaseUrl: options.databaseUrl, dataDir }, logger, async (db) => {
      log(`Database ready (${where}).`);
      return loadScaleSet(db, {
        organisations: options.organisations,
        seed: options.seed ?? DEFAULT_SCALE_SEED,
        keepExisting: options.keepExisting,
        onProgress: (done, total) => {
          if (done === total || done - lastShown >= total / 5) {
            lastShown = done;
            log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} organisations`);
          }
        },
        events: options.events,
        onEventsProgress: (done, total) => {
          if (done === total || done % 50_000 === 0) log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} events (with their dates)`);
        },
      });
    }, (db) => rebuildOutdatedScaleDatabase(db, log));
    return { ...result, where };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(options.databaseUrl ? message : `${message}\nIf ${dataDir} holds only a scale set, delete it (rm -rf ${dataDir}) and run again.`);
  }
}

/**
 * The migrations did not fit an existing scale database (during development the initial migration is regenerated).
 * A database that holds nothing but a scale set is rebuilt from scratch; anything else is left alone.
 */
async function rebuildOutdatedScaleDatabase(db: Db, log: (line: string) => void): Promise<boolean> {
  const probe = await db.$client
    .query<{ users: number; scale: number }>(
      `select (select count(*)::int from users) as users, (select count(*)::int from app_settings where key = $1) as scale`,
      [SCALE_SETTING_KEY],
    )
    .catch(() => null);
  if (!probe || probe.rows[0].users > 0 || probe.rows[0].scale === 0) return false;
  log('This scale database was made with an older schema: rebuilding it.');
  await db.$client.query('drop schema if exists drizzle cascade');
  await db.$client.query('drop schema public cascade');
  await db.$client.query('create schema public');
  return true;
}
