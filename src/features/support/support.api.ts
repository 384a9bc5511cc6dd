import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { region } from '../../data/reference.ts';
import { AppError } from '../../lib/errors.ts';
import type { AppEnv } from '../../web/types.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { serviceContextOf } from '../accounts/accounts.http.ts';
import { bearerAuth } from '../api-tokens/api-tokens.bearer.ts';
import { paramErrors } from '../directory/directory.pages.tsx';
import { problemResponse, standardHeaders } from '../directory/directory.openapi.ts';
import { SUPPORT_OUTCOMES, SUPPORT_STATUSES, SUPPORT_TOPICS } from './support.schema.ts';
import {
  attachmentForStaff,
  changeStatus,
  getRequestForStaff,
  listRequestsForStaff,
  STAFF_PAGE_SIZE,
  STAFF_VIEWS,
  staffScopeOf,
  type StaffRequestDetail,
  type StaffRequestListItem,
} from './support.service.ts';

/**
 * The staff API for support requests (helper E): list and read requests within the caller's scope and change their
 * status, for staff tools. Authentication: a personal API token as `Authorization: Bearer` only, never the session
 * cookie (docs/decisions/0007-staff-api-bearer-tokens.md). Scope, audit of every read and the workflow are the
 * support service's: this file only translates HTTP and JSON.
 */

export const SECURITY_SCHEME = 'persoonlijkeApiSleutel';
const security = [{ [SECURITY_SCHEME]: [] }];
const STAFF_STATUSES = SUPPORT_STATUSES.filter((s) => s !== 'unconfirmed') as [Exclude<(typeof SUPPORT_STATUSES)[number], 'unconfirmed'>, ...Exclude<(typeof SUPPORT_STATUSES)[number], 'unconfirmed'>[]];
const MUNICIPALITY_SLUGS = region.municipalities.map((m) => m.slug) as [string, ...string[]];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// --- schemas (documentation and validation) ---------------------------------------------------------------------
const Link = z.object({ href: z.string().openapi({ format: 'uri' }) });
const Ref = z.object({ id: z.string().openapi({ format: 'uuid' }), name: z.string() });
const Municipality = z.object({ slug: z.string().openapi({ example: 'emmen' }), name: z.string().openapi({ example: 'Emmen' }) });

const RequestSummary = z
  .object({
    id: z.string().openapi({ format: 'uuid' }),
    caseNumber: z.string().openapi({ example: 'HV-2026-00042' }),
    topic: z.enum(SUPPORT_TOPICS),
    municipality: Municipality,
    status: z.enum(STAFF_STATUSES),
    urgency: z.enum(['low', 'normal', 'high']),
    organisation: Ref.nullable(),
    requesterName: z.string(),
    assignee: Ref.nullable().openapi({ description: 'De behandelende medewerker.' }),
    partner: Ref.nullable().openapi({ description: 'De partnerorganisatie waarnaar is doorverwezen.' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    firstResponseDueAt: z.string().nullable().openapi({ format: 'date-time' }),
    firstRespondedAt: z.string().nullable().openapi({ format: 'date-time' }),
    overdue: z.boolean().openapi({ description: 'Open, nog geen eerste antwoord en de termijn is voorbij.' }),
    closedAt: z.string().nullable().openapi({ format: 'date-time' }),
    outcome: z.enum(SUPPORT_OUTCOMES).nullable(),
    satisfaction: z.number().int().min(1).max(5).nullable(),
    _links: z.object({ self: Link }),
  })
  .openapi('HulpvraagSamenvatting');

const RequestDetail = RequestSummary.omit({ requesterName: true })
  .extend({
    description: z.string(),
    requester: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }),
    contactPreference: z.enum(['email', 'phone', 'meeting']),
    anonymised: z.boolean().openapi({ description: 'Na de bewaartermijn zijn persoonsgegevens en teksten verwijderd.' }),
    allowedTransitions: z.array(z.enum(STAFF_STATUSES)).openapi({ description: 'De statussen waarnaar deze hulpvraag nu mag.' }),
    timeline: z.array(
      z.object({
        at: z.string().openapi({ format: 'date-time' }),
        kind: z.string().openapi({ example: 'status_changed' }),
        actorName: z.string().nullable(),
        fromStatus: z.string().nullable(),
        toStatus: z.string().nullable(),
        body: z.string().nullable().openapi({ description: 'Tekst van een notitie of bericht.' }),
      }),
    ),
    attachments: z.array(z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), _links: z.object({ download: Link }) })),
  })
  .openapi('Hulpvraag');

