import { and, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { outbox } from './mail.schema.ts';

/**
 * Storage limitation for the outbox: a mail holds a name, an address and often the text of a support request or a
 * message, so it must not outlive what it came from. Mails that are done (sent, stored without SMTP, or failed for
 * good) are deleted OUTBOX_RETENTION_DAYS after they were written; pending mails stay until they are done. The job
 * uses the shorter of this and SUPPORT_RETENTION_DAYS, so a mail never outlives the support request's anonymisation
 * (docs/decisions/0008).
 */
export const OUTBOX_RETENTION_DAYS = 90;

const DAY_MS = 24 * 3600_000;

/** How long done mails are kept: OUTBOX_RETENTION_DAYS, or SUPPORT_RETENTION_DAYS when that is shorter. */
export const outboxRetentionDays = (supportRetentionDays: number): number => Math.min(OUTBOX_RETENTION_DAYS, supportRetentionDays);

/** Deletes done mails older than the retention; returns how many. Idempotent and safe with several processes. */
export async function pruneOutbox(db: DbOrTx, now: Date, supportRetentionDays: number): Promise<number> {
  const cutoff = new Date(now.getTime() - outboxRetentionDays(supportRetentionDays) * DAY_MS);
  const rows = await db
    .delete(outbox)
    .where(and(inArray(outbox.status, ['sent', 'stored', 'failed']), lt(outbox.createdAt, cutoff)))
    .returning({ id: outbox.id });
  return rows.length;
}
