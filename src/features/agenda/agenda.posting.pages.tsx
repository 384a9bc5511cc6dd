import { type Context, Hono } from 'hono';
import { isAppError } from '../../lib/errors.ts';
import { emptyForm, type FormState } from '../../web/components/forms.tsx';
import { readForm, validate } from '../../web/forms.ts';
import type { I18n } from '../../web/i18n/i18n.ts';
import { requireRole } from '../../web/middleware/auth.ts';
import { redirectWithFlash } from '../../web/middleware/flash.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { serviceContextOf } from '../accounts/accounts.http.ts';
import type { EventRow, OccurrenceRow } from './agenda.queries.ts';
import { cancelOccurrence, moveOccurrence, skipOccurrence } from './agenda.exceptions.ts';
import { cancelEvent, createEvent, getEventForEditing, myEvents, type PostingError, postingOptions, seriesStart, updateEvent, withdrawEvent } from './agenda.posting.ts';
import { eventFormSchema, moveOccurrenceSchema, occurrenceActionSchema } from './agenda.validation.ts';
import { toLocal } from './recurrence.ts';
import { EventFormView, type EventFormOptions } from './views/EventFormView.tsx';
import { CancelEventView, ManageEventView, MyEventsView } from './views/MyEventsView.tsx';

const AGENDA_CSS = <link rel="stylesheet" href="/static/css/agenda.css" />;

const pageParam = (c: Context<AppEnv>) => {
  const n = Number.parseInt(c.req.query('pagina') ?? '1', 10);
  return Number.isFinite(n) && n > 0 && n < 1_000_000 ? n : 1;
};

const translate = (i: I18n, errors: PostingError[]): FormState['errors'] => {
  const out: FormState['errors'] = {};
  for (const e of errors) (out[e.field] ??= []).push(i.t(e.key, e.vars));
  return out;
};

/** The edit form filled from the stored event. */
export function formValuesOfEvent(e: EventRow, occurrences: OccurrenceRow[], exdates: Date[]): FormState['values'] {
  const start = seriesStart(occurrences, exdates) ?? new Date();
  const end = new Date(start.getTime() + e.durationMinutes * 60_000);
  const s = toLocal(start);
  const t = toLocal(end);
  const hasPlace = !!(e.locationName || e.streetAddress || e.city);
  const r = e.recurrence;
  const str = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    title: e.title,
    type: e.type,
    organisation: str(e.organiserOrganisationId),
    description: e.description,
    themes: e.themeSlugs,
    sdgs: e.sdgs.map(String),
    startDate: s.date,
    startTime: s.time,
    endDate: t.date === s.date ? '' : t.date,
    endTime: t.time,
    repeat: r ? (r.freq === 'weekly' ? 'wekelijks' : 'maandelijks') : 'nee',
    interval: r ? String(r.interval) : '',
    weekdays: r && r.freq === 'weekly' ? r.byWeekday : [],
    monthlyPosition: r && r.freq === 'monthly' ? str(r.setPos) : '',
    endsBy: r ? (r.count !== undefined ? 'aantal' : 'datum') : '',
    untilDate: str(r?.until),
    count: str(r?.count),
    attendance: e.isOnline ? (hasPlace ? 'beide' : 'online') : 'locatie',
    locationName: str(e.locationName),
    streetAddress: str(e.streetAddress),
    postcode: str(e.postcode),
    city: str(e.city),
    municipality: e.municipalitySlug,
    onlineUrl: str(e.onlineUrl),
    locationForRegisteredOnly: e.locationForRegisteredOnly ? 'on' : '',
    registrationMode: e.registrationMode,
    capacity: str(e.capacity),
    externalRegistrationUrl: str(e.externalRegistrationUrl),
  };
}

