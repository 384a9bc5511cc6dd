import { type Context, Hono } from 'hono';
import { isAppError } from '../../lib/errors.ts';
import type { FormState } from '../../web/components/forms.tsx';
import { readForm, validate } from '../../web/forms.ts';
import { requireRole } from '../../web/middleware/auth.ts';
import { redirectWithFlash } from '../../web/middleware/flash.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv, ServiceContext } from '../../web/types.ts';
import { getLogoForViewer } from '../profiles/profiles.logo.ts';
import {
  approveClaim,
  approveOrganisation,
  claimQueue,
  getClaim,
  getOrganisationForReview,
  markChangesSeen,
  moderationCounts,
  recentChanges,
  rejectClaim,
  rejectOrganisation,
  reviewQueue,
  setVerifiedCertifications,
  takeOffline,
} from './moderation.service.ts';
import { ReasonSchema, VerifySchema } from './moderation.validation.ts';
import { ClaimQueueView, ConflictView, RecentChangesView, ReviewQueueView } from './views/ModerationListsView.tsx';
import { ClaimDecisionView, ReviewView } from './views/ReviewView.tsx';

const serviceContext = (c: Context<AppEnv>): ServiceContext => {
  const { db, clock, mailer, config } = c.var.deps;
  return { db, clock, mailer, config, actor: c.var.user, logger: c.var.logger, requestId: c.var.requestId };
};

const pageParam = (c: Context<AppEnv>) => {
  const n = Number.parseInt(c.req.query('pagina') ?? '1', 10);
  return Number.isFinite(n) && n > 0 && n < 1_000_000 ? n : 1;
};

/** A decision that lost a race (double click, two coordinators) is a 409 page that says so, not a 500. */
async function orConflict(c: Context<AppEnv>, back: { href: string; labelKey: string }, action: () => Promise<Response>): Promise<Response> {
  try {
    return await action();
  } catch (e) {
    if (!isAppError(e) || e.code !== 'conflict') throw e;
    const i = c.var.i18n;
    return renderPage(
      c,
      { title: i.t('moderation.conflict.title'), status: 409 },
      <ConflictView i={i} message={i.t(e.message)} backHref={back.href} backLabel={i.t(back.labelKey)} />,
    );
  }
}

