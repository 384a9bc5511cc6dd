import { type Context, Hono } from 'hono';
import { emptyForm, type FormState } from '../../web/components/forms.tsx';
import { requireUser } from '../../web/middleware/auth.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { serviceContextOf } from '../accounts/accounts.http.ts';
import { contentDisposition } from './support.attachments.ts';
import { getMyRequest, listMyRequests, myAttachment, rateMyRequest, replyToMyRequest, withdrawMyRequest } from './support.mine.service.ts';
import { rateSchema, replySchema, withdrawSchema } from './support.validation.ts';
import { MineDetailView, MineListView } from './views/MineViews.tsx';
import { requestActionsFor } from './support.request-action.ts';

/** A page number from the query: a whole number ≥ 1, else 1. */
export const pageParam = (v: string | undefined) => (v && /^[0-9]{1,6}$/.test(v) ? Number(v) : 1);

/** Sends a stored file as a download that the browser never renders or sniffs. */
export function sendAttachment(c: Context<AppEnv>, file: { fileName: string; contentType: string; bytes: Buffer }) {
  return c.body(new Uint8Array(file.bytes), 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition(file.fileName),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
}

/** /mijn/hulpvragen: the entrepreneur's own questions, answers, reply, withdraw and rating. */
export function supportMineRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/mijn/hulpvragen', requireUser());
  app.use('/mijn/hulpvragen/*', requireUser());

  app.get('/mijn/hulpvragen', async (c) => {
    const i = c.var.i18n;
    const list = await listMyRequests(serviceContextOf(c), pageParam(c.req.query('pagina')));
    return renderPage(c, { title: i.t('support.mine.title') }, <MineListView i={i} list={list} />);
  });

  const renderDetail = async (c: Context<AppEnv>, id: string, form: FormState, status: 200 | 409 | 422) => {
    const i = c.var.i18n;
    const detail = await getMyRequest(serviceContextOf(c), id);
    return renderPage(
      c,
      { title: i.t('support.mineDetail.title', { caseNumber: detail.request.caseNumber }), status },
      <MineDetailView i={i} csrfToken={c.var.csrfToken} detail={detail} form={form} />,
    );
  };

  app.get('/mijn/hulpvragen/:id', (c) => renderDetail(c, c.req.param('id'), emptyForm(), 200));

  const action = requestActionsFor(renderDetail, '/mijn/hulpvragen');

  app.post('/mijn/hulpvragen/:id/reageren', action<{ message: string }>(replySchema, 'message', (c, id, d) => replyToMyRequest(serviceContextOf(c), id, d.message), 'support.flash.replied'));
  app.post('/mijn/hulpvragen/:id/intrekken', action<{ reason: string }>(withdrawSchema, 'reason', (c, id, d) => withdrawMyRequest(serviceContextOf(c), id, d.reason), 'support.flash.withdrawn'));
  app.post('/mijn/hulpvragen/:id/beoordelen', action<{ score: number }>(rateSchema, 'score', (c, id, d) => rateMyRequest(serviceContextOf(c), id, d.score), 'support.flash.rated'));

  app.get('/mijn/hulpvragen/:id/bijlagen/:attachmentId', async (c) => sendAttachment(c, await myAttachment(serviceContextOf(c), c.req.param('id'), c.req.param('attachmentId'))));

  return app;
}
