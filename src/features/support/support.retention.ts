import { and, eq, inArray, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { supportAttachments, supportEvents, supportRequests } from './support.schema.ts';

/**
 * Storage limitation (AVG/GDPR art. 5(1)(e)) for the support desk (helper E): a closed request is anonymised
 * `SUPPORT_RETENTION_DAYS` (default 730) after closing. Names, email address, phone, description, the text of every
 * note and message, and attachments go; what the reports count stays (municipality, topic, status, outcome,
 * urgency, dates, satisfaction, the handling staff member). The link to the requester's account and organisation
 * goes too: a sole trader's organisation is a person. Idempotent, and safe with several app processes at once
 * (rows are claimed with FOR UPDATE SKIP LOCKED).
 */
export const ANONYMISED_NAME = '[geanonimiseerd]';
/** A visitor's request whose email link was never clicked is removed after this many days (nobody handled it). */
export const UNCONFIRMED_DAYS = 30;
/**
 * A confirmation link keeps working this many days after it was clicked: a second click shows the confirmation page
 * again (and routes nothing). After that the job below removes the token's hash, so the link is simply unknown.
 */
export const CONFIRM_LINK_DAYS = 30;
const BATCH = 200;
const DAY_MS = 24 * 3600_000;

export type RetentionDeps = { db: Db; clock: Clock; retentionDays: number; logger?: Logger };

/** Anonymises every closed request past the retention period; returns how many it did. */
export async function anonymiseExpiredRequests(deps: RetentionDeps): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await anonymiseBatch(deps);
    total += done;
    if (done < BATCH) break;
  }
  if (total > 0) deps.logger?.info({ anonymised: total }, 'support requests anonymised');
  return total;
}

/**
 * Removes requests that were never confirmed (the visitor did not click the email link) UNCONFIRMED_DAYS after
 * they were sent: no one has seen them, and they hold a name, an email address and a question. Their timeline and
 * attachments go with them (ON DELETE CASCADE); the confirmation link then says it is unknown.
 */
export async function removeUnconfirmedRequests({ db, clock, logger }: Omit<RetentionDeps, 'retentionDays'>): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - UNCONFIRMED_DAYS * DAY_MS);
  const removed = await db.transaction(async (tx) => {
    const rows = await tx
      .delete(supportRequests)
      .where(and(eq(supportRequests.status, 'unconfirmed'), lt(supportRequests.createdAt, cutoff)))
      .returning({ id: supportRequests.id });
    for (const { id } of rows) {
      await recordAudit(tx, clock, { actorUserId: null, action: 'support_request.unconfirmed_removed', subjectType: 'support_request', subjectId: id, details: { days: UNCONFIRMED_DAYS } });
    }
    return rows.length;
  });
  if (removed > 0) logger?.info({ removed }, 'unconfirmed support requests removed');
  return removed;
}

/** Forgets the confirmation links of requests confirmed more than CONFIRM_LINK_DAYS ago (idempotent). */
export async function expireConfirmLinks({ db, clock }: Omit<RetentionDeps, 'retentionDays'>): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - CONFIRM_LINK_DAYS * DAY_MS);
  const rows = await db
    .update(supportRequests)
    .set({ confirmTokenHash: null })
    .where(and(isNotNull(supportRequests.confirmTokenHash), ne(supportRequests.status, 'unconfirmed'), lt(supportRequests.confirmedAt, cutoff)))
    .returning({ id: supportRequests.id });
  return rows.length;
}

async function anonymiseBatch({ db, clock, retentionDays }: RetentionDeps): Promise<number> {
  const now = clock.now();
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: supportRequests.id })
      .from(supportRequests)
      .where(and(eq(supportRequests.status, 'closed'), isNull(supportRequests.anonymisedAt), lt(supportRequests.closedAt, cutoff)))
      .orderBy(supportRequests.closedAt)
      .limit(BATCH)
      .for('update', { skipLocked: true });
    if (due.length === 0) return 0;
    const ids = due.map((r) => r.id);
    await tx
      .update(supportRequests)
      .set({
        requesterName: ANONYMISED_NAME,
        // Unique per request and never deliverable (.invalid is reserved, RFC 2606).
        requesterEmail: sql`'anoniem-' || ${supportRequests.id}::text || '@example.invalid'`,
        requesterPhone: null,
        requesterUserId: null,
        organisationId: null,
        description: '',
        confirmTokenHash: null,
        anonymisedAt: now,
        updatedAt: now,
      })
      .where(inArray(supportRequests.id, ids));
    await tx.update(supportEvents).set({ body: null }).where(inArray(supportEvents.requestId, ids));
    await tx.delete(supportAttachments).where(inArray(supportAttachments.requestId, ids));
    await tx.insert(supportEvents).values(ids.map((requestId) => ({ requestId, at: now, kind: 'anonymised' as const, details: { retentionDays } })));
    for (const id of ids) {
      await recordAudit(tx, clock, { actorUserId: null, action: 'support_request.anonymised', subjectType: 'support_request', subjectId: id, details: { retentionDays } });
    }
    return ids.length;
  });
}
