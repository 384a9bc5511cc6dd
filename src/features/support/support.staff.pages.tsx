import { type Context, Hono } from 'hono';
import { region } from '../../data/reference.ts';
import { AppError } from '../../lib/errors.ts';
import { emptyForm, type FormState } from '../../web/components/forms.tsx';
import { requireRole } from '../../web/middleware/auth.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { serviceContextOf } from '../accounts/accounts.http.ts';
import { hasRole, municipalitiesInScope } from '../accounts/permissions.ts';
import { pageParam, sendAttachment } from './support.mine.pages.tsx';
import { SUPPORT_STATUSES, SUPPORT_TOPICS, type SupportStatus, type SupportTopic } from './support.schema.ts';
import { SUPPORT_STAFF_ROLES } from './support.scope.ts';
import {
  actionOptionsFor,
  addNote,
  assignRequest,
  attachmentForStaff,
  changeStatus,
  getRequestForStaff,
  listRequestsForStaff,
  messageRequester,
  referRequest,
  STAFF_VIEWS,
  type StaffView,
} from './support.service.ts';
import { assignSchema, messageSchema, noteSchema, referSchema, statusChangeSchema } from './support.validation.ts';
import { InboxView, StaffDetailView } from './views/StaffViews.tsx';
import { requestActionsFor } from './support.request-action.ts';

const badFilter = () => new AppError('bad_request', 'support.inbox.badFilter');

/** The inbox's URL filters; an unknown value is a 400, not an empty list. */
function parseInboxQuery(query: Record<string, string | undefined>) {
  const pick = <T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined => {
    if (value === undefined || value === '') return undefined;
    if (!(allowed as readonly string[]).includes(value)) throw badFilter();
    return value as T;
  };
  return {
    view: pick<StaffView>(query.weergave, STAFF_VIEWS) ?? 'mine',
    status: pick<SupportStatus>(query.status, SUPPORT_STATUSES.filter((s) => s !== 'unconfirmed')),
    topic: pick<SupportTopic>(query.onderwerp, SUPPORT_TOPICS),
    municipality: pick(query.gemeente, region.municipalities.map((m) => m.slug)),
  };
}

/** /beheer/hulpvragen: the inbox and one request with its actions, for account managers, partners and coordinators. */
export function supportStaffRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/beheer/hulpvragen', requireRole(...SUPPORT_STAFF_ROLES));
  app.use('/beheer/hulpvragen/*', requireRole(...SUPPORT_STAFF_ROLES));

  app.get('/beheer/hulpvragen', async (c) => {
    const i = c.var.i18n;
    const filters = parseInboxQuery(c.req.query());
    const list = await listRequestsForStaff(serviceContextOf(c), filters, pageParam(c.req.query('pagina')));
    const user = c.var.user!;
    return renderPage(
      c,
      { title: i.t('support.inbox.title') },
      <InboxView
        i={i}
        list={list}
        filters={filters}
        municipalities={municipalitiesInScope(user, 'account_manager')}
        canRoute={hasRole(user, 'coordinator', 'admin')}
        canStandIn={hasRole(user, 'account_manager')}
      />,
    );
  });

  const renderDetail = async (c: Context<AppEnv>, id: string, form: FormState, status: 200 | 409 | 422) => {
    const ctx = serviceContextOf(c);
    const detail = await getRequestForStaff(ctx, id);
    const options = await actionOptionsFor(ctx, detail);
    return renderPage(
      c,
      { title: c.var.i18n.t('support.staff.title', { caseNumber: detail.request.caseNumber }), status },
      <StaffDetailView i={c.var.i18n} csrfToken={c.var.csrfToken} detail={detail} options={options} form={form} />,
    );
  };

  app.get('/beheer/hulpvragen/:id', (c) => renderDetail(c, c.req.param('id'), emptyForm(), 200));

  const action = requestActionsFor(renderDetail, '/beheer/hulpvragen');

  app.post(
    '/beheer/hulpvragen/:id/bericht',
    action<{ message: string; waitForReply?: 'on' }>(messageSchema, 'message', (c, id, d) => messageRequester(serviceContextOf(c), id, d.message, d.waitForReply === 'on'), 'support.flash.messageSent'),
  );
  app.post('/beheer/hulpvragen/:id/notitie', action<{ note: string }>(noteSchema, 'note', (c, id, d) => addNote(serviceContextOf(c), id, d.note), 'support.flash.noteSaved'));
  app.post(
    '/beheer/hulpvragen/:id/status',
    action<{ status: SupportStatus; outcome?: (typeof import('./support.schema.ts'))['SUPPORT_OUTCOMES'][number]; statusNote?: string }>(
      statusChangeSchema,
      'status',
      (c, id, d) => changeStatus(serviceContextOf(c), id, d.status, d.statusNote, d.outcome),
      'support.flash.statusChanged',
    ),
  );
  app.post('/beheer/hulpvragen/:id/toewijzen', action<{ assignee: string; reason: string }>(assignSchema, 'assignee', (c, id, d) => assignRequest(serviceContextOf(c), id, d.assignee, d.reason), 'support.flash.assigned'));
  app.post(
    '/beheer/hulpvragen/:id/doorverwijzen',
    action<{ partner: string; referNote: string }>(referSchema, 'partner', (c, id, d) => referRequest(serviceContextOf(c), id, d.partner, d.referNote), 'support.flash.referred'),
  );

  app.get('/beheer/hulpvragen/:id/bijlagen/:attachmentId', async (c) => sendAttachment(c, await attachmentForStaff(serviceContextOf(c), c.req.param('id'), c.req.param('attachmentId'))));

  return app;
}
