import { z } from 'zod';
import { region } from '../../data/reference.ts';
import { TIME_ZONE } from '../../web/i18n/i18n.ts';
import { CONTACT_KINDS } from './relations.schema.ts';

/** Today's calendar date in Europe/Amsterdam as YYYY-MM-DD. */
export const localDateOf = (d: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** The contact moment form. `today` (local) bounds the date: a contact that has not happened yet is not logged. */
export const contactMomentSchema = (today: string) =>
  z.object({
    kind: z.enum(CONTACT_KINDS, { message: 'relations.validation.kind' }),
    happenedOn: z
      .string()
      .trim()
      .min(1, { message: 'relations.validation.dateRequired', abort: true })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'relations.validation.date', abort: true })
      .refine(isRealDate, { message: 'relations.validation.date', abort: true })
      .refine((s) => s >= '2000-01-01', { message: 'relations.validation.date', abort: true })
      .refine((s) => s <= today, { message: 'relations.validation.dateFuture' }),
    note: z
      .string()
      .trim()
      .min(1, { message: 'relations.validation.noteRequired', abort: true })
      .max(4000, { message: 'relations.validation.noteTooLong' }),
  });
export type ContactMomentInput = z.output<ReturnType<typeof contactMomentSchema>>;

const MUNICIPALITY_SLUGS = region.municipalities.map((m) => m.slug) as [string, ...string[]];

/** Filters of /beheer/organisaties; an unknown municipality is a 400, not an empty list. */
export const OrganisationListFiltersSchema = z.object({
  q: z.string().trim().max(100, 'relations.validation.queryTooLong').optional().default(''),
  gemeente: z.union([z.literal(''), z.enum(MUNICIPALITY_SLUGS, { message: 'relations.validation.municipality' })]).optional().default(''),
  pagina: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type OrganisationListFilters = z.output<typeof OrganisationListFiltersSchema>;