/** /mijn/evenementen: posting, editing and cancelling events, and the exceptions of a series. */
export function agendaPostingRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const posters = requireRole('entrepreneur', 'partner', 'coordinator');
  app.use('/mijn/evenementen', posters);
  app.use('/mijn/evenementen/*', posters);

  app.get('/mijn/evenementen', async (c) => {
    const ctx = serviceContextOf(c);
    const [list, options] = await Promise.all([myEvents(ctx, pageParam(c)), postingOptions(ctx)]);
    const needsOrganisation = !options.programmeAllowed && options.organisations.length === 0;
    return renderPage(
      c,
      { title: c.var.i18n.t('agenda.mine.title'), head: AGENDA_CSS },
      <MyEventsView i={c.var.i18n} list={list} canCreate={!needsOrganisation} needsOrganisation={needsOrganisation} />,
    );
  });

  // --- create ---------------------------------------------------------------------------------------------------
  const renderCreate = async (c: Context<AppEnv>, form: FormState, status: 200 | 422) => {
    const options = await postingOptions(serviceContextOf(c));
    return renderPage(
      c,
      { title: c.var.i18n.t('agenda.form.createTitle'), status, head: AGENDA_CSS },
      <EventFormView i={c.var.i18n} form={form} mode="create" action="/mijn/evenementen/nieuw" csrfToken={c.var.csrfToken} options={options} cancelHref="/mijn/evenementen" />,
    );
  };

  app.get('/mijn/evenementen/nieuw', async (c) => {
    const options = await postingOptions(serviceContextOf(c));
    if (!options.programmeAllowed && options.organisations.length === 0) return redirectWithFlash(c, '/mijn/evenementen', 'agenda.flash.needsOrganisation');
    const defaults = {
      repeat: 'nee',
      attendance: 'locatie',
      registrationMode: 'none',
      organisation: options.programmeAllowed ? '' : (options.organisations[0]?.id ?? ''),
    };
    return renderCreate(c, emptyForm(defaults), 200);
  });

  app.post('/mijn/evenementen/nieuw', async (c) => {
    const i = c.var.i18n;
    const values = await readForm(c);
    const parsed = validate(eventFormSchema, values, i);
    if (!parsed.success) return renderCreate(c, { values, errors: parsed.errors }, 422);
    const result = await createEvent(serviceContextOf(c), parsed.data);
    if (!result.ok) return renderCreate(c, { values, errors: translate(i, result.errors) }, 422);
    return redirectWithFlash(c, `/mijn/evenementen/${result.event.id}`, result.event.status === 'published' ? 'agenda.flash.published' : 'agenda.flash.submitted');
  });

  // --- one event ------------------------------------------------------------------------------------------------
  const renderManage = async (c: Context<AppEnv>, id: string, form?: FormState, status: 200 | 409 | 422 = 200) => {
    const ctx = serviceContextOf(c);
    const data = await getEventForEditing(ctx, id);
    return renderPage(
      c,
      { title: data.event.title, status, head: AGENDA_CSS },
      <ManageEventView i={c.var.i18n} csrfToken={c.var.csrfToken} data={data} now={ctx.clock.now()} form={form} />,
    );
  };

  /** A refused action (conflict) shows the page again with the message, changing nothing. */
  const orRefused = async (c: Context<AppEnv>, id: string, action: () => Promise<Response>) => {
    try {
      return await action();
    } catch (e) {
      if (isAppError(e) && e.code === 'conflict') return renderManage(c, id, { values: {}, errors: { occurrenceId: [c.var.i18n.t(e.message)] } }, 409);
      throw e;
    }
  };

  app.get('/mijn/evenementen/:id', (c) => renderManage(c, c.req.param('id')));

  // --- edit -----------------------------------------------------------------------------------------------------
  const renderEdit = async (c: Context<AppEnv>, id: string, form: FormState | null, status: 200 | 409 | 422) => {
    const ctx = serviceContextOf(c);
    const [data, base] = await Promise.all([getEventForEditing(ctx, id), postingOptions(ctx)]);
    const options: EventFormOptions = { ...base, organisations: [...base.organisations] };
    // A coordinator editing someone else's event keeps its organiser as a choice.
    if (data.organiser && !options.organisations.some((o) => o.id === data.organiser!.id)) options.organisations.unshift({ id: data.organiser.id, name: data.organiser.name });
    if (data.event.status === 'cancelled') return renderManage(c, id, { values: {}, errors: { occurrenceId: [c.var.i18n.t('agenda.error.cancelledNoEdit')] } }, 409);
    return renderPage(
      c,
      { title: c.var.i18n.t('agenda.form.editTitle', { title: data.event.title }), status, head: AGENDA_CSS },
      <EventFormView
        i={c.var.i18n}
        form={form ?? emptyForm(formValuesOfEvent(data.event, data.occurrences, data.exdates))}
        mode="edit"
        action={`/mijn/evenementen/${id}/bewerken`}
        csrfToken={c.var.csrfToken}
        options={{ ...options, publishesDirectly: options.publishesDirectly }}
        cancelHref={`/mijn/evenementen/${id}`}
        eventTitle={data.event.title}
        isSeries={!!data.event.recurrence}
      />,
    );
  };

  app.get('/mijn/evenementen/:id/bewerken', (c) => renderEdit(c, c.req.param('id'), null, 200));

  app.post('/mijn/evenementen/:id/bewerken', async (c) => {
    const i = c.var.i18n;
    const id = c.req.param('id');
    const ctx = serviceContextOf(c);
    // Permission first: an outsider gets the same 404 whether or not the input is valid.
    await getEventForEditing(ctx, id);
    const values = await readForm(c);
    const parsed = validate(eventFormSchema, values, i);
    if (!parsed.success) return renderEdit(c, id, { values, errors: parsed.errors }, 422);
    try {
      const result = await updateEvent(ctx, id, parsed.data);
      if (!result.ok) return renderEdit(c, id, { values, errors: translate(i, result.errors) }, 422);
      const flash = result.changedFields.length === 0 ? 'agenda.flash.unchanged' : result.event.status === 'in_review' ? 'agenda.flash.savedReview' : 'agenda.flash.saved';
      return redirectWithFlash(c, `/mijn/evenementen/${id}`, flash);
    } catch (e) {
      if (isAppError(e) && e.code === 'conflict') return renderEdit(c, id, { values, errors: { title: [i.t(e.message)] } }, 409);
      throw e;
    }
  });

  // --- cancel, withdraw -----------------------------------------------------------------------------------------
  app.get('/mijn/evenementen/:id/annuleren', async (c) => {
    const id = c.req.param('id');
    const data = await getEventForEditing(serviceContextOf(c), id);
    if (data.event.status !== 'published') return redirectWithFlash(c, `/mijn/evenementen/${id}`, 'agenda.flash.notCancellable');
    const registered = [...data.summaries.values()].reduce((n, s) => n + s.confirmed + s.waitlisted, 0);
    return renderPage(
      c,
      { title: c.var.i18n.t('agenda.cancel.title', { title: data.event.title }), head: AGENDA_CSS },
      <CancelEventView i={c.var.i18n} csrfToken={c.var.csrfToken} event={data.event} registered={registered} />,
    );
  });

  app.post('/mijn/evenementen/:id/annuleren', (c) => {
    const id = c.req.param('id');
    return orRefused(c, id, async () => {
      await cancelEvent(serviceContextOf(c), id);
      return redirectWithFlash(c, `/mijn/evenementen/${id}`, 'agenda.flash.cancelled');
    });
  });

  app.post('/mijn/evenementen/:id/intrekken', (c) => {
    const id = c.req.param('id');
    return orRefused(c, id, async () => {
      await withdrawEvent(serviceContextOf(c), id);
      return redirectWithFlash(c, '/mijn/evenementen', 'agenda.flash.withdrawn');
    });
  });

  // --- exceptions of a series -----------------------------------------------------------------------------------
  const occurrenceAction = (run: (c: Context<AppEnv>, id: string, occurrenceId: string) => Promise<void>, flash: string) => async (c: Context<AppEnv>) => {
    const id = c.req.param('id') ?? '';
    const values = await readForm(c);
    const parsed = validate(occurrenceActionSchema, values, c.var.i18n);
    if (!parsed.success) return renderManage(c, id, { values, errors: parsed.errors }, 422);
    return orRefused(c, id, async () => {
      await run(c, id, parsed.data.occurrenceId);
      return redirectWithFlash(c, `/mijn/evenementen/${id}`, flash);
    });
  };

  app.post('/mijn/evenementen/:id/datums/overslaan', occurrenceAction((c, id, o) => skipOccurrence(serviceContextOf(c), id, o), 'agenda.flash.dateSkipped'));
  app.post('/mijn/evenementen/:id/datums/annuleren', occurrenceAction((c, id, o) => cancelOccurrence(serviceContextOf(c), id, o), 'agenda.flash.dateCancelled'));

  app.post('/mijn/evenementen/:id/datums/verplaatsen', async (c) => {
    const id = c.req.param('id');
    const values = await readForm(c);
    const parsed = validate(moveOccurrenceSchema, values, c.var.i18n);
    if (!parsed.success) return renderManage(c, id, { values, errors: parsed.errors }, 422);
    return orRefused(c, id, async () => {
      await moveOccurrence(serviceContextOf(c), id, parsed.data.occurrenceId, { date: parsed.data.date, time: parsed.data.time });
      return redirectWithFlash(c, `/mijn/evenementen/${id}`, 'agenda.flash.dateMoved');
    });
  });

  return app;
}

