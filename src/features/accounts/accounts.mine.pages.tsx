import type { Context } from 'hono';
import { Hono } from 'hono';
import { emptyForm, type FormState } from '../../web/components/forms.tsx';
import { readForm, validate } from '../../web/forms.ts';
import { redirectWithFlash } from '../../web/middleware/flash.ts';
import { startSession } from '../../web/middleware/session.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { serviceContextOf } from './accounts.http.ts';
import { changePassword } from './accounts.password.service.ts';
import { changeName } from './accounts.service.ts';
import { ChangeNameSchema, ChangePasswordSchema } from './accounts.validation.ts';
import { MineView } from './views/MineView.tsx';

/** "Mijn omgeving" at /mijn. The /mijn/* guard in accountsRoutes already refused visitors. */
export function mineRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const page = (c: Context<AppEnv>, forms: { nameForm?: FormState; passwordForm?: FormState } = {}, status: 200 | 422 = 200) => {
    const user = c.var.user!;
    const i = c.var.i18n;
    return renderPage(
      c,
      { title: i.t('accounts.mine.title'), status },
      <MineView
        i={i}
        csrfToken={c.var.csrfToken}
        account={user}
        nameForm={forms.nameForm ?? emptyForm({ name: user.name })}
        passwordForm={forms.passwordForm ?? emptyForm()}
      />,
    );
  };

  app.get('/mijn', (c) => page(c));

  app.post('/mijn/naam', async (c) => {
    const raw = await readForm(c);
    const parsed = validate(ChangeNameSchema, raw, c.var.i18n);
    if (!parsed.success) return page(c, { nameForm: { values: { name: raw.name }, errors: parsed.errors } }, 422);
    await changeName(serviceContextOf(c), parsed.data.name);
    return redirectWithFlash(c, '/mijn', 'accounts.mine.nameChanged');
  });

  app.post('/mijn/wachtwoord', async (c) => {
    const i = c.var.i18n;
    const parsed = validate(ChangePasswordSchema, await readForm(c), i);
    // Passwords are never sent back into a form.
    if (!parsed.success) return page(c, { passwordForm: { values: {}, errors: parsed.errors } }, 422);
    const result = await changePassword(serviceContextOf(c), parsed.data);
    if (result === 'current_wrong') {
      return page(c, { passwordForm: { values: {}, errors: { currentPassword: [i.t('accounts.password.currentWrong')] } } }, 422);
    }
    // Every session of the user ended with the change; this browser gets a fresh one.
    await startSession(c, c.var.user!.id);
    return redirectWithFlash(c, '/mijn', 'accounts.password.changed');
  });

  return app;
}
