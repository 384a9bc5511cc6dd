import type { DbOrTx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { auditLog } from './audit.schema.ts';

export type AuditEntry = {
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  /** Ids, codes and reasons only: no email addresses, names or other personal data. */
  details?: Record<string, unknown>;
  requestId?: string;
};

/** Appends one entry to the audit log (inside the caller's transaction when given one). */
export async function recordAudit(db: DbOrTx, clock: Clock, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    at: clock.now(),
    actorUserId: entry.actorUserId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    details: entry.details ?? {},
    requestId: entry.requestId ?? null,
  });
}