const RequestList = z
  .object({
    items: z.array(RequestSummary),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    _links: z.object({ self: Link, first: Link, prev: Link.optional(), next: Link.optional(), last: Link }),
  })
  .openapi('HulpvraagLijst');

const ListQuery = z.object({
  weergave: z.enum(STAFF_VIEWS).optional().openapi({ description: 'mine: van mij of mijn partnerorganisatie; unassigned: nog niet toegewezen; overdue: te laat.' }),
  status: z.enum(STAFF_STATUSES).optional(),
  onderwerp: z.enum(SUPPORT_TOPICS).optional(),
  gemeente: z.enum(MUNICIPALITY_SLUGS).optional().openapi({ description: 'Alleen gemeenten binnen uw bereik; een andere geeft 403.' }),
  organisatie: z.string().regex(UUID, 'supportApi.error.uuid').optional().openapi({ description: 'Id van de organisatie van de aanvrager.' }),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
});

const IdParam = z.object({ id: z.string().max(100).openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }) });
const AttachmentParams = IdParam.extend({ bijlageId: z.string().max(100).openapi({ param: { name: 'bijlageId', in: 'path' }, format: 'uuid' }) });

const StatusChange = z
  .object({
    status: z.enum(STAFF_STATUSES),
    outcome: z.enum(SUPPORT_OUTCOMES).optional().openapi({ description: 'Alleen bij status closed; standaard answered.' }),
    note: z.string().trim().max(5000).optional().openapi({ description: 'Toelichting op de tijdlijn (intern).' }),
  })
  .strict()
  .openapi('StatusWijziging');

const authResponses = {
  401: problemResponse('Geen, een ongeldige, verlopen of ingetrokken API-sleutel.'),
  403: problemResponse('De sleutel hoort niet bij een medewerker, of de hulpvraag valt buiten uw bereik (dit wordt gelogd).'),
};
const privateHeaders = { ...standardHeaders, 'Cache-Control': { description: 'Altijd no-store.', schema: { type: 'string' as const } } };

// --- routes -----------------------------------------------------------------------------------------------------
const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/hulpvragen',
  operationId: 'zoekHulpvragen',
  summary: 'Hulpvragen binnen uw bereik',
  description: `Accountmanagers zien de hulpvragen van hun gemeenten, partners wat naar hen is doorverwezen, de coördinator alles. ${STAFF_PAGE_SIZE} per pagina, nieuwste eerst.`,
  tags: ['Hulpvragen'],
  security,
  request: { query: ListQuery },
  responses: {
    200: {
      description: 'Eén pagina hulpvragen.',
      headers: { ...privateHeaders, Link: { description: 'RFC 8288-links: first, prev, next, last.', schema: { type: 'string' } }, 'X-Total-Count': { description: 'Aantal hulpvragen.', schema: { type: 'integer' } } },
      content: { 'application/json': { schema: RequestList } },
    },
    400: problemResponse('Een parameter klopt niet (zie invalidParams).'),
    ...authResponses,
  },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/api/v1/hulpvragen/{id}',
  operationId: 'haalHulpvraag',
  summary: 'Eén hulpvraag met tijdlijn',
  description: 'Elke keer dat een medewerker een hulpvraag leest, komt dat in het auditlog. Partners zien geen interne notities van de gemeente.',
  tags: ['Hulpvragen'],
  security,
  request: { params: IdParam },
  responses: {
    200: { description: 'De hulpvraag.', headers: privateHeaders, content: { 'application/json': { schema: RequestDetail } } },
    ...authResponses,
    404: problemResponse('Onbekende hulpvraag.'),
  },
});

