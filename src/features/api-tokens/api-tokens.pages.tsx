import { type Context, Hono } from 'hono';
import { isAppError } from '../../lib/errors.ts';
import { emptyForm, type FormState } from '../../web/components/forms.tsx';
import { readForm, validate } from '../../web/forms.ts';
import { redirectWithFlash } from '../../web/middleware/flash.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { serviceContextOf } from '../accounts/accounts.http.ts';
import { createApiToken, getOwnApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.ts';
import { CreateTokenSchema, DEFAULT_VALIDITY_DAYS } from './api-tokens.validation.ts';
import { ApiTokensView, type CreatedToken, RevokeTokenView } from './views/ApiTokensView.tsx';

/** /mijn/api-tokens: staff create, see and revoke their personal API tokens (the /mijn guard refused visitors). */
export function apiTokensRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, form: FormState, status: 200 | 422 = 200, created?: CreatedToken) => {
    const i = c.var.i18n;
    const tokens = await listApiTokens(serviceContextOf(c));
    return renderPage(c, { title: i.t('apiTokens.title'), status }, <ApiTokensView i={i} csrfToken={c.var.csrfToken} tokens={tokens} form={form} created={created} />);
  };
  const fresh = () => emptyForm({ validDays: DEFAULT_VALIDITY_DAYS });

  app.get('/mijn/api-tokens', (c) => page(c, fresh()));

  // The new token is shown in the answer to this POST and nowhere else: it is not kept, so it cannot be shown again.
  app.post('/mijn/api-tokens', async (c) => {
    const values = await readForm(c);
    const parsed = validate(CreateTokenSchema, values, c.var.i18n);
    if (!parsed.success) return page(c, { values, errors: parsed.errors }, 422);
    try {
      const created = await createApiToken(serviceContextOf(c), parsed.data);
      return page(c, fresh(), 200, created);
    } catch (e) {
      if (isAppError(e) && e.code === 'conflict') return page(c, { values, errors: { name: [c.var.i18n.t(e.message)] } }, 422);
      throw e;
    }
  });

  app.get('/mijn/api-tokens/:id/intrekken', async (c) => {
    const i = c.var.i18n;
    const token = await getOwnApiToken(serviceContextOf(c), c.req.param('id'));
    return renderPage(c, { title: i.t('apiTokens.revoke.title') }, <RevokeTokenView i={i} csrfToken={c.var.csrfToken} token={token} />);
  });

  app.post('/mijn/api-tokens/:id/intrekken', async (c) => {
    await revokeApiToken(serviceContextOf(c), c.req.param('id'));
    return redirectWithFlash(c, '/mijn/api-tokens', 'apiTokens.flash.revoked');
  });

  return app;
}
