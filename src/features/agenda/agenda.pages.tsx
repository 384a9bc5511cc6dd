import type { Context } from 'hono';
import { Hono } from 'hono';
import type { FieldErrors } from '../../lib/errors.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { serviceContextOf } from '../accounts/accounts.http.ts';
import { hasRole } from '../accounts/permissions.ts';
import { jsonForScript } from '../directory/directory.jsonld.ts';
import { isRegisteredForEvent, registrationSummaries } from '../registrations/registrations.service.ts';
import { eventJsonLd, JSONLD_MAX_OCCURRENCES } from './agenda.jsonld.ts';
import { agendaMonth, currentMonth, getEventBySlug, listAgenda } from './agenda.service.ts';
import { type AgendaFilters, isMonthParam, PAGE_SIZE, parseAgendaFilters, translateFilterErrors } from './agenda.validation.ts';
import { monthText } from './views/agenda.format.ts';
import type { FilterFormValues } from './views/AgendaFilterForm.tsx';
import { type AgendaMode, AgendaListView, type AgendaView } from './views/AgendaListView.tsx';
import { EventPageView } from './views/EventPageView.tsx';
import { AddToCalendar } from '../feeds/views/AddToCalendar.tsx';
import { SubscribeBox } from '../feeds/views/SubscribeBox.tsx';
import { markdownToPlainText } from '../../lib/markdown.ts';

const AGENDA_CSS = <link rel="stylesheet" href="/static/css/agenda.css" />;

/** The query as typed, for the filter form (kept when a value is refused). */
function typedValues(all: Record<string, string[]>): FilterFormValues {
  const first = (k: string) => (all[k]?.[0] ?? '').slice(0, 200);
  return { q: first('q'), gemeente: first('gemeente'), thema: (all.thema ?? []).slice(0, 50), type: first('type'), online: first('online'), van: first('van'), tot: first('tot') };
}

/** The page parameters besides the filters: view, month and page number; unknown values are refused like filters. */
function pageParams(all: Record<string, string[]>, mode: AgendaMode, defaultMonth: string) {
  const errors: Record<string, string[]> = {};
  const weergave = all.weergave?.[0] ?? '';
  const view: AgendaView = weergave === 'maand' && mode === 'upcoming' ? 'maand' : 'lijst';
  if (weergave !== '' && weergave !== 'lijst' && weergave !== 'maand') errors.weergave = ['agenda.filter.invalid.weergave'];
  const maand = all.maand?.[0] ?? '';
  if (maand !== '' && !isMonthParam(maand)) errors.maand = ['agenda.filter.invalid.maand'];
  const pagina = all.pagina?.[0] ?? '';
  const page = pagina === '' ? 1 : /^[1-9][0-9]{0,5}$/.test(pagina) ? Number(pagina) : NaN;
  if (Number.isNaN(page)) errors.pagina = ['agenda.filter.invalid.pagina'];
  return { view, month: maand && isMonthParam(maand) ? maand : defaultMonth, page: Number.isNaN(page) ? 1 : page, errors };
}

