import { and, asc, eq, lte, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { outbox } from './mail.schema.ts';

export type OutgoingMail = { to: string; subject: string; text: string; html?: string };

/**
 * Mail goes through the outbox table: `queue` writes it inside the caller's transaction (so a crash loses neither
 * the cause nor the mail); `deliverDue` sends what is due over SMTP, retrying with exponential backoff.
 * Without SMTP settings mails are stored and shown to admins at /beheer/outbox.
 */
export type Mailer = {
  readonly smtpConfigured: boolean;
  queue(db: DbOrTx, mail: OutgoingMail): Promise<number>;
  deliverDue(db: Db): Promise<{ sent: number; failed: number }>;
  close(): void;
};

const MAX_ATTEMPTS = 8;
/** 1 min, 2, 4, ... capped at 6 hours. */
export const backoffMs = (attempts: number) => Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);

export function createMailer(options: { smtpUrl?: string; from: string; clock: Clock; logger: Logger }): Mailer {
  const transporter: Transporter | null = options.smtpUrl
    ? nodemailer.createTransport(options.smtpUrl, { from: options.from })
    : null;
  return {
    smtpConfigured: transporter !== null,
    async queue(db, mail) {
      const [row] = await db
        .insert(outbox)
        .values({
          toAddress: mail.to,
          subject: mail.subject,
          textBody: mail.text,
          htmlBody: mail.html ?? null,
          status: transporter ? 'pending' : 'stored',
          nextAttemptAt: options.clock.now(),
          createdAt: options.clock.now(),
        })
        .returning({ id: outbox.id });
      return row.id;
    },
    async deliverDue(db) {
      if (!transporter) return { sent: 0, failed: 0 };
      let sent = 0;
      let failed = 0;
      // Claim a batch with SKIP LOCKED so several app processes never send one mail twice.
      for (;;) {
        const claimed = await db.transaction(async (tx) => {
          const rows = await tx
            .select()
            .from(outbox)
            .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, options.clock.now())))
            .orderBy(asc(outbox.id))
            .limit(1)
            .for('update', { skipLocked: true });
          const mail = rows[0];
          if (!mail) return null;
          try {
            await transporter.sendMail({ from: options.from, to: mail.toAddress, subject: mail.subject, text: mail.textBody, html: mail.htmlBody ?? undefined });
            await tx.update(outbox).set({ status: 'sent', sentAt: options.clock.now(), attempts: sql`${outbox.attempts} + 1`, lastError: null }).where(eq(outbox.id, mail.id));
            return 'sent' as const;
          } catch (e) {
            const attempts = mail.attempts + 1;
            await tx
              .update(outbox)
              .set({
                attempts,
                lastError: String((e as Error).message ?? e).slice(0, 500),
                status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
                nextAttemptAt: new Date(options.clock.now().getTime() + backoffMs(attempts)),
              })
              .where(eq(outbox.id, mail.id));
            options.logger.warn({ outboxId: mail.id, attempts }, 'mail delivery failed; will retry');
            return 'failed' as const;
          }
        });
        if (claimed === null) break;
        if (claimed === 'sent') sent++;
        else failed++;
      }
      return { sent, failed };
    },
    close() {
      transporter?.close();
    },
  };
}