const statusRoute = createRoute({
  method: 'patch',
  path: '/api/v1/hulpvragen/{id}',
  operationId: 'wijzigStatusHulpvraag',
  summary: 'Status van een hulpvraag wijzigen',
  description: 'Volgt de workflow: een stap die niet mag (bijvoorbeeld van assigned direct naar waiting) geeft 409 en verandert niets. Zie allowedTransitions.',
  tags: ['Hulpvragen'],
  security,
  request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: StatusChange }, 'application/merge-patch+json': { schema: StatusChange } } } },
  responses: {
    200: { description: 'De hulpvraag na de wijziging.', headers: privateHeaders, content: { 'application/json': { schema: RequestDetail } } },
    400: problemResponse('De inhoud klopt niet (zie invalidParams).'),
    ...authResponses,
    404: problemResponse('Onbekende hulpvraag.'),
    409: problemResponse('Deze stap past niet in de workflow.'),
  },
});

const attachmentRoute = createRoute({
  method: 'get',
  path: '/api/v1/hulpvragen/{id}/bijlagen/{bijlageId}',
  operationId: 'haalBijlage',
  summary: 'Een bijlage van een hulpvraag downloaden',
  tags: ['Hulpvragen'],
  security,
  request: { params: AttachmentParams },
  responses: {
    200: { description: 'Het bestand.', headers: privateHeaders, content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
    ...authResponses,
    404: problemResponse('Onbekende hulpvraag of bijlage.'),
  },
});

// --- JSON -------------------------------------------------------------------------------------------------------
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const municipalityOf = (slug: string) => ({ slug, name: region.municipalities.find((m) => m.slug === slug)?.name ?? slug });
const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
const selfHref = (base: string, id: string) => `${base}/api/v1/hulpvragen/${id}`;

function summaryJson(r: StaffRequestListItem, base: string) {
  return {
    id: r.id,
    caseNumber: r.caseNumber,
    topic: r.topic,
    municipality: municipalityOf(r.municipalitySlug),
    status: r.status as (typeof STAFF_STATUSES)[number],
    urgency: r.urgency,
    organisation: ref(r.organisationId, r.organisationName),
    requesterName: r.requesterName,
    assignee: ref(r.assigneeUserId, r.assigneeName),
    partner: ref(r.partnerOrganisationId, r.partnerName),
    createdAt: r.createdAt.toISOString(),
    firstResponseDueAt: iso(r.firstResponseDueAt),
    firstRespondedAt: iso(r.firstRespondedAt),
    overdue: r.overdue,
    closedAt: iso(r.closedAt),
    outcome: r.outcome,
    satisfaction: r.satisfaction,
    _links: { self: { href: selfHref(base, r.id) } },
  };
}

function detailJson(d: StaffRequestDetail, base: string, now: Date) {
  const r = d.request;
  const overdue = r.status !== 'closed' && r.status !== 'unconfirmed' && !r.firstRespondedAt && !!r.firstResponseDueAt && r.firstResponseDueAt < now;
  return {
    id: r.id,
    caseNumber: r.caseNumber,
    topic: r.topic,
    municipality: municipalityOf(r.municipalitySlug),
    status: r.status as (typeof STAFF_STATUSES)[number],
    urgency: r.urgency,
    organisation: ref(r.organisationId, d.organisationName),
    assignee: ref(r.assigneeUserId, d.assigneeName),
    partner: ref(r.partnerOrganisationId, d.partnerName),
    createdAt: r.createdAt.toISOString(),
    firstResponseDueAt: iso(r.firstResponseDueAt),
    firstRespondedAt: iso(r.firstRespondedAt),
    overdue,
    closedAt: iso(r.closedAt),
    outcome: r.outcome,
    satisfaction: r.satisfaction,
    description: r.description,
    requester: { name: r.requesterName, email: r.requesterEmail, phone: r.requesterPhone },
    contactPreference: r.contactPreference,
    anonymised: r.anonymisedAt !== null,
    allowedTransitions: d.allowedTransitions.filter((s): s is (typeof STAFF_STATUSES)[number] => s !== 'unconfirmed'),
    timeline: d.events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, actorName: e.actorName, fromStatus: e.fromStatus, toStatus: e.toStatus, body: e.body })),
    attachments: d.attachments.map((a) => ({ ...a, _links: { download: { href: `${selfHref(base, r.id)}/bijlagen/${a.id}` } } })),
    _links: { self: { href: selfHref(base, r.id) } },
  };
}

