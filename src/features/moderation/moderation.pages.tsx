import { type Context, Hono } from 'hono';
import { AppError, isAppError } from '../../lib/errors.ts';
import type { FormState } from '../../web/components/forms.tsx';
import { readForm, validate } from '../../web/forms.ts';
import { requireRole } from '../../web/middleware/auth.ts';
import { redirectWithFlash } from '../../web/middleware/flash.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv, ServiceContext } from '../../web/types.ts';
import { serviceContextOf } from '../accounts/accounts.http.ts';
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

const pageParam = (c: Context<AppEnv>) => {
  const n = Number.parseInt(c.req.query('pagina') ?? '1', 10);
  return Number.isFinite(n) && n > 0 && n < 1_000_000 ? n : 1;
};

/** Where a decision page leads back to: the list it came from. */
type Back = { href: string; labelKey: string };

/** A decision that lost a race (double click, two coordinators) is a 409 page that says so, not a 500. */
async function orConflict(c: Context<AppEnv>, back: Back, action: () => Promise<Response>): Promise<Response> {
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

/**
 * A decision that needs a reason the entrepreneur will read. Without a valid reason: the page again, 422, with the
 * typed text and the error. With one: the decision, then back to the list (`back.href`) with a confirmation.
 */
const withReason =
  (
    render: (c: Context<AppEnv>, id: string, form: FormState, status: 422) => Promise<Response>,
    decide: (ctx: ServiceContext, id: string, reason: string) => Promise<void>,
    back: Back,
    flashKey: string,
  ) =>
  (c: Context<AppEnv>) =>
    orConflict(c, back, async () => {
      const id = c.req.param('id') ?? '';
      const values = await readForm(c);
      const parsed = validate(ReasonSchema, values, c.var.i18n);
      if (!parsed.success) return render(c, id, { values, errors: parsed.errors }, 422);
      await decide(serviceContextOf(c), id, parsed.data.reason);
      return redirectWithFlash(c, back.href, flashKey);
    });

/** /beheer/moderatie: the coordinator's review queue, claims and recent changes of published profiles. */
export function moderationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/beheer/moderatie', requireRole('coordinator'));
  app.use('/beheer/moderatie/*', requireRole('coordinator'));

  app.get('/beheer/moderatie', async (c) => {
    const ctx = serviceContextOf(c);
    const [counts, queue] = await Promise.all([moderationCounts(ctx), reviewQueue(ctx, pageParam(c))]);
    return renderPage(c, { title: c.var.i18n.t('moderation.queue.title') }, <ReviewQueueView i={c.var.i18n} counts={counts} queue={queue} />);
  });

  app.get('/beheer/moderatie/aanvragen', async (c) => {
    const ctx = serviceContextOf(c);
    const [counts, queue] = await Promise.all([moderationCounts(ctx), claimQueue(ctx, pageParam(c))]);
    return renderPage(c, { title: c.var.i18n.t('moderation.claims.title') }, <ClaimQueueView i={c.var.i18n} counts={counts} queue={queue} />);
  });

  app.get('/beheer/moderatie/wijzigingen', async (c) => {
    const ctx = serviceContextOf(c);
    const [counts, queue] = await Promise.all([moderationCounts(ctx), recentChanges(ctx, pageParam(c))]);
    return renderPage(c, { title: c.var.i18n.t('moderation.changes.title') }, <RecentChangesView i={c.var.i18n} counts={counts} queue={queue} />);
  });

  // --- one organisation -----------------------------------------------------------------------------------------
  const renderReview = async (c: Context<AppEnv>, id: string, form?: FormState, status: 200 | 422 = 200) => {
    const data = await getOrganisationForReview(serviceContextOf(c), id);
    return renderPage(
      c,
      { title: c.var.i18n.t('moderation.review.title', { name: data.organisation.name }), status },
      <ReviewView i={c.var.i18n} csrfToken={c.var.csrfToken} data={data} form={form} />,
    );
  };
  const backToQueue = { href: '/beheer/moderatie', labelKey: 'moderation.backToQueue' };
  const backToChanges = { href: '/beheer/moderatie/wijzigingen', labelKey: 'moderation.backToChanges' };

  app.get('/beheer/moderatie/organisaties/:id', (c) => renderReview(c, c.req.param('id')));

  app.get('/beheer/moderatie/organisaties/:id/logo', async (c) => {
    const logo = await getLogoForViewer(serviceContextOf(c), c.req.param('id'));
    return c.body(new Uint8Array(logo.bytes), 200, { 'Content-Type': logo.contentType, 'Cache-Control': 'private, max-age=0, must-revalidate' });
  });

  app.post('/beheer/moderatie/organisaties/:id/goedkeuren', (c) =>
    orConflict(c, backToQueue, async () => {
      await approveOrganisation(serviceContextOf(c), c.req.param('id'));
      return redirectWithFlash(c, '/beheer/moderatie', 'moderation.flash.approved');
    }),
  );

  app.post('/beheer/moderatie/organisaties/:id/afwijzen', withReason(renderReview, rejectOrganisation, backToQueue, 'moderation.flash.rejected'));

  app.post('/beheer/moderatie/organisaties/:id/offline', withReason(renderReview, takeOffline, backToChanges, 'moderation.flash.offline'));

  app.post('/beheer/moderatie/organisaties/:id/gezien', (c) =>
    orConflict(c, backToChanges, async () => {
      await markChangesSeen(serviceContextOf(c), c.req.param('id'));
      return redirectWithFlash(c, '/beheer/moderatie/wijzigingen', 'moderation.flash.seen');
    }),
  );

  app.post('/beheer/moderatie/organisaties/:id/keurmerken', async (c) => {
    const id = c.req.param('id');
    const parsed = validate(VerifySchema, await readForm(c), c.var.i18n);
    // Only a tampered form fails here; reading it as "nothing ticked" would drop every verification.
    if (!parsed.success) throw new AppError('bad_request', 'common.error.badRequestTitle');
    await setVerifiedCertifications(serviceContextOf(c), id, parsed.data.verified);
    return redirectWithFlash(c, `/beheer/moderatie/organisaties/${id}`, 'moderation.flash.verified');
  });

  // --- claims ---------------------------------------------------------------------------------------------------
  const renderClaim = async (c: Context<AppEnv>, id: string, form?: FormState, status: 200 | 422 = 200) => {
    const data = await getClaim(serviceContextOf(c), id);
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
      await approveClaim(serviceContextOf(c), c.req.param('id'));
      return redirectWithFlash(c, '/beheer/moderatie/aanvragen', 'moderation.flash.claimApproved');
    }),
  );

  app.post('/beheer/moderatie/aanvragen/:id/afwijzen', withReason(renderClaim, rejectClaim, backToClaims, 'moderation.flash.claimRejected'));

  return app;
}
