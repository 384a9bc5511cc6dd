import { AppError } from '../../lib/errors.ts';
import { pageOf } from '../../lib/paging.ts';
import type { ServiceContext } from '../../web/types.ts';
import { hasRole, requireActor } from '../accounts/permissions.ts';
import { countOutbox, findOutboxMail, listOutbox, type OutboxSummary } from './mail.queries.ts';

export const OUTBOX_PAGE_SIZE = 25;

/** Who may read the outbox: stored mails hold live one-time links (including other staff's reset links), so admins only. */
export const canReadOutbox = (ctx: ServiceContext) => hasRole(ctx.actor, 'admin');

function assertCanRead(ctx: ServiceContext) {
  requireActor(ctx.actor);
  if (!canReadOutbox(ctx)) throw new AppError('forbidden', 'common.error.forbiddenText');
}

/** One page of the outbox, newest first; an out-of-range page number shows the nearest page. */
export async function listOutboxPage(ctx: ServiceContext, requestedPage: number): Promise<{ items: OutboxSummary[]; page: number; pages: number; total: number }> {
  assertCanRead(ctx);
  const { page, pages, total, offset } = pageOf(requestedPage, await countOutbox(ctx.db), OUTBOX_PAGE_SIZE);
  const items = await listOutbox(ctx.db, { limit: OUTBOX_PAGE_SIZE, offset });
  return { items, page, pages, total };
}

/**
 * One mail. The text of a mail that the mail server already delivered is not shown: it may hold a live
 * password-reset link, and staff have no need to read what reached its recipient. Stored (no SMTP), pending and
 * failed mails show their text, because staff may have to pass the link on.
 */
export async function getOutboxMail(ctx: ServiceContext, id: number): Promise<OutboxSummary & { textBody: string | null }> {
  assertCanRead(ctx);
  const mail = Number.isSafeInteger(id) && id > 0 ? await findOutboxMail(ctx.db, id) : null;
  if (!mail) throw new AppError('not_found', 'mail.outbox.notFound');
  return { ...mail, textBody: mail.status === 'sent' ? null : mail.textBody };
}