const link = (href: string, rel: string) => `<${href}>; rel="${rel}"`;

/** A list filtered on a municipality outside the caller's reach is refused and logged, like opening a request there. */
async function refuseMunicipalityOutsideScope(c: Context<AppEnv>, municipality: string | undefined) {
  if (!municipality) return;
  const ctx = serviceContextOf(c);
  const scope = await staffScopeOf(ctx);
  if (scope.all || scope.municipalities.includes(municipality) || scope.partnerOrganisationIds.length > 0) return;
  await recordAudit(ctx.db, ctx.clock, {
    actorUserId: ctx.actor!.id,
    action: 'support_request.list_denied',
    subjectType: 'municipality',
    subjectId: municipality,
    details: { via: 'api' },
    requestId: ctx.requestId,
  });
  throw new AppError('forbidden', 'supportApi.error.municipalityOutOfScope');
}

/** The staff API; mounted inside the open data API app so both share one OpenAPI document. */
export function supportApiRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) throw new AppError('bad_request', 'supportApi.error.invalidParams', paramErrors(result.error, (c as Context<AppEnv>).var.i18n));
    },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', SECURITY_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'Een persoonlijke API-sleutel van een medewerker, te maken op /mijn/api-tokens. Sessiecookies werken hier niet.',
  });
  app.use('/api/v1/hulpvragen', bearerAuth());
  app.use('/api/v1/hulpvragen/*', bearerAuth());

  app.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    await refuseMunicipalityOutsideScope(c, query.gemeente);
    const result = await listRequestsForStaff(
      serviceContextOf(c),
      { view: query.weergave, status: query.status, topic: query.onderwerp, municipality: query.gemeente, organisationId: query.organisatie },
      query.page,
    );
    const base = c.var.deps.config.publicUrl;
    const href = (page: number) => {
      const p = new URLSearchParams();
      for (const key of ['weergave', 'status', 'onderwerp', 'gemeente', 'organisatie'] as const) if (query[key]) p.set(key, query[key]!);
      if (page > 1) p.set('page', String(page));
      const s = p.toString();
      return `${base}/api/v1/hulpvragen${s ? `?${s}` : ''}`;
    };
    const links: Record<string, { href: string }> = { self: { href: href(result.page) }, first: { href: href(1) } };
    if (result.page > 1) links.prev = { href: href(result.page - 1) };
    if (result.page < result.pages) links.next = { href: href(result.page + 1) };
    links.last = { href: href(result.pages) };
    c.header('Link', Object.entries(links).filter(([rel]) => rel !== 'self').map(([rel, l]) => link(l.href, rel)).join(', '));
    c.header('X-Total-Count', String(result.total));
    return c.json(
      {
        items: result.items.map((r) => summaryJson(r, base)),
        page: result.page,
        pageSize: STAFF_PAGE_SIZE,
        total: result.total,
        _links: links as { self: { href: string }; first: { href: string }; last: { href: string } },
      },
      200,
    );
  });

  app.openapi(detailRoute, async (c) => {
    const ctx = serviceContextOf(c);
    const detail = await getRequestForStaff(ctx, c.req.valid('param').id);
    return c.json(detailJson(detail, c.var.deps.config.publicUrl, ctx.clock.now()), 200);
  });

  app.openapi(statusRoute, async (c) => {
    const ctx = serviceContextOf(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    await changeStatus(ctx, id, body.status, body.note, body.outcome);
    const detail = await getRequestForStaff(ctx, id);
    return c.json(detailJson(detail, c.var.deps.config.publicUrl, ctx.clock.now()), 200);
  });

  app.openapi(attachmentRoute, async (c) => {
    const { id, bijlageId } = c.req.valid('param');
    const file = await attachmentForStaff(serviceContextOf(c), id, bijlageId);
    const safeName = file.fileName.replace(/[^\w.\- ]/g, '_');
    return c.body(new Uint8Array(file.bytes), 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${safeName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'X-Content-Type-Options': 'nosniff',
    });
  });

  return app;
}
