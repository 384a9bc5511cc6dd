import { type Context, Hono } from 'hono';
import { isAppError } from '../../lib/errors.ts';
import { emptyForm, type FormState } from '../../web/components/forms.tsx';
import { asList, readForm, validate } from '../../web/forms.ts';
import { requireUser } from '../../web/middleware/auth.ts';
import { redirectWithFlash } from '../../web/middleware/flash.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { clientIp, serviceContextOf } from '../accounts/accounts.http.ts';
import { attendeePage, attendeesCsv, markAttendance } from './registrations.attendees.service.ts';
import type { OccurrenceInfo } from './registrations.queries.ts';
import {
  cancelByLink,
  cancelOwnRegistration,
  myUpcomingRegistrations,
  notFound,
  ownRegistration,
  registerForOccurrence,
  registrationForm,
  registrationOfCancelLink,
  type CancelLinkView as CancelLinkData,
  type RegisterOutcome,
} from './registrations.service.ts';
import { AccountRegistrationSchema, AttendanceSchema, VisitorRegistrationSchema } from './registrations.validation.ts';
import { AttendeesView } from './views/AttendeesView.tsx';
import { MyRegistrationsView } from './views/MyRegistrationsView.tsx';
import { CancelLinkView, type CancelPageState, RegistrationDoneView, RegistrationFormView } from './views/RegistrationViews.tsx';

const pageParam = (c: Context<AppEnv>) => {
  const n = Number.parseInt(c.req.query('pagina') ?? '1', 10);
  return Number.isFinite(n) && n > 0 && n < 1_000_000 ? n : 1;
};

/** What the cancel page asks or says: confirm, already cancelled, or too late. */
const cancelStateOf = (found: CancelLinkData, now: Date): CancelPageState =>
  found.registration.status === 'cancelled' ? 'already_cancelled' : found.occurrence.startsAt.getTime() <= now.getTime() ? 'past' : 'ask';

const CANCEL_FLASH = { cancelled: 'registrations.flash.cancelled', already_cancelled: 'registrations.flash.alreadyCancelled', past: 'registrations.flash.past' } as const;

/**
 * Registration routes: the form page and its POST (the event page's panel posts here too), the cancel link from
 * the mails, "Mijn aanmeldingen", and the organiser's attendee list, CSV export and attendance.
 */
