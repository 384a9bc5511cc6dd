import { type Context, Hono } from 'hono';
import { isAppError } from '../../lib/errors.ts';
import type { FormState } from '../../web/components/forms.tsx';
import { readForm, validate } from '../../web/forms.ts';
import { requireRole } from '../../web/middleware/auth.ts';
import { redirectWithFlash } from '../../web/middleware/flash.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { serviceContextOf } from '../accounts/accounts.http.ts';
import { moderationCounts } from '../moderation/moderation.service.ts';
import { ReasonSchema } from '../moderation/moderation.validation.ts';
import { ConflictView } from '../moderation/views/ModerationListsView.tsx';
import { approveEvent, eventReviewQueue, getEventForReview, rejectEvent } from './agenda.moderation.ts';
import { EventQueueView, EventReviewView } from './views/EventReviewView.tsx';

const pageParam = (c: Context<AppEnv>) => {
  const n = Number.parseInt(c.req.query('pagina') ?? '1', 10);
  return Number.isFinite(n) && n > 0 && n < 1_000_000 ? n : 1;
};

/** /beheer/moderatie/evenementen: the coordinator's list of entrepreneurs' events in review and the decisions on them. */
export function agendaModerationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/beheer/moderatie/evenementen', requireRole('coordinator'));
  app.use('/beheer/moderatie/evenementen/*', requireRole('coordinator'));
  const back = '/beheer/moderatie/evenementen';

  /** A decision that lost a race (double click, two coordinators) is a 409 page that says so. */
  const orConflict = async (c: Context<AppEnv>, action: () => Promise<Response>) => {
    try {
      return await action();
    } catch (e) {
      if (!isAppError(e) || e.code !== 'conflict') throw e;
      const i = c.var.i18n;
      return renderPage(c, { title: i.t('moderation.conflict.title'), status: 409 }, <ConflictView i={i} message={i.t(e.message)} backHref={back} backLabel={i.t('agenda.moderation.back')} />);
    }
  };

  app.get('/beheer/moderatie/evenementen', async (c) => {
    const ctx = serviceContextOf(c);
    const [counts, queue] = await Promise.all([moderationCounts(ctx), eventReviewQueue(ctx, pageParam(c))]);
    return renderPage(c, { title: c.var.i18n.t('agenda.moderation.title') }, <EventQueueView i={c.var.i18n} counts={counts} queue={queue} />);
  });

  const renderReview = async (c: Context<AppEnv>, id: string, form?: FormState, status: 200 | 422 = 200) => {
    const data = await getEventForReview(serviceContextOf(c), id);
    return renderPage(
      c,
      { title: c.var.i18n.t('agenda.moderation.reviewTitle', { title: data.event.title }), status },
      <EventReviewView i={c.var.i18n} csrfToken={c.var.csrfToken} data={data} form={form} />,
    );
  };

  app.get('/beheer/moderatie/evenementen/:id', (c) => renderReview(c, c.req.param('id')));

  app.post('/beheer/moderatie/evenementen/:id/goedkeuren', (c) =>
    orConflict(c, async () => {
      await approveEvent(serviceContextOf(c), c.req.param('id'));
      return redirectWithFlash(c, back, 'agenda.flash.approved');
    }),
  );

  app.post('/beheer/moderatie/evenementen/:id/afwijzen', (c) =>
    orConflict(c, async () => {
      const id = c.req.param('id');
      const values = await readForm(c);
      const parsed = validate(ReasonSchema, values, c.var.i18n);
      if (!parsed.success) return renderReview(c, id, { values, errors: parsed.errors }, 422);
      await rejectEvent(serviceContextOf(c), id, parsed.data.reason);
      return redirectWithFlash(c, back, 'agenda.flash.rejected');
    }),
  );

  return app;
}
