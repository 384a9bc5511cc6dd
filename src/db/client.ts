import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.ts';

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };

// Return timestamps, bigints and numerics in useful JS types.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** One pool per process; drizzle on top. */
export function createDb(url: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, idleTimeoutMillis: 30_000 });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => undefined);
  return drizzle(pool, { schema }) as Db;
}

/** Whether the database answers; for /readyz. */
export async function isDatabaseReachable(db: Db): Promise<boolean> {
  try {
    await db.$client.query('select 1');
    return true;
  } catch {
    return false;
  }
}

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or a transaction: queries accept both. */
export type DbOrTx = Db | Tx;
