import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { organisations } from './directory.schema.ts';

/** How many organisations are published (for the home page figures). */
export async function countPublishedOrganisations(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organisations).where(eq(organisations.status, 'published'));
  return row.n;
}
