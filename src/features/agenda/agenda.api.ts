import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { region } from '../../data/reference.ts';
import { AppError } from '../../lib/errors.ts';
import { markdownToPlainText } from '../../lib/markdown.ts';
import type { AppEnv } from '../../web/types.ts';
import { serviceContextOf } from '../accounts/accounts.http.ts';
import { paramErrors } from '../directory/directory.pages.tsx';
import { problemResponse, standardHeaders } from '../directory/directory.openapi.ts';
import { EVENT_TYPES } from './agenda.schema.ts';
import { type AgendaItem, COUNT_CAP, getPublicEventBySlug, listAgenda } from './agenda.service.ts';
import { agendaApiQuerySchema, agendaQueryString, MAX_RESULT_DEPTH, toFilters } from './agenda.validation.ts';
import { toRRule } from './recurrence.ts';

/**
 * The agenda in the open data API: GET /api/v1/evenementen (the dates of published events, the same filters as
 * /agenda) and GET /api/v1/evenementen/{slug} (one event with all its dates). Documented in the same OpenAPI
 * document as the directory (mounted by directory.api.ts). An address or online link that the organiser shows only
 * to registered people is never in the API.
 */

const Link = z.object({ href: z.string().openapi({ format: 'uri' }) });
const Municipality = z.object({ slug: z.string().openapi({ example: 'emmen' }), name: z.string().openapi({ example: 'Emmen' }) });
const Organiser = z
  .object({ name: z.string(), slug: z.string().nullable().openapi({ description: 'Slug van het profiel in /ondernemers, als dat gepubliceerd is.' }) })
  .nullable()
  .openapi({ description: 'null: het programma zelf organiseert.' });

const OccurrenceSummary = z
  .object({
    id: z.string().openapi({ format: 'uuid', description: 'Id van deze datum (voor aanmelden).' }),
    slug: z.string().openapi({ example: 'impactcafe-emmen' }),
    title: z.string(),
    type: z.enum(EVENT_TYPES),
    municipality: Municipality,
    city: z.string().nullable(),
    online: z.boolean(),
    startsAt: z.string().openapi({ format: 'date-time', description: 'Begin (UTC).' }),
    endsAt: z.string().openapi({ format: 'date-time', description: 'Einde (UTC).' }),
    status: z.enum(['scheduled', 'cancelled']).openapi({ description: 'cancelled: deze datum of het hele evenement gaat niet door.' }),
    recurring: z.boolean().openapi({ description: 'Onderdeel van een reeks.' }),
    themes: z.array(z.string()),
    organiser: Organiser,
    _links: z.object({ self: Link, page: Link }),
  })
  .openapi('EvenementDatum');

const ListSchema = z
  .object({
    items: z.array(OccurrenceSummary),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int().openapi({ description: 'Aantal data; een ondergrens als totalIsExact false is.' }),
    totalIsExact: z.boolean(),
    _links: z.object({ self: Link, first: Link, prev: Link.optional(), next: Link.optional(), last: Link.optional() }),
  })
  .openapi('EvenementenLijst');

const DetailSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    description: z.string().openapi({ description: 'Beschrijving in Markdown.' }),
    descriptionText: z.string().openapi({ description: 'Beschrijving als platte tekst.' }),
    type: z.enum(EVENT_TYPES),
    status: z.enum(['published', 'cancelled']),
    municipality: Municipality,
    themes: z.array(z.string()),
    sdgs: z.array(z.number().int().min(1).max(17)),
    online: z.boolean(),
    location: z
      .object({ name: z.string().nullable(), streetAddress: z.string().nullable(), postcode: z.string().nullable(), city: z.string().nullable() })
      .nullable()
      .openapi({ description: 'null bij alleen online. Straat en postcode ontbreken als de organisator het adres alleen aan aangemelde mensen toont.' }),
    onlineUrl: z.string().nullable().openapi({ description: 'Alleen als de organisator de link openbaar maakt.' }),
    registration: z.object({
      mode: z.enum(['none', 'internal', 'external']),
      capacity: z.number().int().nullable().openapi({ description: 'Plaatsen per datum; null is geen maximum.' }),
      externalUrl: z.string().nullable(),
    }),
    recurrence: z
      .object({ rrule: z.string().openapi({ example: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;WKST=MO;COUNT=6' }), timeZone: z.literal('Europe/Amsterdam') })
      .nullable()
      .openapi({ description: 'De herhaling als iCalendar RRULE (RFC 5545), in Nederlandse tijd.' }),
    organiser: Organiser,
    sequence: z.number().int().openapi({ description: 'Wijzigingsnummer (iCalendar SEQUENCE).' }),
    occurrences: z.array(
      z.object({
        id: z.string().openapi({ format: 'uuid' }),
        startsAt: z.string().openapi({ format: 'date-time' }),
        endsAt: z.string().openapi({ format: 'date-time' }),
        originalStartsAt: z.string().openapi({ format: 'date-time', description: 'Begin volgens de herhaling (iCalendar RECURRENCE-ID); anders dan startsAt als de datum verplaatst is.' }),
        status: z.enum(['scheduled', 'cancelled']),
      }),
    ),
    _links: z.object({ self: Link, page: Link, ics: Link }),
  })
  .openapi('Evenement');

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/evenementen',
  operationId: 'zoekEvenementen',
  summary: 'Komende data van gepubliceerde evenementen',
  description:
    'Dezelfde filters als de pagina /agenda. Elk item is één datum (bij een reeks: elke datum apart), de eerstvolgende eerst. ' +
    `Geannuleerde data staan erin met status cancelled. Tellingen stoppen bij ${COUNT_CAP}. Bladeren kan tot ${MAX_RESULT_DEPTH.toLocaleString('nl-NL')} resultaten diep. ` +
    'Een onbekende waarde van een filter geeft 400 met invalidParams, nooit een lege lijst.',
  tags: ['Evenementen'],
  request: { query: agendaApiQuerySchema },
  responses: {
    200: {
      description: 'Eén pagina data.',
      headers: {
        ...standardHeaders,
        Link: { description: 'RFC 8288-links: first, prev, next en (bij een exacte telling) last.', schema: { type: 'string' } },
        'X-Total-Count': { description: 'Aantal data, alleen als de telling exact is.', schema: { type: 'integer' } },
      },
      content: { 'application/json': { schema: ListSchema } },
    },
    400: problemResponse('Een parameter klopt niet (zie invalidParams).'),
  },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/api/v1/evenementen/{slug}',
  operationId: 'haalEvenement',
  summary: 'Eén gepubliceerd (of geannuleerd) evenement met al zijn data',
  tags: ['Evenementen'],
  request: { params: z.object({ slug: z.string().min(1).max(200).openapi({ example: 'impactcafe-emmen' }) }) },
  responses: {
    200: { description: 'Het evenement.', headers: standardHeaders, content: { 'application/json': { schema: DetailSchema } } },
    404: problemResponse('Onbekend of niet gepubliceerd.'),
  },
});

export const EVENTS_TAG = { name: 'Evenementen', description: 'De agenda: gepubliceerde evenementen en hun data.' };

const municipalityOf = (slug: string) => ({ slug, name: region.municipalities.find((m) => m.slug === slug)?.name ?? slug });
const link = (href: string, rel: string) => `<${href}>; rel="${rel}"`;

