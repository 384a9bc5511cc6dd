import { CsrfField, ErrorSummary, fieldId, type FormState, SubmitButton, TextArea } from '../../../web/components/forms.tsx';
import { Pagination } from '../../../web/components/Pagination.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import type { getMyRequest } from '../support.mine.service.ts';
import type { RequestListRow } from '../support.queries.ts';
import { Fact, municipalityName, QuestionAndTimeline, StatusText } from './shared.tsx';

type Paged<T> = { page: number; pages: number; total: number; items: T[] };

export function MineListView({ i, list }: { i: I18n; list: Paged<RequestListRow> }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('support.mine.title')}</h1>
      <p class="utrecht-paragraph">{i.t('support.mine.intro')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/hulp-vragen">
          {i.t('support.mine.ask')}
        </a>
      </p>
      {list.items.length === 0 ? (
        <p class="utrecht-paragraph ir-profile-empty-state">{i.t('support.mine.empty')}</p>
      ) : (
        <div class="ir-moderation-scroll">
          <table class="utrecht-table ir-moderation-table">
            <caption class="utrecht-table__caption">{i.t('support.mine.caption', { total: list.total })}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{i.t('support.col.caseNumber')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('support.col.topic')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('support.col.status')}</th>
                <th class="utrecht-table__header-cell" scope="col">{i.t('support.col.asked')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {list.items.map((r) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">
                    <a class="utrecht-link" href={`/mijn/hulpvragen/${r.id}`}>
                      {r.caseNumber}
                    </a>
                  </td>
                  <td class="utrecht-table__cell">{i.t(`support.topic.${r.topic}`)}</td>
                  <td class="utrecht-table__cell">
                    <StatusText i={i} status={r.status} />
                  </td>
                  <td class="utrecht-table__cell">{i.formatDate(r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination i={i} page={list.page} pages={list.pages} hrefFor={(p) => `/mijn/hulpvragen?pagina=${p}`} />
      {list.items.length > 0 ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/mijn/hulpvragen/download" download>
            {i.t('support.mine.download')}
          </a>
        </p>
      ) : null}
    </>
  );
}

type Detail = Awaited<ReturnType<typeof getMyRequest>>;

export function MineDetailView({ i, csrfToken, detail, form }: { i: I18n; csrfToken: string; detail: Detail; form: FormState }) {
  const r = detail.request;
  const base = `/mijn/hulpvragen/${r.id}`;
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('support.mineDetail.title', { caseNumber: r.caseNumber })}</h1>
      <ErrorSummary i={i} form={form} labels={{ message: i.t('support.mineDetail.reply'), score: i.t('support.mineDetail.rate'), reason: i.t('support.mineDetail.withdrawReason') }} />
      <dl class="ir-profile-dl">
        <Fact label={i.t('support.detail.status')}>
          <StatusText i={i} status={r.status} />
        </Fact>
        {r.outcome ? <Fact label={i.t('support.detail.outcome')}>{i.t(`support.outcome.${r.outcome}`)}</Fact> : null}
        <Fact label={i.t('support.detail.topic')}>{i.t(`support.topic.${r.topic}`)}</Fact>
        <Fact label={i.t('support.detail.municipality')}>{municipalityName(r.municipalitySlug)}</Fact>
        {detail.organisationName ? <Fact label={i.t('support.detail.organisation')}>{detail.organisationName}</Fact> : null}
        <Fact label={i.t('support.detail.asked')}>{i.formatDateTime(r.createdAt)}</Fact>
        {r.firstResponseDueAt && r.status !== 'closed' ? <Fact label={i.t('support.detail.due')}>{i.formatDate(r.firstResponseDueAt)}</Fact> : null}
      </dl>
      {detail.partnerName ? (
        <p class="utrecht-paragraph">{i.t('support.mineDetail.partner', { partner: detail.partnerName })}</p>
      ) : detail.assigneeName ? (
        <p class="utrecht-paragraph">{i.t('support.mineDetail.contact', { name: detail.assigneeName })}</p>
      ) : null}
      <QuestionAndTimeline i={i} description={r.description} attachments={detail.attachments} events={detail.events} attachmentBase={`${base}/bijlagen`} />
      {detail.canRate ? (
        <section aria-labelledby="tevredenheid" class="ir-profile-panel">
          <h2 class="utrecht-heading-2" id="tevredenheid">
            {i.t('support.mineDetail.rate')}
          </h2>
          <form method="post" action={`${base}/beoordelen`}>
            <CsrfField token={csrfToken} />
            <fieldset class="utrecht-form-fieldset ir-fieldset" aria-describedby="cijfer-uitleg">
              <legend class="utrecht-form-fieldset__legend utrecht-form-label">{i.t('support.mineDetail.rate')}</legend>
              <div class="utrecht-form-field-description" id="cijfer-uitleg">
                {i.t('support.mineDetail.rateText')}
              </div>
              {(form.errors.score ?? []).length ? <div class="utrecht-form-field-error-message">{form.errors.score!.join(' ')}</div> : null}
              <div class="ir-checkbox-list">
                {[1, 2, 3, 4, 5].map((n, idx) => (
                  <div class="utrecht-form-field utrecht-form-field--radio ir-checkbox">
                    <input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id={idx === 0 ? fieldId('score') : `${fieldId('score')}-${n}`} name="score" value={String(n)} />
                    <label class="utrecht-form-label utrecht-form-label--radio" for={idx === 0 ? fieldId('score') : `${fieldId('score')}-${n}`}>
                      {i.t('support.mineDetail.scoreLabel', { score: n })}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
            <SubmitButton>{i.t('support.mineDetail.rateSubmit')}</SubmitButton>
          </form>
        </section>
      ) : r.satisfaction !== null ? (
        <p class="utrecht-paragraph" data-rated={r.satisfaction}>
          {i.t('support.mineDetail.rated', { score: r.satisfaction })}
        </p>
      ) : null}
      {detail.canReply ? (
        <section aria-labelledby="reageren" class="ir-profile-panel">
          <h2 class="utrecht-heading-2" id="reageren">
            {i.t('support.mineDetail.reply')}
          </h2>
          <form method="post" action={`${base}/reageren`}>
            <CsrfField token={csrfToken} />
            <TextArea i={i} form={form} name="message" label={i.t('support.detail.message')} required rows={6} maxlength={10000} />
            <SubmitButton>{i.t('support.mineDetail.replySubmit')}</SubmitButton>
          </form>
        </section>
      ) : r.status === 'closed' ? (
        <p class="utrecht-paragraph">{i.t('support.mineDetail.closedNoReply')}</p>
      ) : null}
      {detail.canWithdraw ? (
        <section aria-labelledby="intrekken" class="ir-profile-panel">
          <h2 class="utrecht-heading-2" id="intrekken">
            {i.t('support.mineDetail.withdraw')}
          </h2>
          <p class="utrecht-paragraph">{i.t('support.mineDetail.withdrawText')}</p>
          <form method="post" action={`${base}/intrekken`}>
            <CsrfField token={csrfToken} />
            <TextArea i={i} form={form} name="reason" label={i.t('support.mineDetail.withdrawReason')} rows={3} maxlength={1000} />
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">
              {i.t('support.mineDetail.withdrawSubmit')}
            </button>
          </form>
        </section>
      ) : null}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/mijn/hulpvragen">
          {i.t('support.mineDetail.back')}
        </a>
      </p>
    </>
  );
}
