import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { CERTIFICATIONS, region } from '../../data/reference.ts';
import { AppError } from '../../lib/errors.ts';
import type { AppEnv } from '../../web/types.ts';
import type { CertificationRow, ProfileRow } from './directory.profile.queries.ts';
import type { SummaryRow } from './directory.queries.ts';
import { paramErrors, serviceContext } from './directory.pages.tsx';
import {
  API_VERSION,
  OrganisationDetailSchema,
  OrganisationListSchema,
  problemResponse,
  standardHeaders,
} from './directory.openapi.ts';
import { COUNT_CAP, getPublishedProfile, searchDirectory } from './directory.service.ts';
import { supportApiRoutes } from '../support/support.api.ts';
import { agendaApiRoutes, EVENTS_TAG } from '../agenda/agenda.api.ts';
import { logoHref, profileHref, searchQueryString } from './directory.urls.ts';
import { DirectorySearchSchema, MAX_RESULT_DEPTH, SlugParamSchema } from './directory.validation.ts';

/**
 * Which fields the open data API publishes is decided in docs/decisions/0004-open-data-fields.md: never email or
 * phone, and no address, coordinates or KvK number for organisations without legal personality (a sole trader's
 * business address is usually a home address).
 */
const LEGAL_ENTITIES = new Set(['bv', 'stichting', 'cooperatie', 'vereniging']);
const isLegalEntity = (legalForm: string | null) => legalForm !== null && LEGAL_ENTITIES.has(legalForm);

const municipalityOf = (slug: string) => ({ slug, name: region.municipalities.find((m) => m.slug === slug)?.name ?? slug });
const certificationName = (c: CertificationRow) => (c.code === 'anders' && c.otherName ? c.otherName : (CERTIFICATIONS.find((x) => x.code === c.code)?.label.nl ?? c.code));

function summaryJson(o: SummaryRow, certifications: CertificationRow[], base: string, legalEntity: boolean) {
  return {
    slug: o.slug,
    name: o.name,
    pitch: o.pitch,
    municipality: municipalityOf(o.municipalitySlug),
    city: o.city,
    themes: o.themeSlugs,
    sdgs: [...o.sdgs].sort((a, b) => a - b),
    certifications: certifications.map((c) => ({ code: c.code, name: certificationName(c), verified: c.verified })),
    website: o.website,
    location: legalEntity && o.lat !== null && o.lng !== null ? { lat: o.lat, lng: o.lng } : null,
    publishedAt: o.publishedAt ? o.publishedAt.toISOString() : null,
    _links: {
      self: { href: `${base}/api/v1/ondernemers/${encodeURIComponent(o.slug)}` },
      profile: { href: `${base}${profileHref(o.slug)}` },
      ...(o.hasLogo ? { logo: { href: `${base}${logoHref(o.slug)}` } } : {}),
    },
  };
}

function detailJson(o: ProfileRow, certifications: CertificationRow[], base: string) {
  const legal = isLegalEntity(o.legalForm);
  return {
    ...summaryJson(o, certifications, base, legal),
    description: o.description,
    impact: { problem: o.impactProblem, targetGroup: o.impactTargetGroup, measurement: o.impactMeasurement },
    offer: o.offer,
    needs: o.needs,
    foundedYear: o.foundedYear,
    employees: o.employees,
    employeesDistanceToLabourMarket: o.employeesDistanceToLabourMarket,
    legalForm: o.legalForm,
    kvkNumber: legal ? o.kvkNumber : null,
    address: legal ? { streetAddress: o.streetAddress, postcode: o.postcode, city: o.city } : null,
    isPartner: o.isPartner,
    isDemo: o.isDemo,
  };
}

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/ondernemers',
  operationId: 'zoekOndernemers',
  summary: 'Zoek gepubliceerde impactondernemers',
  description:
    `Dezelfde zoekfunctie en filters als de pagina /ondernemers. Alleen gepubliceerde organisaties. Tellingen stoppen bij ${COUNT_CAP} ` +
    '(dan is totalIsExact false, total is een ondergrens en ontbreekt de link naar de laatste pagina; volg de next-links). ' +
    `Bladeren kan tot ${MAX_RESULT_DEPTH.toLocaleString('nl-NL')} resultaten diep.`,
  tags: ['Ondernemers'],
  request: { query: DirectorySearchSchema },
  responses: {
    200: {
      description: 'Eén pagina resultaten.',
      headers: {
        ...standardHeaders,
        Link: { description: 'RFC 8288-links: first, prev, next en (bij een exacte telling) last.', schema: { type: 'string' } },
        'X-Total-Count': { description: 'Aantal resultaten, alleen als de telling exact is.', schema: { type: 'integer' } },
      },
      content: { 'application/json': { schema: OrganisationListSchema } },
    },
    400: problemResponse('Een parameter klopt niet (zie invalidParams).'),
  },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/api/v1/ondernemers/{slug}',
  operationId: 'haalOndernemer',
  summary: 'Eén gepubliceerde impactondernemer',
  tags: ['Ondernemers'],
  request: { params: SlugParamSchema },
  responses: {
    200: {
      description: 'Het profiel.',
      headers: standardHeaders,
      content: { 'application/json': { schema: OrganisationDetailSchema } },
    },
    404: problemResponse('Onbekend of niet gepubliceerd.'),
  },
});

