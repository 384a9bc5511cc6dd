import { region } from '../../../data/reference.ts';
import type { I18n } from '../../../web/i18n/i18n.ts';
import type { AttachmentMeta, EventListRow } from '../support.queries.ts';
import type { SupportStatus } from '../support.schema.ts';

export const municipalityName = (slug: string) => region.municipalities.find((m) => m.slug === slug)?.name ?? slug;

export function formatSize(i: I18n, bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${i.formatNumber(Math.round(bytes / 1024))} kB`;
  return `${i.formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

/** The status in words (never colour alone). */
export function StatusText({ i, status, overdue }: { i: I18n; status: SupportStatus; overdue?: boolean }) {
  return (
    <span data-status={status}>
      {i.t(`support.status.${status}`)}
      {overdue ? (
        <>
          {' '}
          <strong data-overdue>({i.t('support.overdue')})</strong>
        </>
      ) : null}
    </span>
  );
}

/** The timeline, oldest first, as an ordered list: what happened, when, by whom, and any text. */
export function Timeline({ i, events, showActors }: { i: I18n; events: Array<Pick<EventListRow, 'id' | 'at' | 'kind' | 'actorName' | 'fromStatus' | 'toStatus' | 'body'>>; showActors: boolean }) {
  return (
    <ol class="ir-support-timeline" data-timeline>
      {events.map((e) => (
        <li data-event={e.kind}>
          <p class="utrecht-paragraph">
            <strong>
              {e.kind === 'status_changed' && e.fromStatus && e.toStatus
                ? i.t('support.event.status_changed', { from: i.t(`support.status.${e.fromStatus}`), to: i.t(`support.status.${e.toStatus}`) })
                : i.t(`support.event.${e.kind}`)}
            </strong>
            {' · '}
            <time datetime={e.at.toISOString()}>{i.formatDateTime(e.at)}</time>
            {showActors && e.actorName ? ` · ${i.t('support.event.by', { name: e.actorName })}` : ''}
          </p>
          {e.body ? <p class="utrecht-paragraph ir-profile-prewrap">{e.body}</p> : null}
        </li>
      ))}
    </ol>
  );
}

export function AttachmentList({ i, attachments, hrefFor }: { i: I18n; attachments: AttachmentMeta[]; hrefFor: (id: string) => string }) {
  if (attachments.length === 0) return <p class="utrecht-paragraph">{i.t('support.detail.noAttachments')}</p>;
  return (
    <ul class="utrecht-unordered-list">
      {attachments.map((a) => (
        <li>
          <a class="utrecht-link" href={hrefFor(a.id)} download={a.fileName}>
            {i.t('support.staff.download', { file: a.fileName, size: formatSize(i, a.sizeBytes) })}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function Fact({ label, children }: { label: string; children: unknown }) {
  return (
    <div class="ir-profile-dl__row">
      <dt>{label}</dt>
      <dd>{children as never}</dd>
    </div>
  );
}

/** The question as asked (text and attachments) and the timeline of what happened: the same on the asker's and the staff's page. */
export function QuestionAndTimeline({
  i,
  description,
  attachments,
  events,
  attachmentBase,
}: {
  i: I18n;
  description: string;
  attachments: AttachmentMeta[];
  events: Parameters<typeof Timeline>[0]['events'];
  attachmentBase: string;
}) {
  return (
    <>
      <section aria-labelledby="de-vraag">
        <h2 class="utrecht-heading-2" id="de-vraag">
          {i.t('support.detail.question')}
        </h2>
        <p class="utrecht-paragraph ir-profile-prewrap">{description}</p>
        <h3 class="utrecht-heading-3">{i.t('support.detail.attachments')}</h3>
        <AttachmentList i={i} attachments={attachments} hrefFor={(id) => `${attachmentBase}/${id}`} />
      </section>
      <section aria-labelledby="verloop">
        <h2 class="utrecht-heading-2" id="verloop">
          {i.t('support.detail.timeline')}
        </h2>
        <Timeline i={i} events={events} showActors={true} />
      </section>
    </>
  );
}
