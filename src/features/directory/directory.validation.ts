import { z } from '@hono/zod-openapi';
import { certificationCodes, municipalitySlugs, themeSlugs } from '../../data/reference.ts';

/** Results per page on the HTML page; the API lets the caller choose up to MAX_PAGE_SIZE. */
export const PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Only the first results of a search can be paged to: deeper OFFSETs cost time and nobody reads that far. */
export const MAX_RESULT_DEPTH = 10_000;
/** Longer search text is cut: nobody types more, and it keeps the query cheap. */
export const MAX_QUERY_LENGTH = 200;

export const SORTS = ['relevantie', 'naam', 'nieuwste'] as const;
export type DirectorySort = (typeof SORTS)[number];

/**
 * Search text of any length or characters becomes something safe to hand to websearch_to_tsquery as a parameter:
 * control characters (PostgreSQL refuses NUL) become spaces, whitespace is collapsed, and the text is cut at
 * MAX_QUERY_LENGTH code points (never in the middle of an emoji).
 */
export function normaliseQuery(input: unknown): string {
  const raw = Array.isArray(input) ? input[0] : input;
  if (typeof raw !== 'string') return '';
  const cleaned = raw
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return Array.from(cleaned).slice(0, MAX_QUERY_LENGTH).join('').trim();
}

const asList = (v: unknown): unknown[] => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]);
const emptyToUndefined = (v: unknown) => {
  const first = Array.isArray(v) ? v[0] : v;
  return first === '' || first === null ? undefined : first;
};

const municipalityMessage = { message: 'directory.validation.municipality' };
const themeMessage = { message: 'directory.validation.theme' };
const sdgMessage = { message: 'directory.validation.sdg' };

/**
 * The search and filters of the directory, shared by GET /ondernemers and GET /api/v1/ondernemers.
 * Any q is accepted; unknown filter values are refused with a message per parameter.
 */
export const DirectorySearchSchema = z
  .object({
    q: z
      .preprocess(normaliseQuery, z.string())
      .optional()
      .openapi({ type: 'string', description: 'Zoektekst (Nederlands, zonder hoofdletter- of accentgevoeligheid). Elke tekst mag; na 200 tekens wordt afgekapt.', example: 'zorg' }),
    gemeente: z
      .preprocess(emptyToUndefined, z.enum(municipalitySlugs() as [string, ...string[]], municipalityMessage).optional())
      .openapi({ type: 'string', enum: municipalitySlugs(), description: 'Gemeente (slug), bijvoorbeeld emmen.', example: 'emmen' }),
    thema: z
      .preprocess(asList, z.array(z.enum(themeSlugs as [string, ...string[]], themeMessage)))
      .openapi({ type: 'array', description: "Thema (slug), herhaalbaar: ondernemers met minstens één van de thema's.", example: ['inclusief-werk'] }),
    sdg: z
      .preprocess(asList, z.array(z.coerce.number(sdgMessage).int(sdgMessage).min(1, sdgMessage).max(17, sdgMessage)))
      .openapi({ type: 'array', description: 'SDG-nummer 1 tot en met 17, herhaalbaar: ondernemers met minstens één van de SDG\'s.', example: [8] }),
    certificering: z
      .preprocess(emptyToUndefined, z.enum(certificationCodes as [string, ...string[]], { message: 'directory.validation.certification' }).optional())
      .openapi({ type: 'string', enum: certificationCodes, description: 'Certificering (code).', example: 'pso' }),
    sort: z
      .preprocess(emptyToUndefined, z.enum(SORTS, { message: 'directory.validation.sort' }).optional())
      .openapi({ type: 'string', enum: [...SORTS], description: 'Volgorde. Standaard relevantie als er een zoektekst is, anders naam.' }),
    page: z
      .preprocess(emptyToUndefined, z.coerce.number({ message: 'directory.validation.page' }).int({ message: 'directory.validation.page' }).min(1, { message: 'directory.validation.page' }).default(1))
      .openapi({ type: 'integer', description: 'Paginanummer, vanaf 1.', example: 1 }),
    pageSize: z
      .preprocess(
        emptyToUndefined,
        z.coerce
          .number({ message: 'directory.validation.pageSize' })
          .int({ message: 'directory.validation.pageSize' })
          .min(1, { message: 'directory.validation.pageSize' })
          .max(MAX_PAGE_SIZE, { message: 'directory.validation.pageSize' })
          .default(PAGE_SIZE),
      )
      .openapi({ type: 'integer', description: `Resultaten per pagina, 1 tot en met ${MAX_PAGE_SIZE} (alleen de API).`, example: PAGE_SIZE }),
  })
  .superRefine((v, ctx) => {
    if ((v.page - 1) * v.pageSize >= MAX_RESULT_DEPTH) {
      ctx.addIssue({ code: 'custom', path: ['page'], message: 'directory.validation.pageTooDeep' });
    }
  });

export type DirectorySearchInput = z.input<typeof DirectorySearchSchema>;
export type DirectorySearchParams = z.output<typeof DirectorySearchSchema>;

/** The effective sort: relevance needs search text, so without q it falls back to name. */
export const effectiveSort = (p: Pick<DirectorySearchParams, 'q' | 'sort'>): DirectorySort =>
  p.sort === 'relevantie' && !p.q ? 'naam' : (p.sort ?? (p.q ? 'relevantie' : 'naam'));

export const SlugParamSchema = z.object({
  slug: z.string().min(1).max(200).openapi({ description: 'De slug van de organisatie.', example: 'de-vrolijke-kok' }),
});
