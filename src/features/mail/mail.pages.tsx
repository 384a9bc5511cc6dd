import { Hono } from 'hono';
import { requireRole } from '../../web/middleware/auth.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { serviceContextOf } from '../accounts/accounts.http.ts';
import { getOutboxMail, listOutboxPage } from './outbox.service.ts';
import { OutboxListView, OutboxMailView } from './views/OutboxViews.tsx';

/** The outbox at /beheer/outbox: every email the platform sent or stored, for admins only (stored mails may hold live reset links). */
export function mailRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/beheer/outbox/*', requireRole('admin'));

  app.get('/beheer/outbox', async (c) => {
    const i = c.var.i18n;
    const requested = Number.parseInt(c.req.query('pagina') ?? '1', 10);
    const result = await listOutboxPage(serviceContextOf(c), requested);
    return renderPage(
      c,
      { title: i.t('mail.outbox.title') },
      <OutboxListView i={i} {...result} smtpConfigured={c.var.deps.mailer.smtpConfigured} />,
    );
  });

  app.get('/beheer/outbox/:id', async (c) => {
    const raw = c.req.param('id');
    const mail = await getOutboxMail(serviceContextOf(c), /^[0-9]{1,15}$/.test(raw) ? Number(raw) : 0);
    return renderPage(c, { title: mail.subject }, <OutboxMailView i={c.var.i18n} mail={mail} />);
  });

  return app;
}
