import { Hono } from 'hono';
import { emptyForm } from '../../web/components/forms.tsx';
import { readForm, validate } from '../../web/forms.ts';
import { requireUser } from '../../web/middleware/auth.ts';
import { redirectWithFlash } from '../../web/middleware/flash.ts';
import { endSession, startSession } from '../../web/middleware/session.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { requestMetaOf, serviceContextOf } from './accounts.http.ts';
import { mineRoutes } from './accounts.mine.pages.tsx';
import { passwordRoutes } from './accounts.password.pages.tsx';
import { authenticate, registerAccount, verifyEmail } from './accounts.service.ts';
import { LoginSchema, RegisterSchema, safeReturnPath } from './accounts.validation.ts';
import { LoginView, NoticeView, RegisterView } from './views/AuthViews.tsx';

/** Register, confirm email, log in and out, password reset, and "Mijn omgeving". */
export function accountsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Everything under /mijn is personal, whichever feature adds it: this guard runs before their handlers.
  app.use('/mijn/*', requireUser());

  app.get('/registreren', (c) => {
    if (c.var.user) return c.redirect('/mijn', 303);
    const i = c.var.i18n;
    return renderPage(c, { title: i.t('accounts.register.title') }, <RegisterView i={i} form={emptyForm()} csrfToken={c.var.csrfToken} />);
  });

  app.post('/registreren', async (c) => {
    const i = c.var.i18n;
    const raw = await readForm(c);
    const parsed = validate(RegisterSchema, raw, i);
    if (!parsed.success) {
      const form = { values: { name: raw.name, email: raw.email }, errors: parsed.errors };
      return renderPage(c, { title: i.t('accounts.register.title'), status: 422 }, <RegisterView i={i} form={form} csrfToken={c.var.csrfToken} />);
    }
    await registerAccount(serviceContextOf(c), parsed.data, requestMetaOf(c));
    return c.redirect('/registreren/verstuurd', 303);
  });

  app.get('/registreren/verstuurd', (c) => {
    const i = c.var.i18n;
    return renderPage(
      c,
      { title: i.t('accounts.register.sentTitle') },
      <NoticeView i={i} titleKey="accounts.register.sentTitle" textKeys={['accounts.register.sentText', 'accounts.register.sentSpam']} link={{ href: '/inloggen', key: 'accounts.register.toLogin' }} />,
    );
  });

  app.get('/e-mail-bevestigen/:token', async (c) => {
    const i = c.var.i18n;
    if (await verifyEmail(serviceContextOf(c), c.req.param('token'))) return redirectWithFlash(c, '/inloggen', 'accounts.verify.done');
    return renderPage(
      c,
      { title: i.t('accounts.verify.invalidTitle'), status: 400 },
      <NoticeView i={i} titleKey="accounts.verify.invalidTitle" textKeys={['accounts.verify.invalidText']} link={{ href: '/inloggen', key: 'accounts.verify.toLogin' }} />,
    );
  });

  app.get('/inloggen', (c) => {
    const returnTo = safeReturnPath(c.req.query('terug'));
    if (c.var.user) return c.redirect(returnTo, 303);
    const i = c.var.i18n;
    return renderPage(c, { title: i.t('accounts.login.title') }, <LoginView i={i} form={emptyForm()} csrfToken={c.var.csrfToken} returnTo={returnTo} />);
  });

  app.post('/inloggen', async (c) => {
    const i = c.var.i18n;
    const raw = await readForm(c);
    const returnTo = safeReturnPath(raw.terug);
    const parsed = validate(LoginSchema, raw, i);
    const again = (errors: Record<string, string[]>) =>
      renderPage(
        c,
        { title: i.t('accounts.login.title'), status: 422 },
        <LoginView i={i} form={{ values: { email: raw.email }, errors }} csrfToken={c.var.csrfToken} returnTo={returnTo} />,
      );
    if (!parsed.success) return again(parsed.errors);
    const outcome = await authenticate(serviceContextOf(c), parsed.data, requestMetaOf(c));
    if (outcome.kind === 'failed') return again({ email: [i.t('accounts.login.failed')] });
    if (outcome.kind === 'unverified') return c.redirect('/inloggen/bevestig-eerst', 303);
    await startSession(c, outcome.userId);
    return c.redirect(returnTo, 303);
  });

  app.get('/inloggen/bevestig-eerst', (c) => {
    const i = c.var.i18n;
    return renderPage(
      c,
      { title: i.t('accounts.login.unverifiedTitle') },
      <NoticeView i={i} titleKey="accounts.login.unverifiedTitle" textKeys={['accounts.login.unverifiedText', 'accounts.register.sentSpam']} />,
    );
  });

  app.post('/uitloggen', async (c) => {
    await endSession(c);
    return redirectWithFlash(c, '/', 'accounts.logout.done');
  });

  app.route('/', passwordRoutes());
  app.route('/', mineRoutes());
  return app;
}
