import type { Context } from 'hono';
import { Hono } from 'hono';
import type { FieldErrors } from '../../lib/errors.ts';
import { fieldErrorsFrom } from '../../web/forms.ts';
import type { I18n } from '../../web/i18n/i18n.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv, ServiceContext } from '../../web/types.ts';
import { jsonForScript, organisationJsonLd } from './directory.jsonld.ts';
import { getPublishedLogo, getPublishedProfile, searchDirectory } from './directory.service.ts';
import { DirectorySearchSchema, effectiveSort, PAGE_SIZE } from './directory.validation.ts';
import { DirectorySearchView, type DirectoryView, type SearchFormValues } from './views/DirectorySearchView.tsx';
import { OrganisationProfileView } from './views/OrganisationProfileView.tsx';
import { storiesAboutOrganisation } from '../stories/stories.service.ts';
import { StoriesAboutOrganisation } from '../stories/views/StoryViews.tsx';
import { upcomingOccurrences } from '../agenda/agenda.service.ts';
import { OrganisationEvents } from '../agenda/views/OrganisationEvents.tsx';
import { organisationIcsPath } from '../feeds/feeds.urls.ts';

export const serviceContext = (c: Context<AppEnv>): ServiceContext => {
  const { db, clock, mailer, config } = c.var.deps;
  return { db, actor: c.var.user, clock, logger: c.var.logger, mailer, config, requestId: c.var.requestId };
};

/** The query string as the shared schema expects it: repeatable filters as lists, the rest as single values. */
export function searchInputFrom(c: Context<AppEnv>): Record<string, string | string[] | undefined> {
  const all = c.req.queries();
  const first = (k: string) => all[k]?.[0];
  return {
    q: first('q'),
    gemeente: first('gemeente'),
    thema: all.thema ?? [],
    sdg: all.sdg ?? [],
    certificering: first('certificering'),
    sort: first('sort'),
    page: first('page'),
  };
}

/** Zod issue paths such as "thema.2" are reported on the parameter itself ("thema"). */
export function paramErrors(error: Parameters<typeof fieldErrorsFrom>[0], i: I18n): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(fieldErrorsFrom(error, i))) {
    const name = path.split('.')[0];
    const list = (out[name] ??= []);
    for (const m of messages) if (!list.includes(m)) list.push(m);
  }
  return out;
}

const asStrings = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);

/** Public directory: search page (list and map) and organisation profiles with their logos. */
export function directoryRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/ondernemers', async (c) => {
    const i = c.var.i18n;
    const input = searchInputFrom(c);
    const view: DirectoryView = c.req.query('weergave') === 'kaart' ? 'kaart' : 'lijst';
    const map = { tileUrl: c.var.deps.config.mapTileUrl, attribution: c.var.deps.config.mapTileAttribution };
    const parsed = DirectorySearchSchema.safeParse({ ...input, pageSize: PAGE_SIZE });
    const typed: SearchFormValues = {
      q: typeof input.q === 'string' ? input.q : '',
      gemeente: typeof input.gemeente === 'string' ? input.gemeente : '',
      thema: asStrings(input.thema),
      sdg: asStrings(input.sdg),
      certificering: typeof input.certificering === 'string' ? input.certificering : '',
      sort: typeof input.sort === 'string' ? input.sort : '',
    };
    if (!parsed.success) {
      return renderPage(
        c,
        { title: i.t('directory.search.errorTitle'), status: 400 },
        <DirectorySearchView i={i} values={typed} errors={paramErrors(parsed.error, i)} result={null} view={view} link={{}} map={map} />,
      );
    }
    const params = parsed.data;
    const result = await searchDirectory(serviceContext(c), params);
    const values: SearchFormValues = { ...typed, q: params.q ?? '', sort: effectiveSort(params) };
    const link = { q: params.q, gemeente: params.gemeente, thema: params.thema, sdg: params.sdg, certificering: params.certificering, sort: params.sort, weergave: view };
    const title = params.q ? i.t('directory.search.titleFor', { q: params.q }) : i.t('directory.search.title');
    const mapAssets = view === 'kaart' && result.items.length > 0;
    return renderPage(
      c,
      {
        title: result.page > 1 ? `${title} (${i.t('common.pagination.page', { page: result.page })})` : title,
        head: mapAssets ? <link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css" /> : undefined,
        scripts: mapAssets ? ['/static/vendor/leaflet/leaflet.js', '/static/js/map.js'] : [],
      },
      <DirectorySearchView i={i} values={values} errors={{}} result={result} view={view} link={link} map={map} />,
    );
  });

  app.get('/ondernemers/:slug', async (c) => {
    const { organisation, certifications } = await getPublishedProfile(serviceContext(c), c.req.param('slug'));
    const [stories, events] = await Promise.all([
      storiesAboutOrganisation(serviceContext(c), organisation.id),
      upcomingOccurrences(serviceContext(c), { limit: 5, organisationId: organisation.id }),
    ]);
    const jsonLd = jsonForScript(organisationJsonLd(organisation, certifications, c.var.deps.config.publicUrl));
    return renderPage(
      c,
      {
        title: organisation.name,
        head: (
          <>
            <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
            <link rel="alternate" type="text/calendar" title={c.var.i18n.t('feeds.organisation.calendar', { name: organisation.name })} href={organisationIcsPath(organisation.slug)} />
          </>
        ),
      },
      <OrganisationProfileView
        i={c.var.i18n}
        organisation={organisation}
        certifications={certifications}
        stories={<StoriesAboutOrganisation i={c.var.i18n} stories={stories} />}
        events={<OrganisationEvents i={c.var.i18n} items={events} />}
      />,
    );
  });

  app.get('/ondernemers/:slug/logo', async (c) => {
    const logo = await getPublishedLogo(serviceContext(c), c.req.param('slug'));
    const etag = `"${logo.updatedAt.getTime().toString(36)}-${logo.bytes.length.toString(36)}"`;
    // Short public caching: a logo that is replaced or unpublished disappears from caches within the hour.
    c.header('Cache-Control', 'public, max-age=3600');
    // Publicly cacheable, so no per-visitor cookie (the CSRF or language cookie) may ride along.
    c.header('Set-Cookie', undefined);
    c.header('ETag', etag);
    c.header('Last-Modified', logo.updatedAt.toUTCString());
    c.header('X-Content-Type-Options', 'nosniff');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    const type = ['image/png', 'image/jpeg', 'image/webp'].includes(logo.contentType) ? logo.contentType : 'application/octet-stream';
    c.header('Content-Type', type);
    c.header('Content-Disposition', 'inline');
    return c.body(new Uint8Array(logo.bytes));
  });

  return app;
}
