import { count, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { users } from '../accounts/accounts.schema.ts';
import { organisations } from '../directory/directory.schema.ts';

export const DEMO_PASSWORD = 'demo-impactregio';

/** The demo logins printed at start and listed in the README. (Filled in by the demo data task.) */
export function demoLogins(): Array<{ email: string; description: string }> {
  return [];
}

/** Whether this database holds demo data (then every page says so). */
export async function hasDemoData(db: Db): Promise<boolean> {
  const [o] = await db.select({ n: count() }).from(organisations).where(eq(organisations.isDemo, true));
  const [u] = await db.select({ n: count() }).from(users).where(or(eq(users.isDemo, true)));
  return o.n + u.n > 0;
}

/** Loads the deterministic, fictional demo data. */
export async function seedDemoData(_db: Db, _options: { clock: Clock }): Promise<void> {
  // placeholder: the demo data task fills this in
}
