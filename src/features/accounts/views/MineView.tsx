import { region } from '../../../data/reference.ts';
import type { I18n } from '../../../web/i18n/i18n.ts';
import { CsrfField, ErrorSummary, SubmitButton, TextField, type FormState } from '../../../web/components/forms.tsx';
import type { RoleAssignment } from '../../../web/types.ts';
import { NewPasswordField } from './AuthViews.tsx';
import { isStaff } from '../permissions.ts';

export type MineViewProps = {
  i: I18n;
  csrfToken: string;
  account: { name: string; email: string; roles: RoleAssignment[] };
  nameForm: FormState;
  passwordForm: FormState;
};

/** "Role" or "Role (Municipality)" for scoped staff roles. */
export function roleLabel(i: I18n, r: RoleAssignment): string {
  const label = i.t(`accounts.role.${r.role}`);
  const municipality = r.municipalitySlug ? region.municipalities.find((m) => m.slug === r.municipalitySlug)?.name ?? r.municipalitySlug : null;
  return municipality ? i.t('accounts.mine.roleIn', { role: label, municipality }) : label;
}

/** "Mijn omgeving": who you are, your roles, your organisations, and forms to change name and password. */
export function MineView({ i, csrfToken, account, nameForm, passwordForm }: MineViewProps) {
  const nameLabels = { name: i.t('accounts.field.name') };
  const passwordLabels = { currentPassword: i.t('accounts.field.currentPassword'), newPassword: i.t('accounts.field.newPassword') };
  const failed = Object.keys(passwordForm.errors).length ? { form: passwordForm, labels: passwordLabels } : { form: nameForm, labels: nameLabels };
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('accounts.mine.title')}</h1>
      <ErrorSummary i={i} form={failed.form} labels={failed.labels} />
      <section aria-labelledby="mijn-gegevens">
        <h2 class="utrecht-heading-2" id="mijn-gegevens">
          {i.t('accounts.mine.detailsTitle')}
        </h2>
        <dl class="ir-account-details">
          <div>
            <dt>{i.t('accounts.field.name')}</dt>
            <dd data-field="name">{account.name}</dd>
          </div>
          <div>
            <dt>{i.t('accounts.field.email')}</dt>
            <dd data-field="email">{account.email}</dd>
          </div>
          <div>
            <dt>{i.t('accounts.mine.roles')}</dt>
            <dd data-field="roles">
              {account.roles.length ? (
                <ul class="utrecht-unordered-list">
                  {account.roles.map((r) => (
                    <li>{roleLabel(i, r)}</li>
                  ))}
                </ul>
              ) : (
                i.t('accounts.mine.noRoles')
              )}
            </dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="mijn-organisaties">
        <h2 class="utrecht-heading-2" id="mijn-organisaties">
          {i.t('accounts.mine.organisationsTitle')}
        </h2>
        <p class="utrecht-paragraph">{i.t('accounts.mine.organisationsText')}</p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/mijn/organisaties">
            {i.t('accounts.mine.organisationsLink')}
          </a>
        </p>
      </section>
      <section aria-labelledby="mijn-hulpvragen">
        <h2 class="utrecht-heading-2" id="mijn-hulpvragen">
          {i.t('support.mine.title')}
        </h2>
        <p class="utrecht-paragraph">{i.t('support.mine.intro')}</p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/mijn/hulpvragen">
            {i.t('support.done.mineLink')}
          </a>
        </p>
      </section>
      <section aria-labelledby="mijn-aanmeldingen">
        <h2 class="utrecht-heading-2" id="mijn-aanmeldingen">
          {i.t('registrations.mine.title')}
        </h2>
        <p class="utrecht-paragraph">{i.t('registrations.mine.intro')}</p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/mijn/aanmeldingen">
            {i.t('registrations.mine.openLink')}
          </a>
        </p>
      </section>
      {account.roles.some((r) => r.role === 'entrepreneur' || r.role === 'partner' || r.role === 'coordinator') ? (
        <section aria-labelledby="mijn-evenementen">
          <h2 class="utrecht-heading-2" id="mijn-evenementen">
            {i.t('agenda.mine.title')}
          </h2>
          <p class="utrecht-paragraph">{i.t('agenda.mine.accountText')}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="/mijn/evenementen">
              {i.t('agenda.mine.accountLink')}
            </a>
          </p>
        </section>
      ) : null}
      {isStaff(account) ? (
        <section aria-labelledby="api-sleutels">
          <h2 class="utrecht-heading-2" id="api-sleutels">
            {i.t('apiTokens.title')}
          </h2>
          <p class="utrecht-paragraph">{i.t('apiTokens.mineText')}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="/mijn/api-tokens">
              {i.t('apiTokens.mineLink')}
            </a>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="naam-wijzigen">
        <h2 class="utrecht-heading-2" id="naam-wijzigen">
          {i.t('accounts.mine.nameTitle')}
        </h2>
        <form method="post" action="/mijn/naam" novalidate>
          <CsrfField token={csrfToken} />
          <TextField i={i} form={nameForm} name="name" label={nameLabels.name} required autocomplete="name" maxlength={100} />
          <SubmitButton>{i.t('accounts.mine.nameSubmit')}</SubmitButton>
        </form>
      </section>
      <section aria-labelledby="wachtwoord-wijzigen">
        <h2 class="utrecht-heading-2" id="wachtwoord-wijzigen">
          {i.t('accounts.mine.passwordTitle')}
        </h2>
        <p class="utrecht-paragraph">{i.t('accounts.mine.passwordIntro')}</p>
        <form method="post" action="/mijn/wachtwoord" novalidate>
          <CsrfField token={csrfToken} />
          <TextField i={i} form={passwordForm} name="currentPassword" type="password" label={passwordLabels.currentPassword} required autocomplete="current-password" />
          <NewPasswordField i={i} form={passwordForm} name="newPassword" label={passwordLabels.newPassword} />
          <SubmitButton>{i.t('accounts.mine.passwordSubmit')}</SubmitButton>
        </form>
      </section>
    </>
  );
}
