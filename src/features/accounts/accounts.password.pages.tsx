import type { Context } from 'hono';
import { Hono } from 'hono';
import { emptyForm } from '../../web/components/forms.tsx';
import { readForm, validate } from '../../web/forms.ts';
import { redirectWithFlash } from '../../web/middleware/flash.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { requestMetaOf, serviceContextOf } from './accounts.http.ts';
import { isResetTokenLive, requestPasswordReset, resetPassword } from './accounts.password.service.ts';
import { ForgotPasswordSchema, ResetPasswordSchema } from './accounts.validation.ts';
import { ForgotPasswordView, NoticeView, ResetPasswordView } from './views/AuthViews.tsx';

/** "Wachtwoord vergeten": ask for a link by email, then choose a new password with it. */
export function passwordRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/wachtwoord-vergeten', (c) => {
    const i = c.var.i18n;
    return renderPage(c, { title: i.t('accounts.forgot.title') }, <ForgotPasswordView i={i} form={emptyForm()} csrfToken={c.var.csrfToken} />);
  });

  app.post('/wachtwoord-vergeten', async (c) => {
    const i = c.var.i18n;
    const raw = await readForm(c);
    const parsed = validate(ForgotPasswordSchema, raw, i);
    if (!parsed.success) {
      return renderPage(
        c,
        { title: i.t('accounts.forgot.title'), status: 422 },
        <ForgotPasswordView i={i} form={{ values: { email: raw.email }, errors: parsed.errors }} csrfToken={c.var.csrfToken} />,
      );
    }
    await requestPasswordReset(serviceContextOf(c), parsed.data.email, requestMetaOf(c));
    return c.redirect('/wachtwoord-vergeten/verstuurd', 303);
  });

  app.get('/wachtwoord-vergeten/verstuurd', (c) => {
    const i = c.var.i18n;
    return renderPage(
      c,
      { title: i.t('accounts.forgot.sentTitle') },
      <NoticeView i={i} titleKey="accounts.forgot.sentTitle" textKeys={['accounts.forgot.sentText', 'accounts.register.sentSpam']} />,
    );
  });

  const invalidLink = (c: Context<AppEnv>) => {
    const i = c.var.i18n;
    return renderPage(
      c,
      { title: i.t('accounts.reset.invalidTitle'), status: 400 },
      <NoticeView i={i} titleKey="accounts.reset.invalidTitle" textKeys={['accounts.reset.invalidText']} link={{ href: '/wachtwoord-vergeten', key: 'accounts.reset.newLink' }} />,
    );
  };

  app.get('/wachtwoord-herstellen/:token', async (c) => {
    const i = c.var.i18n;
    const token = c.req.param('token');
    if (!(await isResetTokenLive(serviceContextOf(c), token))) return invalidLink(c);
    return renderPage(c, { title: i.t('accounts.reset.title') }, <ResetPasswordView i={i} form={emptyForm()} csrfToken={c.var.csrfToken} token={token} />);
  });

  app.post('/wachtwoord-herstellen/:token', async (c) => {
    const i = c.var.i18n;
    const token = c.req.param('token');
    const parsed = validate(ResetPasswordSchema, await readForm(c), i);
    if (!parsed.success) {
      if (!(await isResetTokenLive(serviceContextOf(c), token))) return invalidLink(c);
      return renderPage(
        c,
        { title: i.t('accounts.reset.title'), status: 422 },
        <ResetPasswordView i={i} form={{ values: {}, errors: parsed.errors }} csrfToken={c.var.csrfToken} token={token} />,
      );
    }
    if (!(await resetPassword(serviceContextOf(c), token, parsed.data.password))) return invalidLink(c);
    return redirectWithFlash(c, '/inloggen', 'accounts.reset.done');
  });

  return app;
}
