/**
 * Scheduled jobs of the running app. Each feature adds its job here; `src/main.ts` runs every job once at start
 * and then every `everyMs`, and stops them on shutdown. A job must be safe to run from several app processes at
 * once (use a transaction with `FOR UPDATE SKIP LOCKED` or an idempotent statement) and must not throw.
 */
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import { deleteExpiredSessions } from './features/accounts/sessions.ts';
import type { Mailer } from './features/mail/mail.service.ts';
import { pruneOutbox } from './features/mail/outbox.retention.ts';
import { sendDueReminders } from './features/registrations/registrations.reminders.ts';
import { anonymiseExpiredRequests, expireConfirmLinks, removeUnconfirmedRequests } from './features/support/support.retention.ts';
import type { Clock } from './lib/clock.ts';
import type { Logger } from 'pino';

export type JobDeps = { db: Db; clock: Clock; logger: Logger; mailer: Mailer; config: Config };

export type Job = {
  name: string;
  everyMs: number;
  run: (deps: JobDeps) => Promise<void>;
};

export const JOBS: Job[] = [
  // Expired sessions are useless rows holding user ids.
  { name: 'remove expired sessions', everyMs: 3600_000, run: ({ db, clock }) => deleteExpiredSessions(db, clock.now()) },
  // Reminder mail a day before an event to everyone with a confirmed place (registrations).
  {
    name: 'event reminders',
    everyMs: 15 * 60_000,
    run: async (deps) => {
      const sent = await sendDueReminders(deps);
      if (sent) deps.logger.info({ sent }, 'event reminders queued');
    },
  },
  // Closed support requests past SUPPORT_RETENTION_DAYS lose their personal data; the figures stay. Requests never
  // confirmed by email are removed after 30 days, used confirmation links are forgotten 30 days after the click, and
  // done mails leave the outbox after 90 days (or SUPPORT_RETENTION_DAYS if shorter), so no copy of a request's
  // text outlives its anonymisation (support desk, docs/decisions/0008).
  {
    name: 'anonymise closed support requests',
    everyMs: 6 * 3600_000,
    run: async ({ db, clock, logger, config }) => {
      await anonymiseExpiredRequests({ db, clock, logger, retentionDays: config.supportRetentionDays });
      await removeUnconfirmedRequests({ db, clock, logger });
      await expireConfirmLinks({ db, clock });
      const pruned = await pruneOutbox(db, clock.now(), config.supportRetentionDays);
      if (pruned > 0) logger.info({ pruned }, 'old outbox mails removed');
    },
  },
];
