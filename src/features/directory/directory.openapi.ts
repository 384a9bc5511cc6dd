import { z } from '@hono/zod-openapi';

/** Schemas of the open data API responses (documentation; the handlers build these shapes in directory.api.ts). */

export const API_VERSION = '1.0.0';

const Link = z.object({ href: z.string().openapi({ format: 'uri' }) }).openapi('Link');

export const MunicipalitySchema = z
  .object({ slug: z.string().openapi({ example: 'emmen' }), name: z.string().openapi({ example: 'Emmen' }) })
  .openapi('Gemeente');

export const LocationSchema = z
  .object({ lat: z.number(), lng: z.number() })
  .openapi('Locatie', { description: 'Alleen voor organisaties met rechtspersoonlijkheid (zie docs/decisions/0004-open-data-fields.md).' });

export const OrganisationSummarySchema = z
  .object({
    slug: z.string().openapi({ example: 'de-vrolijke-kok' }),
    name: z.string().openapi({ example: 'De Vrolijke Kok' }),
    pitch: z.string(),
    municipality: MunicipalitySchema,
    city: z.string().nullable(),
    themes: z.array(z.string()).openapi({ description: 'Thema-slugs.', example: ['voedsel', 'inclusief-werk'] }),
    sdgs: z.array(z.number().int().min(1).max(17)).openapi({ example: [2, 8] }),
    certifications: z.array(
      z
        .object({
          code: z.string().openapi({ example: 'pso' }),
          name: z.string(),
          verified: z.boolean().openapi({ description: 'Gecontroleerd door de coördinator.' }),
        })
        .openapi('Certificering'),
    ),
    website: z.string().nullable(),
    location: LocationSchema.nullable(),
    publishedAt: z.string().nullable().openapi({ format: 'date-time' }),
    _links: z.object({ self: Link, profile: Link, logo: Link.optional() }),
  })
  .openapi('OrganisatieSamenvatting');

export const OrganisationDetailSchema = OrganisationSummarySchema.extend({
  description: z.string(),
  impact: z.object({
    problem: z.string().openapi({ description: 'Welk probleem de organisatie oplost.' }),
    targetGroup: z.string().openapi({ description: 'Voor wie.' }),
    measurement: z.string().openapi({ description: 'Hoe de impact wordt gemeten.' }),
  }),
  offer: z.string().openapi({ description: 'Aanbod.' }),
  needs: z.string().openapi({ description: 'Vraag.' }),
  foundedYear: z.number().int().nullable(),
  employees: z.number().int().nullable(),
  employeesDistanceToLabourMarket: z.number().int().nullable(),
  legalForm: z.string().nullable(),
  kvkNumber: z.string().nullable().openapi({ description: 'Alleen voor organisaties met rechtspersoonlijkheid.' }),
  address: z
    .object({ streetAddress: z.string().nullable(), postcode: z.string().nullable(), city: z.string().nullable() })
    .nullable()
    .openapi({ description: 'Alleen voor organisaties met rechtspersoonlijkheid.' }),
  isPartner: z.boolean(),
  isDemo: z.boolean().openapi({ description: 'Verzonnen voorbeelddata.' }),
}).openapi('Organisatie');

export const OrganisationListSchema = z
  .object({
    items: z.array(OrganisationSummarySchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int().openapi({ description: 'Aantal resultaten; een ondergrens als totalIsExact false is.' }),
    totalIsExact: z.boolean().openapi({ description: 'False als er meer resultaten zijn dan er geteld worden; total is dan een ondergrens.' }),
    _links: z.object({ self: Link, first: Link, prev: Link.optional(), next: Link.optional(), last: Link.optional() }),
  })
  .openapi('OrganisatieLijst');

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string(),
    invalidParams: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  })
  .openapi('Probleem');

export const standardHeaders = {
  'API-Version': { description: 'Versie van de API.', schema: { type: 'string' as const, example: API_VERSION } },
};

export const problemResponse = (description: string) => ({
  description,
  headers: standardHeaders,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});