/** /beheer/moderatie: the coordinator's review queue, claims and recent changes of published profiles. */
export function moderationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/beheer/moderatie', requireRole('coordinator'));
  app.use('/beheer/moderatie/*', requireRole('coordinator'));

  app.get('/beheer/moderatie', async (c) => {
    const ctx = serviceContext(c);
    const [counts, queue] = await Promise.all([moderationCounts(ctx), reviewQueue(ctx, pageParam(c))]);
    return renderPage(c, { title: c.var.i18n.t('moderation.queue.title') }, <ReviewQueueView i={c.var.i18n} counts={counts} queue={queue} />);
  });

  app.get('/beheer/moderatie/aanvragen', async (c) => {
    const ctx = serviceContext(c);
    const [counts, queue] = await Promise.all([moderationCounts(ctx), claimQueue(ctx, pageParam(c))]);
    return renderPage(c, { title: c.var.i18n.t('moderation.claims.title') }, <ClaimQueueView i={c.var.i18n} counts={counts} queue={queue} />);
  });

  app.get('/beheer/moderatie/wijzigingen', async (c) => {
    const ctx = serviceContext(c);
    const [counts, queue] = await Promise.all([moderationCounts(ctx), recentChanges(ctx, pageParam(c))]);
    return renderPage(c, { title: c.var.i18n.t('moderation.changes.title') }, <RecentChangesView i={c.var.i18n} counts={counts} queue={queue} />);
  });

  // --- one organisation -----------------------------------------------------------------------------------------
  const renderReview = async (c: Context<AppEnv>, id: string, form?: FormState, status: 200 | 422 = 200) => {
    const data = await getOrganisationForReview(serviceContext(c), id);
    return renderPage(
      c,
      { title: c.var.i18n.t('moderation.review.title', { name: data.organisation.name }), status },
      <ReviewView i={c.var.i18n} csrfToken={c.var.csrfToken} data={data} form={form} />,
    );
  };
  const backToQueue = { href: '/beheer/moderatie', labelKey: 'moderation.backToQueue' };

  app.get('/beheer/moderatie/organisaties/:id', (c) => renderReview(c, c.req.param('id')));

  app.get('/beheer/moderatie/organisaties/:id/logo', async (c) => {
    const logo = await getLogoForViewer(serviceContext(c), c.req.param('id'));
    return c.body(new Uint8Array(logo.bytes), 200, { 'Content-Type': logo.contentType, 'Cache-Control': 'private, max-age=0, must-revalidate' });
  });

  app.post('/beheer/moderatie/organisaties/:id/goedkeuren', (c) =>
    orConflict(c, backToQueue, async () => {
      await approveOrganisation(serviceContext(c), c.req.param('id'));
      return redirectWithFlash(c, '/beheer/moderatie', 'moderation.flash.approved');
    }),
  );

  app.post('/beheer/moderatie/organisaties/:id/afwijzen', (c) =>
    orConflict(c, backToQueue, async () => {
      const id = c.req.param('id');
      const values = await readForm(c);
      const parsed = validate(ReasonSchema, values, c.var.i18n);
      if (!parsed.success) return renderReview(c, id, { values, errors: parsed.errors }, 422);
      await rejectOrganisation(serviceContext(c), id, parsed.data.reason);
      return redirectWithFlash(c, '/beheer/moderatie', 'moderation.flash.rejected');
    }),
  );

  app.post('/beheer/moderatie/organisaties/:id/offline', (c) =>
    orConflict(c, { href: '/beheer/moderatie/wijzigingen', labelKey: 'moderation.backToChanges' }, async () => {
      const id = c.req.param('id');
      const values = await readForm(c);
      const parsed = validate(ReasonSchema, values, c.var.i18n);
      if (!parsed.success) return renderReview(c, id, { values, errors: parsed.errors }, 422);
      await takeOffline(serviceContext(c), id, parsed.data.reason);
      return redirectWithFlash(c, '/beheer/moderatie/wijzigingen', 'moderation.flash.offline');
    }),
  );

  app.post('/beheer/moderatie/organisaties/:id/gezien', (c) =>
    orConflict(c, { href: '/beheer/moderatie/wijzigingen', labelKey: 'moderation.backToChanges' }, async () => {
      await markChangesSeen(serviceContext(c), c.req.param('id'));
      return redirectWithFlash(c, '/beheer/moderatie/wijzigingen', 'moderation.flash.seen');
    }),
  );

  app.post('/beheer/moderatie/organisaties/:id/keurmerken', async (c) => {
    const id = c.req.param('id');
    const parsed = validate(VerifySchema, await readForm(c), c.var.i18n);
    await setVerifiedCertifications(serviceContext(c), id, parsed.success ? parsed.data.verified : []);
    return redirectWithFlash(c, `/beheer/moderatie/organisaties/${id}`, 'moderation.flash.verified');
  });

  // --- claims ---------------------------------------------------------------------------------------------------
  const renderClaim = async (c: Context<AppEnv>, id: string, form?: FormState, status: 200 | 422 = 200) => {
    const data = await getClaim(serviceContext(c), id);
    return renderPage(
      c,
      { title: c.var.i18n.t('moderation.claim.title', { name: data.organisationName }), status },
      <ClaimDecisionView i={c.var.i18n} csrfToken={c.var.csrfToken} data={data} form={form} />,
    );
  };
  const backToClaims = { href: '/beheer/moderatie/aanvragen', labelKey: 'moderation.backToClaims' };

  app.get('/beheer/moderatie/aanvragen/:id', (c) => renderClaim(c, c.req.param('id')));

  app.post('/beheer/moderatie/aanvragen/:id/goedkeuren', (c) =>
    orConflict(c, backToClaims, async () => {
      await approveClaim(serviceContext(c), c.req.param('id'));
      return redirectWithFlash(c, '/beheer/moderatie/aanvragen', 'moderation.flash.claimApproved');
    }),
  );

  app.post('/beheer/moderatie/aanvragen/:id/afwijzen', (c) =>
    orConflict(c, backToClaims, async () => {
      const id = c.req.param('id');
      const values = await readForm(c);
      const parsed = validate(ReasonSchema, values, c.var.i18n);
      if (!parsed.success) return renderClaim(c, id, { values, errors: parsed.errors }, 422);
      await rejectClaim(serviceContext(c), id, parsed.data.reason);
      return redirectWithFlash(c, '/beheer/moderatie/aanvragen', 'moderation.flash.claimRejected');
    }),
  );

  return app;
}
