import type { I18n } from '../../../web/i18n/i18n.ts';
import { CsrfField, ErrorSummary, SubmitButton, TextField, type FormState } from '../../../web/components/forms.tsx';
import { PASSWORD_MIN } from '../accounts.validation.ts';

type FormViewProps = { i: I18n; form: FormState; csrfToken: string };

/** A field for a new password: the length rule as hint, and the autocomplete that lets password managers suggest one. */
export function NewPasswordField({ i, form, name, label }: { i: I18n; form: FormState; name: string; label: string }) {
  return (
    <TextField
      i={i}
      form={form}
      name={name}
      type="password"
      label={label}
      hint={i.t('accounts.field.newPasswordHint', { min: PASSWORD_MIN })}
      required
      autocomplete="new-password"
    />
  );
}

const emailLabel = (i: I18n) => i.t('accounts.field.email');
const passwordLabel = (i: I18n) => i.t('accounts.field.password');

export function RegisterView({ i, form, csrfToken }: FormViewProps) {
  const labels = { name: i.t('accounts.field.name'), email: emailLabel(i), password: passwordLabel(i) };
  return (
    <section class="ir-account-page">
      <h1 class="utrecht-heading-1">{i.t('accounts.register.title')}</h1>
      <p class="utrecht-paragraph">{i.t('accounts.register.intro')}</p>
      <ErrorSummary i={i} form={form} labels={labels} />
      <form method="post" action="/registreren" novalidate>
        <CsrfField token={csrfToken} />
        <TextField i={i} form={form} name="name" label={labels.name} required autocomplete="name" maxlength={100} />
        <TextField i={i} form={form} name="email" type="email" label={labels.email} hint={i.t('accounts.field.emailHint')} required autocomplete="email" maxlength={254} />
        <NewPasswordField i={i} form={form} name="password" label={labels.password} />
        <p class="utrecht-paragraph">
          {i.t('accounts.register.privacy')}{' '}
          <a class="utrecht-link" href="/privacy">
            {i.t('accounts.register.privacyLink')}
          </a>
        </p>
        <SubmitButton>{i.t('accounts.register.submit')}</SubmitButton>
      </form>
      <p class="utrecht-paragraph ir-account-after-form">
        {i.t('accounts.register.haveAccount')}{' '}
        <a class="utrecht-link" href="/inloggen">
          {i.t('accounts.register.toLogin')}
        </a>
      </p>
    </section>
  );
}

export function LoginView({ i, form, csrfToken, returnTo }: FormViewProps & { returnTo: string }) {
  const labels = { email: emailLabel(i), password: passwordLabel(i) };
  return (
    <section class="ir-account-page">
      <h1 class="utrecht-heading-1">{i.t('accounts.login.title')}</h1>
      <ErrorSummary i={i} form={form} labels={labels} />
      <form method="post" action="/inloggen" novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="terug" value={returnTo} />
        <TextField i={i} form={form} name="email" type="email" label={labels.email} required autocomplete="username" maxlength={254} />
        <TextField i={i} form={form} name="password" type="password" label={labels.password} required autocomplete="current-password" />
        <SubmitButton>{i.t('accounts.login.submit')}</SubmitButton>
      </form>
      <ul class="utrecht-unordered-list ir-account-after-form">
        <li>
          <a class="utrecht-link" href="/wachtwoord-vergeten">
            {i.t('accounts.login.forgot')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href="/registreren">
            {i.t('accounts.login.noAccount')}
          </a>
        </li>
      </ul>
    </section>
  );
}

export function ForgotPasswordView({ i, form, csrfToken }: FormViewProps) {
  const labels = { email: emailLabel(i) };
  return (
    <section class="ir-account-page">
      <h1 class="utrecht-heading-1">{i.t('accounts.forgot.title')}</h1>
      <p class="utrecht-paragraph">{i.t('accounts.forgot.intro')}</p>
      <ErrorSummary i={i} form={form} labels={labels} />
      <form method="post" action="/wachtwoord-vergeten" novalidate>
        <CsrfField token={csrfToken} />
        <TextField i={i} form={form} name="email" type="email" label={labels.email} required autocomplete="email" maxlength={254} />
        <SubmitButton>{i.t('accounts.forgot.submit')}</SubmitButton>
      </form>
    </section>
  );
}

export function ResetPasswordView({ i, form, csrfToken, token }: FormViewProps & { token: string }) {
  const labels = { password: i.t('accounts.field.newPassword') };
  return (
    <section class="ir-account-page">
      <h1 class="utrecht-heading-1">{i.t('accounts.reset.title')}</h1>
      <p class="utrecht-paragraph">{i.t('accounts.reset.intro')}</p>
      <ErrorSummary i={i} form={form} labels={labels} />
      <form method="post" action={`/wachtwoord-herstellen/${encodeURIComponent(token)}`} novalidate>
        <CsrfField token={csrfToken} />
        <NewPasswordField i={i} form={form} name="password" label={labels.password} />
        <SubmitButton>{i.t('accounts.reset.submit')}</SubmitButton>
      </form>
    </section>
  );
}

/** A short page that tells what happened and what to do next (check your email, link expired, ...). */
export function NoticeView({ i, titleKey, textKeys, link }: { i: I18n; titleKey: string; textKeys: string[]; link?: { href: string; key: string } }) {
  return (
    <section class="ir-account-page">
      <h1 class="utrecht-heading-1">{i.t(titleKey)}</h1>
      {textKeys.map((k) => (
        <p class="utrecht-paragraph">{i.t(k)}</p>
      ))}
      {link ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={link.href}>
            {i.t(link.key)}
          </a>
        </p>
      ) : null}
    </section>
  );
}
