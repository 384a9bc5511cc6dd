import { type Context, Hono } from 'hono';
import { isAppError } from '../../lib/errors.ts';
import { randomToken } from '../../lib/ids.ts';
import { emptyForm, type FormState } from '../../web/components/forms.tsx';
import { readForm, validate } from '../../web/forms.ts';
import type { I18n } from '../../web/i18n/i18n.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { clientIp, serviceContextOf } from '../accounts/accounts.http.ts';
import { AttachmentRefused, type Upload } from './support.attachments.ts';
import { askFormOptions, askQuestion, confirmRequest } from './support.ask.service.ts';
import { askSchema, visitorAskSchema } from './support.validation.ts';
import { AskDoneView, AskFormView, ConfirmInvalidView } from './views/AskViews.tsx';

/** Message keys from the service → text, with the file name for refused attachments. */
export function translateErrors(i: I18n, e: { fieldErrors: Record<string, string[]> }): Record<string, string[]> {
  const vars = e instanceof AttachmentRefused ? e.vars : {};
  return Object.fromEntries(Object.entries(e.fieldErrors).map(([field, keys]) => [field, keys.map((k) => i.t(k, vars))]));
}

/** The files of a multipart field (empty file inputs send one nameless, empty part: not an upload). */
async function uploadsOf(c: Context<AppEnv>, field: string): Promise<Upload[]> {
  const body = await c.req.parseBody({ all: true });
  const raw = body[field];
  const parts = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const files = parts.filter((p): p is File => p instanceof File && (p.size > 0 || p.name !== ''));
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/** /hulp-vragen: ask a question (visitor or logged in), and the visitor's confirmation link. */
export function supportAskRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const renderForm = async (c: Context<AppEnv>, form: FormState, status: 200 | 409 | 422) => {
    const i = c.var.i18n;
    const { organisations } = await askFormOptions(serviceContextOf(c));
    return renderPage(
      c,
      { title: i.t('support.ask.title'), status },
      <AskFormView i={i} csrfToken={c.var.csrfToken} form={form} loggedIn={!!c.var.user} organisations={organisations} />,
    );
  };

  app.get('/hulp-vragen', (c) => renderForm(c, emptyForm({ idempotencyKey: randomToken(24), urgency: 'normal', contactPreference: 'email' }), 200));

  app.post('/hulp-vragen', async (c) => {
    const i = c.var.i18n;
    const values = await readForm(c);
    // A form that failed keeps its key; a tampered or missing key gets a fresh one so the next try can succeed.
    const keep = (v: typeof values) => ({ ...v, idempotencyKey: /^[A-Za-z0-9_-]{16,100}$/.test(String(v.idempotencyKey ?? '')) ? v.idempotencyKey : randomToken(24) });
    const parsed = c.var.user ? validate(askSchema, values, i) : validate(visitorAskSchema, values, i);
    if (!parsed.success) return renderForm(c, { values: keep(values), errors: parsed.errors }, 422);
    try {
      const uploads = await uploadsOf(c, 'attachments');
      const result = await askQuestion(serviceContextOf(c), parsed.data, uploads, { lang: c.var.lang, ip: clientIp(c) });
      return renderPage(
        c,
        { title: i.t('support.done.title') },
        <AskDoneView
          i={i}
          title={i.t('support.done.title')}
          caseNumber={result.request.caseNumber}
          promise={result.promise}
          needsConfirmation={result.needsConfirmation}
          loggedIn={!!c.var.user}
          email={result.request.requesterEmail}
        />,
      );
    } catch (e) {
      if (isAppError(e) && e.code === 'validation_failed') return renderForm(c, { values: keep(values), errors: translateErrors(i, e) }, 422);
      if (isAppError(e) && e.code === 'conflict') return renderForm(c, { values: { ...values, idempotencyKey: randomToken(24) }, errors: { idempotencyKey: [i.t(e.message)] } }, 409);
      throw e;
    }
  });

  app.get('/hulp-vragen/bevestigen/:token', async (c) => {
    const i = c.var.i18n;
    const result = await confirmRequest(serviceContextOf(c), c.req.param('token'));
    if (!result) return renderPage(c, { title: i.t('support.confirm.invalidTitle'), status: 400 }, <ConfirmInvalidView i={i} />);
    return renderPage(
      c,
      { title: i.t('support.confirm.title') },
      <AskDoneView
        i={i}
        title={i.t('support.confirm.title')}
        caseNumber={result.request.caseNumber}
        promise={result.promise}
        needsConfirmation={false}
        loggedIn={!!c.var.user}
        email={result.request.requesterEmail}
      />,
    );
  });

  return app;
}