export function registrationsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // --- registering --------------------------------------------------------------------------------------------
  const renderForm = (
    c: Context<AppEnv>,
    data: { occurrence: OccurrenceInfo; placesLeft: number | null; closed: 'closed' | 'cancelled' | 'past' | null; mine: 'confirmed' | 'waitlisted' | null },
    form: FormState,
    status: 200 | 409 | 422,
  ) => {
    const i = c.var.i18n;
    return renderPage(
      c,
      { title: i.t('registrations.form.title', { title: data.occurrence.title }), status },
      <RegistrationFormView i={i} csrfToken={c.var.csrfToken} occurrence={data.occurrence} user={c.var.user} placesLeft={data.placesLeft} closed={data.closed} mine={data.mine} form={form} />,
    );
  };

  app.get('/agenda/:slug/aanmelden', async (c) => {
    const slug = c.req.param('slug');
    const datum = c.req.query('datum');
    if (!datum) return c.redirect(`/agenda/${encodeURIComponent(slug)}`, 302);
    const data = await registrationForm(serviceContextOf(c), slug, datum);
    return renderForm(c, data, emptyForm(), 200);
  });

  app.post('/agenda/:slug/aanmelden', async (c) => {
    const i = c.var.i18n;
    const slug = c.req.param('slug');
    const ctx = serviceContextOf(c);
    const values = await readForm(c);
    const occurrenceId = typeof values.occurrenceId === 'string' ? values.occurrenceId : '';
    // The date first: a form for a date that does not exist is a 404 whatever else is wrong with it.
    const data = await registrationForm(ctx, slug, occurrenceId);
    const parsed = c.var.user ? validate(AccountRegistrationSchema, values, i) : validate(VisitorRegistrationSchema, values, i);
    if (!parsed.success) return renderForm(c, data, { values, errors: parsed.errors }, 422);
    const input = parsed.data as { occurrenceId: string; wachtlijst: boolean; name?: string; email?: string; organisationName?: string | null };
    const outcome: RegisterOutcome = await registerForOccurrence(
      ctx,
      slug,
      { occurrenceId: input.occurrenceId, name: input.name ?? '', email: input.email ?? '', organisationName: input.organisationName ?? null, waitlist: input.wachtlijst },
      { ip: clientIp(c), lang: c.var.lang },
    );
    if (outcome.ok) {
      return renderPage(
        c,
        { title: i.t(outcome.status === 'confirmed' ? 'registrations.done.confirmedTitle' : 'registrations.done.waitlistedTitle') },
        <RegistrationDoneView i={i} occurrence={outcome.occurrence} status={outcome.status} position={outcome.position} email={outcome.email} loggedIn={!!c.var.user} />,
      );
    }
    const fresh = await registrationForm(ctx, slug, occurrenceId);
    switch (outcome.reason) {
      case 'closed':
      case 'cancelled':
      case 'past':
        return renderForm(c, { ...fresh, closed: outcome.reason }, { values, errors: {} }, 409);
      case 'full':
        return renderForm(c, { ...fresh, placesLeft: 0 }, { values, errors: { _form: [i.t('registrations.refused.full')] } }, 409);
      case 'duplicate': {
        const errors: FormState['errors'] = c.var.user ? { _form: [i.t('registrations.refused.duplicateOwn')] } : { email: [i.t('registrations.refused.duplicate')] };
        return renderForm(c, fresh, { values, errors }, 409);
      }
    }
  });

  // --- cancel link (no account needed) ------------------------------------------------------------------------
  const invalidLink = (c: Context<AppEnv>) => {
    const i = c.var.i18n;
    return renderPage(
      c,
      { title: i.t('registrations.cancel.invalidTitle'), status: 404 },
      <>
        <h1 class="utrecht-heading-1">{i.t('registrations.cancel.invalidTitle')}</h1>
        <p class="utrecht-paragraph">{i.t('registrations.cancel.invalidText')}</p>
      </>,
    );
  };

  app.get('/aanmelding/annuleren/:token', async (c) => {
    const token = c.req.param('token');
    const found = await registrationOfCancelLink(serviceContextOf(c), token);
    if (!found) return invalidLink(c);
    const i = c.var.i18n;
    return renderPage(
      c,
      { title: i.t('registrations.cancel.title') },
      <CancelLinkView
        i={i}
        csrfToken={c.var.csrfToken}
        action={`/aanmelding/annuleren/${encodeURIComponent(token)}`}
        registration={found.registration}
        occurrence={found.occurrence}
        position={found.position}
        state={cancelStateOf(found, c.var.deps.clock.now())}
      />,
    );
  });

  app.post('/aanmelding/annuleren/:token', async (c) => {
    const token = c.req.param('token');
    try {
      const outcome = await cancelByLink(serviceContextOf(c), token);
      return redirectWithFlash(c, `/aanmelding/annuleren/${encodeURIComponent(token)}`, CANCEL_FLASH[outcome.kind]);
    } catch (e) {
      if (isAppError(e) && e.code === 'not_found') return invalidLink(c);
      throw e;
    }
  });

  // --- Mijn aanmeldingen ----------------------------------------------------------------------------------------
  app.use('/mijn/aanmeldingen', requireUser());
  app.use('/mijn/aanmeldingen/*', requireUser());

  app.get('/mijn/aanmeldingen', async (c) => {
    const i = c.var.i18n;
    const items = await myUpcomingRegistrations(serviceContextOf(c));
    return renderPage(c, { title: i.t('registrations.mine.title') }, <MyRegistrationsView i={i} items={items} />);
  });

  app.get('/mijn/aanmeldingen/:id/annuleren', async (c) => {
    const i = c.var.i18n;
    const id = c.req.param('id');
    const found = await ownRegistration(serviceContextOf(c), id);
    return renderPage(
      c,
      { title: i.t('registrations.cancel.title') },
      <CancelLinkView
        i={i}
        csrfToken={c.var.csrfToken}
        action={`/mijn/aanmeldingen/${encodeURIComponent(id)}/annuleren`}
        registration={found.registration}
        occurrence={found.occurrence}
        position={found.position}
        state={cancelStateOf(found, c.var.deps.clock.now())}
      />,
    );
  });

  app.post('/mijn/aanmeldingen/:id/annuleren', async (c) => {
    const outcome = await cancelOwnRegistration(serviceContextOf(c), c.req.param('id'));
    return redirectWithFlash(c, '/mijn/aanmeldingen', CANCEL_FLASH[outcome.kind]);
  });

  // --- organiser: attendee list, CSV, attendance --------------------------------------------------------------
  app.get('/agenda/:slug/deelnemers', async (c) => {
    const i = c.var.i18n;
    const data = await attendeePage(serviceContextOf(c), c.req.param('slug'), c.req.query('datum'), pageParam(c));
    return renderPage(c, { title: i.t('registrations.attendees.title', { title: data.event.title }) }, <AttendeesView i={i} csrfToken={c.var.csrfToken} data={data} />);
  });

  app.get('/agenda/:slug/deelnemers.csv', async (c) => {
    const { filename, body } = await attendeesCsv(serviceContextOf(c), c.req.param('slug'), c.req.query('datum'), c.var.lang);
    return c.body(body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '-')}"`,
      'Cache-Control': 'no-store',
    });
  });

  app.post('/agenda/:slug/deelnemers/aanwezigheid', async (c) => {
    const slug = c.req.param('slug');
    const values = await readForm(c);
    const parsed = AttendanceSchema.safeParse({ occurrenceId: values.occurrenceId, shown: asList(values.shown), attended: asList(values.attended) });
    if (!parsed.success) throw notFound();
    try {
      await markAttendance(serviceContextOf(c), slug, parsed.data);
    } catch (e) {
      if (isAppError(e) && e.code === 'conflict') return redirectWithFlash(c, `/agenda/${encodeURIComponent(slug)}/deelnemers?datum=${parsed.data.occurrenceId}`, e.message);
      throw e;
    }
    const page = typeof values.pagina === 'string' && /^\d{1,6}$/.test(values.pagina) ? values.pagina : '1';
    return redirectWithFlash(c, `/agenda/${encodeURIComponent(slug)}/deelnemers?datum=${parsed.data.occurrenceId}&pagina=${page}`, 'registrations.flash.attendanceSaved');
  });

  return app;
}