async function agendaPage(c: Context<AppEnv>, mode: AgendaMode) {
  const i = c.var.i18n;
  const ctx = serviceContextOf(c);
  const all = c.req.queries();
  const parsed = parseAgendaFilters(all);
  const params = pageParams(all, mode, currentMonth(ctx));
  const errorKeys = { ...(parsed.ok ? {} : parsed.errors), ...params.errors };
  const values = typedValues(all);
  const canPost = hasRole(c.var.user, 'entrepreneur', 'partner', 'coordinator');
  const head = AGENDA_CSS;
  if (!parsed.ok || Object.keys(params.errors).length) {
    const errors: FieldErrors = translateFilterErrors(errorKeys, i);
    const filters: AgendaFilters = parsed.ok ? parsed.filters : { thema: [] };
    return renderPage(
      c,
      { title: i.t('agenda.filter.errorTitle'), status: 400, head },
      <AgendaListView i={i} mode={mode} view={params.view} values={values} errors={errors} filters={filters} result={null} month={null} canPost={canPost} />,
    );
  }
  const filters = parsed.filters;
  const title = i.t(mode === 'archive' ? 'agenda.archive.title' : 'agenda.list.title');
  const feed = <SubscribeBox i={i} publicUrl={c.var.deps.config.publicUrl} filters={filters} />;
  if (params.view === 'maand') {
    const month = await agendaMonth(ctx, filters, params.month);
    return renderPage(
      c,
      { title: `${title}: ${monthText(i, params.month)}`, head },
      <AgendaListView i={i} mode={mode} view="maand" values={values} errors={{}} filters={filters} result={null} month={{ month: params.month, ...month }} canPost={canPost} feedSlot={feed} />,
    );
  }
  const result = await listAgenda(ctx, filters, { page: params.page, pageSize: PAGE_SIZE, past: mode === 'archive' });
  return renderPage(
    c,
    { title: result.page > 1 ? `${title} (${i.t('common.pagination.page', { page: result.page })})` : title, head },
    <AgendaListView i={i} mode={mode} view="lijst" values={values} errors={{}} filters={filters} result={result} month={null} canPost={canPost} feedSlot={mode === 'upcoming' ? feed : undefined} />,
  );
}

/** The place for a calendar entry; only the town when the address is for registered people only. */
const placeOf = (e: { locationForRegisteredOnly: boolean; locationName: string | null; streetAddress: string | null; postcode: string | null; city: string | null }) =>
  e.locationForRegisteredOnly ? e.city : [e.locationName, e.streetAddress, [e.postcode, e.city].filter(Boolean).join(' ')].filter((s) => s && s.trim()).join(', ') || null;

/** Public agenda: upcoming events (list and month), the archive, and each event's page. */
export function agendaRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/agenda', (c) => agendaPage(c, 'upcoming'));
  app.get('/agenda/archief', (c) => agendaPage(c, 'archive'));

  // /agenda/<slug>.ics (the feeds feature) is mounted before this router in app.ts.
  app.get('/agenda/:slug', async (c) => {
    const i = c.var.i18n;
    const ctx = serviceContextOf(c);
    const data = await getEventBySlug(ctx, c.req.param('slug'));
    const { event, occurrences, organiser } = data;
    const [summaries, registered] = await Promise.all([registrationSummaries(ctx, event.id), isRegisteredForEvent(ctx, event.id)]);
    const now = ctx.clock.now();
    const upcoming = occurrences.filter((o) => o.endsAt.getTime() >= now.getTime());
    const next = upcoming.find((o) => o.status === 'scheduled');
    const described = (upcoming.length ? upcoming : occurrences.slice(-1)).slice(0, JSONLD_MAX_OCCURRENCES);
    const isPublic = event.status === 'published' || event.status === 'cancelled';
    const jsonLd = isPublic ? jsonForScript(eventJsonLd(event, described, organiser, c.var.deps.config.publicUrl, { programmeName: i.t('common.platformName') })) : null;
    return renderPage(
      c,
      {
        title: event.status === 'cancelled' ? `${event.title} (${i.t('agenda.status.cancelledShort')})` : event.title,
        head: (
          <>
            {AGENDA_CSS}
            {jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} /> : null}
            {isPublic ? null : <meta name="robots" content="noindex" />}
          </>
        ),
      },
      <EventPageView
        i={i}
        event={event}
        occurrences={occurrences}
        organiser={organiser}
        summaries={summaries}
        registered={registered}
        canEdit={data.canEdit}
        user={c.var.user}
        csrfToken={c.var.csrfToken}
        now={now}
        calendarSlot={
          event.status === 'published' && next ? (
            <AddToCalendar
              i={i}
              publicUrl={c.var.deps.config.publicUrl}
              event={{ slug: event.slug, title: event.title, summary: markdownToPlainText(event.description).slice(0, 500), location: placeOf(event), isRecurring: !!event.recurrence }}
              occurrence={next}
            />
          ) : null
        }
      />,
    );
  });

  return app;
}
