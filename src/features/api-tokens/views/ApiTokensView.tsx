import { CsrfField, ErrorSummary, SelectField, SubmitButton, TextField, type FormState } from '../../../web/components/forms.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import type { TokenListItem } from '../api-tokens.service.ts';
import { VALIDITY_DAYS } from '../api-tokens.validation.ts';

export type CreatedToken = { token: string; expiresAt: Date };

/** /mijn/api-tokens: the new token (once, right after creating it), the form to create one, and the list. */
export function ApiTokensView({ i, csrfToken, tokens, form, created }: { i: I18n; csrfToken: string; tokens: TokenListItem[]; form: FormState; created?: CreatedToken }) {
  const labels = { name: i.t('apiTokens.field.name'), validDays: i.t('apiTokens.field.validDays') };
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('apiTokens.title')}</h1>
      <p class="utrecht-paragraph">{i.t('apiTokens.intro')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/api/v1/openapi.json">
          {i.t('apiTokens.docs')}
        </a>
      </p>
      {created ? (
        <section class="ir-moderation-alert" aria-labelledby="nieuwe-sleutel" data-created-token>
          <h2 class="utrecht-heading-2" id="nieuwe-sleutel">
            {i.t('apiTokens.created.title')}
          </h2>
          <p class="utrecht-paragraph">
            <strong>{i.t('apiTokens.created.once')}</strong>
          </p>
          <div class="utrecht-form-field ir-field">
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for="nieuwe-sleutel-waarde">
                {i.t('apiTokens.created.label')}
              </label>
            </div>
            <div class="utrecht-form-field__input">
              <input
                class="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--readonly ir-token-value"
                id="nieuwe-sleutel-waarde"
                type="text"
                readonly
                value={created.token}
                autocomplete="off"
                spellcheck={false}
              />
            </div>
          </div>
          <p class="utrecht-paragraph">{i.t('apiTokens.created.usage')}</p>
          <p class="utrecht-paragraph">{i.t('apiTokens.created.expires', { date: i.formatDate(created.expiresAt) })}</p>
        </section>
      ) : null}
      <section aria-labelledby="sleutel-maken">
        <h2 class="utrecht-heading-2" id="sleutel-maken">
          {i.t('apiTokens.create.title')}
        </h2>
        <ErrorSummary i={i} form={form} labels={labels} />
        <form method="post" action="/mijn/api-tokens" novalidate>
          <CsrfField token={csrfToken} />
          <TextField i={i} form={form} name="name" label={labels.name} hint={i.t('apiTokens.field.nameHint')} required maxlength={80} autocomplete="off" />
          <SelectField
            i={i}
            form={form}
            name="validDays"
            label={labels.validDays}
            required
            options={VALIDITY_DAYS.map((d) => ({ value: d, label: i.t(`apiTokens.validDays.${d}`) }))}
          />
          <SubmitButton>{i.t('apiTokens.create.submit')}</SubmitButton>
        </form>
      </section>
      <section aria-labelledby="mijn-sleutels">
        <h2 class="utrecht-heading-2" id="mijn-sleutels">
          {i.t('apiTokens.list.title')}
        </h2>
        {tokens.length === 0 ? (
          <p class="utrecht-paragraph ir-empty-state">{i.t('apiTokens.list.empty')}</p>
        ) : (
          <div class="ir-moderation-scroll">
            <table class="utrecht-table ir-moderation-table" data-tokens>
              <caption class="utrecht-table__caption">{i.t('apiTokens.list.caption', { total: tokens.length })}</caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  {['name', 'ending', 'created', 'lastUsed', 'expires', 'state', 'action'].map((col) => (
                    <th class="utrecht-table__header-cell" scope="col">
                      {i.t(`apiTokens.col.${col}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {tokens.map((t) => (
                  <tr class="utrecht-table__row" data-token-id={t.id}>
                    <td class="utrecht-table__cell">{t.name}</td>
                    <td class="utrecht-table__cell">
                      <code>…{t.lastFour}</code>
                    </td>
                    <td class="utrecht-table__cell">{i.formatDate(t.createdAt)}</td>
                    <td class="utrecht-table__cell">{t.lastUsedAt ? i.formatDateTime(t.lastUsedAt) : i.t('apiTokens.neverUsed')}</td>
                    <td class="utrecht-table__cell">{i.formatDate(t.expiresAt)}</td>
                    <td class="utrecht-table__cell">{i.t(`apiTokens.state.${t.state}`)}</td>
                    <td class="utrecht-table__cell">
                      {t.state === 'active' ? (
                        <a class="utrecht-link" href={`/mijn/api-tokens/${t.id}/intrekken`} aria-label={i.t('apiTokens.revoke.linkLabel', { name: t.name })}>
                          {i.t('apiTokens.revoke.link')}
                        </a>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** The confirmation before revoking: what will stop working, and a way back. */
export function RevokeTokenView({ i, csrfToken, token }: { i: I18n; csrfToken: string; token: { id: string; name: string; revokedAt: Date | null } }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('apiTokens.revoke.title')}</h1>
      {token.revokedAt ? (
        <p class="utrecht-paragraph">{i.t('apiTokens.revoke.already')}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">{i.t('apiTokens.revoke.question', { name: token.name })}</p>
          <form method="post" action={`/mijn/api-tokens/${token.id}/intrekken`}>
            <CsrfField token={csrfToken} />
            <div class="ir-form-actions">
              <button type="submit" class="utrecht-button utrecht-button--primary-action">
                {i.t('apiTokens.revoke.confirm')}
              </button>
              <a class="utrecht-link" href="/mijn/api-tokens">
                {i.t('apiTokens.revoke.cancel')}
              </a>
            </div>
          </form>
        </>
      )}
      {token.revokedAt ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/mijn/api-tokens">
            {i.t('apiTokens.revoke.cancel')}
          </a>
        </p>
      ) : null}
    </>
  );
}
