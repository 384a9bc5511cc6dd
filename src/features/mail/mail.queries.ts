import { count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { outbox } from './mail.schema.ts';

const summaryColumns = {
  id: outbox.id,
  toAddress: outbox.toAddress,
  subject: outbox.subject,
  status: outbox.status,
  attempts: outbox.attempts,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
};

export type OutboxSummary = {
  id: number;
  toAddress: string;
  subject: string;
  status: 'pending' | 'sent' | 'stored' | 'failed';
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
};

export async function countOutbox(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(outbox);
  return row.n;
}

/** Newest first; the id breaks ties so paging is stable. */
export async function listOutbox(db: DbOrTx, p: { limit: number; offset: number }): Promise<OutboxSummary[]> {
  return db.select(summaryColumns).from(outbox).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(p.limit).offset(p.offset);
}

export async function findOutboxMail(db: DbOrTx, id: number): Promise<(OutboxSummary & { textBody: string }) | null> {
  const rows = await db
    .select({ ...summaryColumns, textBody: outbox.textBody })
    .from(outbox)
    .where(eq(outbox.id, id))
    .limit(1);
  return rows[0] ?? null;
}