const documentConfig = {
  openapi: '3.1.0',
  info: {
    title: 'Impact in de Regio: open data API',
    version: API_VERSION,
    description:
      'Open data over gepubliceerde impactondernemers in de regio. Volgt de Nederlandse API Design Rules: JSON, ' +
      'application/problem+json bij fouten, een API-Version-header en Link-headers voor paginering. ' +
      'Nooit persoonlijke contactgegevens (zie docs/decisions/0004-open-data-fields.md).',
    license: { name: 'CC0 1.0', identifier: 'CC0-1.0' },
  },
  servers: [{ url: '/' }],
  tags: [
    { name: 'Ondernemers', description: 'Gepubliceerde profielen van impactondernemers.' },
    EVENTS_TAG,
    { name: 'Hulpvragen', description: 'Voor medewerkers: hulpvragen binnen uw bereik, met een persoonlijke API-sleutel (Bearer).' },
  ],
  // Open data: no authentication.
  security: [],
};

const link = (href: string, rel: string) => `<${href}>; rel="${rel}"`;

/** The open data API under /api/v1, documented as OpenAPI 3.1 at /api/v1/openapi.json. */
export function directoryApiRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        throw new AppError('bad_request', 'directory.error.invalidParams', paramErrors(result.error, (c as Context<AppEnv>).var.i18n));
      }
    },
  });

  app.use(
    '/api/v1/*',
    cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: ['API-Version', 'Link', 'X-Total-Count'], maxAge: 86400 }),
  );
  app.use('/api/v1/*', async (c, next) => {
    await next();
    c.header('API-Version', API_VERSION);
  });

  app.openapi(listRoute, async (c) => {
    const params = c.req.valid('query');
    const result = await searchDirectory(serviceContext(c), params, { withCertifications: true });
    const base = c.var.deps.config.publicUrl;
    const linkParams = { q: params.q, gemeente: params.gemeente, thema: params.thema, sdg: params.sdg, certificering: params.certificering, sort: params.sort, pageSize: params.pageSize };
    const href = (page: number) => `${base}/api/v1/ondernemers${searchQueryString({ ...linkParams, page })}`;
    const links: Record<string, { href: string }> = { self: { href: href(result.page) }, first: { href: href(1) } };
    if (result.page > 1) links.prev = { href: href(result.lastPage !== null ? Math.min(result.page - 1, result.lastPage) : result.page - 1) };
    if (result.hasNext) links.next = { href: href(result.page + 1) };
    if (result.lastPage !== null) links.last = { href: href(result.lastPage) };
    c.header('Link', Object.entries(links).filter(([rel]) => rel !== 'self').map(([rel, l]) => link(l.href, rel)).join(', '));
    if (result.totalIsExact) c.header('X-Total-Count', String(result.total));
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(
      {
        items: result.items.map((o) => summaryJson(o, o.certifications ?? [], base, isLegalEntity(o.legalForm))),
        page: result.page,
        pageSize: result.pageSize,
        total: result.total,
        totalIsExact: result.totalIsExact,
        _links: links as { self: { href: string }; first: { href: string } },
      },
      200,
    );
  });

  app.openapi(detailRoute, async (c) => {
    const { slug } = c.req.valid('param');
    const { organisation, certifications } = await getPublishedProfile(serviceContext(c), slug);
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(detailJson(organisation, certifications, c.var.deps.config.publicUrl), 200);
  });

  // The agenda's open data (features/agenda/agenda.api.ts), in the same document.
  app.route('/', agendaApiRoutes());

  // The staff API (Bearer tokens, docs/decisions/0007) lives in the support feature; mounted here for one document.
  app.route('/', supportApiRoutes());

  app.get('/api/v1/openapi.json', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(openApiDocument(app));
  });

  return app;
}

let cachedDocument: unknown = null;
function openApiDocument(app: OpenAPIHono<AppEnv>): unknown {
  cachedDocument ??= app.getOpenAPI31Document(documentConfig);
  return cachedDocument;
}

/** The OpenAPI 3.1 document of the open data API (what /api/v1/openapi.json serves; scripts/export-openapi.ts writes it to docs/openapi.json). */
export function buildOpenApiDocument(): unknown {
  return directoryApiRoutes().getOpenAPI31Document(documentConfig);
}