function occurrenceJson(o: AgendaItem, base: string) {
  return {
    id: o.occurrenceId,
    slug: o.slug,
    title: o.title,
    type: o.type,
    municipality: municipalityOf(o.municipalitySlug),
    city: o.city,
    online: o.isOnline,
    startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt.toISOString(),
    status: o.eventStatus === 'cancelled' || o.occurrenceStatus === 'cancelled' ? ('cancelled' as const) : ('scheduled' as const),
    recurring: o.isRecurring,
    themes: o.themeSlugs,
    organiser: o.organiserName ? { name: o.organiserName, slug: o.organiserSlug } : null,
    _links: {
      self: { href: `${base}/api/v1/evenementen/${encodeURIComponent(o.slug)}` },
      page: { href: `${base}/agenda/${encodeURIComponent(o.slug)}` },
    },
  };
}

/** /api/v1/evenementen and /api/v1/evenementen/{slug}. */
export function agendaApiRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) throw new AppError('bad_request', 'agenda.api.invalidParams', paramErrors(result.error, (c as Context<AppEnv>).var.i18n));
    },
  });

  app.openapi(listRoute, async (c) => {
    const params = c.req.valid('query');
    const filters = toFilters(params);
    const result = await listAgenda(serviceContextOf(c), filters, { page: params.page, pageSize: params.pageSize });
    const base = c.var.deps.config.publicUrl;
    const href = (page: number) => `${base}/api/v1/evenementen${agendaQueryString(filters, { pageSize: params.pageSize, page })}`;
    const links: Record<string, { href: string }> = { self: { href: href(result.page) }, first: { href: href(1) } };
    if (result.page > 1) links.prev = { href: href(result.lastPage !== null ? Math.min(result.page - 1, result.lastPage) : result.page - 1) };
    if (result.hasNext) links.next = { href: href(result.page + 1) };
    if (result.lastPage !== null) links.last = { href: href(result.lastPage) };
    c.header('Link', Object.entries(links).filter(([rel]) => rel !== 'self').map(([rel, l]) => link(l.href, rel)).join(', '));
    if (result.totalIsExact) c.header('X-Total-Count', String(result.total));
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(
      {
        items: result.items.map((o) => occurrenceJson(o, base)),
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
    const { event: e, occurrences, organiser } = await getPublicEventBySlug(serviceContextOf(c), slug);
    const base = c.var.deps.config.publicUrl;
    const hidden = e.locationForRegisteredOnly;
    const hasPlace = !!(e.locationName || e.streetAddress || e.city);
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(
      {
        slug: e.slug,
        title: e.title,
        description: e.description,
        descriptionText: markdownToPlainText(e.description),
        type: e.type,
        status: e.status === 'cancelled' ? ('cancelled' as const) : ('published' as const),
        municipality: municipalityOf(e.municipalitySlug),
        themes: e.themeSlugs,
        sdgs: [...e.sdgs].sort((a, b) => a - b),
        online: e.isOnline,
        location: hasPlace ? { name: hidden ? null : e.locationName, streetAddress: hidden ? null : e.streetAddress, postcode: hidden ? null : e.postcode, city: e.city } : null,
        onlineUrl: hidden ? null : e.onlineUrl,
        registration: { mode: e.registrationMode, capacity: e.capacity, externalUrl: e.externalRegistrationUrl },
        recurrence: e.recurrence ? { rrule: toRRule(e.recurrence), timeZone: 'Europe/Amsterdam' as const } : null,
        organiser: organiser ? { name: organiser.name, slug: organiser.published ? organiser.slug : null } : null,
        sequence: e.sequence,
        occurrences: occurrences.map((o) => ({
          id: o.id,
          startsAt: o.startsAt.toISOString(),
          endsAt: o.endsAt.toISOString(),
          originalStartsAt: o.originalStartsAt.toISOString(),
          status: o.status,
        })),
        _links: {
          self: { href: `${base}/api/v1/evenementen/${encodeURIComponent(e.slug)}` },
          page: { href: `${base}/agenda/${encodeURIComponent(e.slug)}` },
          ics: { href: `${base}/agenda/${encodeURIComponent(e.slug)}.ics` },
        },
      },
      200,
    );
  });

  return app;
}
