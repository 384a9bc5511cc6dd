import type { I18n } from '../../../web/i18n/i18n.ts';
import { Pagination } from '../../../web/components/Pagination.tsx';
import type { OutboxSummary } from '../mail.queries.ts';

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;

/** Plain text with its http(s) links made clickable; everything else stays text (escaped by JSX). */
export function LinkedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, idx) =>
        idx % 2 === 1 ? (
          <a class="utrecht-link" href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** The status in words (never colour alone). */
const StatusLabel = ({ i, status }: { i: I18n; status: OutboxSummary['status'] }) => (
  <span class={`ir-outbox-status ir-outbox-status--${status}`}>{i.t(`mail.status.${status}`)}</span>
);

export function OutboxListView({
  i,
  items,
  page,
  pages,
  total,
  smtpConfigured,
}: {
  i: I18n;
  items: OutboxSummary[];
  page: number;
  pages: number;
  total: number;
  smtpConfigured: boolean;
}) {
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('mail.outbox.title')}</h1>
      <p class="utrecht-paragraph">{i.t(smtpConfigured ? 'mail.outbox.introSmtp' : 'mail.outbox.introNoSmtp')}</p>
      <p class="utrecht-paragraph" data-total={total}>
        {i.t('mail.outbox.count', { count: i.formatNumber(total) })}
      </p>
      {items.length === 0 ? (
        <p class="utrecht-paragraph">{i.t('mail.outbox.empty')}</p>
      ) : (
        <div class="ir-outbox-scroll" role="region" aria-labelledby="outbox-caption" tabindex={0}>
          <table class="utrecht-table ir-outbox-table">
            <caption class="utrecht-table__caption" id="outbox-caption">
              {i.t('mail.outbox.caption', { page, pages })}
            </caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{i.t('mail.field.subject')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('mail.field.to')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('mail.field.status')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('mail.field.created')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {items.map((m) => (
                <tr class="utrecht-table__row" data-outbox-id={m.id}>
                  <td class="utrecht-table__cell">
                    <a class="utrecht-link" href={`/beheer/outbox/${m.id}`}>
                      {m.subject}
                    </a>
                  </td>
                  <td class="utrecht-table__cell">{m.toAddress}</td>
                  <td class="utrecht-table__cell">
                    <StatusLabel i={i} status={m.status} />
                  </td>
                  <td class="utrecht-table__cell">{i.formatDateTime(m.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination i={i} page={page} pages={pages} hrefFor={(n) => `/beheer/outbox?pagina=${n}`} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer">
          {i.t('mail.outbox.backToStaff')}
        </a>
      </p>
    </>
  );
}

export function OutboxMailView({ i, mail }: { i: I18n; mail: OutboxSummary & { textBody: string | null } }) {
  return (
    <>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer/outbox">
          {i.t('mail.outbox.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{mail.subject}</h1>
      <dl class="ir-outbox-details">
        <div>
          <dt>{i.t('mail.field.to')}</dt>
          <dd>{mail.toAddress}</dd>
        </div>
        <div>
          <dt>{i.t('mail.field.status')}</dt>
          <dd>
            <StatusLabel i={i} status={mail.status} />
          </dd>
        </div>
        <div>
          <dt>{i.t('mail.field.created')}</dt>
          <dd>{i.formatDateTime(mail.createdAt)}</dd>
        </div>
        {mail.sentAt ? (
          <div>
            <dt>{i.t('mail.field.sent')}</dt>
            <dd>{i.formatDateTime(mail.sentAt)}</dd>
          </div>
        ) : null}
        {mail.attempts > 0 ? (
          <div>
            <dt>{i.t('mail.field.attempts')}</dt>
            <dd>{i.formatNumber(mail.attempts)}</dd>
          </div>
        ) : null}
      </dl>
      <h2 class="utrecht-heading-2">{i.t('mail.field.text')}</h2>
      {mail.textBody === null ? (
        <p class="utrecht-paragraph">{i.t('mail.outbox.textHidden')}</p>
      ) : (
        <div class="ir-outbox-text" data-mail-text>
          <LinkedText text={mail.textBody} />
        </div>
      )}
    </>
  );
}
