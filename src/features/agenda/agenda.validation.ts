import { z } from '@hono/zod-openapi';
import { municipalitySlugs, SDGS, themeSlugs } from '../../data/reference.ts';
import type { FieldErrors } from '../../lib/errors.ts';
import { markdownField } from '../../lib/markdown.ts';
import { normalisePostcode, squish } from '../../lib/text.ts';
import type { I18n } from '../../web/i18n/i18n.ts';
import { EVENT_TYPES, type EventType, type RecurrenceRule } from './agenda.schema.ts';
import { isLocalDate, isLocalTime, localToUtc, ruleDates, RecurrenceError, ruleProblem, SET_POSITIONS, WEEKDAYS, type Weekday, weekdayOf } from './recurrence.ts';
import { webAddressField } from '../../lib/web-address.ts';

// =====================================================================================================================
// URL filters: shared by /agenda, /agenda/archief, /agenda.ics (feeds) and /api/v1/evenementen.
// =====================================================================================================================

/** Results per page on the agenda page; the API lets the caller choose up to MAX_PAGE_SIZE. */
export const PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
export const MAX_QUERY_LENGTH = 200;
/** Deeper pages cost time and nobody reads that far. */
export const MAX_RESULT_DEPTH = 10_000;

export type AgendaFilters = {
  gemeente?: string;
  /** Any of these themes. */
  thema: string[];
  type?: EventType;
  /** true = online, false = on location, undefined = both. */
  online?: boolean;
  q?: string;
  /** Local dates YYYY-MM-DD (Europe/Amsterdam), inclusive. */
  van?: string;
  tot?: string;
};

const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const emptyToUndefined = (v: unknown) => {
  const f = first(v);
  return f === '' || f === null ? undefined : f;
};
const asList = (v: unknown): unknown[] => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]);

/** Any search text is accepted: control characters become spaces, whitespace collapses, cut at MAX_QUERY_LENGTH. */
export function normaliseQuery(input: unknown): string | undefined {
  const raw = first(input);
  if (typeof raw !== 'string') return undefined;
  const cleaned = raw
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = Array.from(cleaned).slice(0, MAX_QUERY_LENGTH).join('').trim();
  return cut || undefined;
}

const dateParam = (message: string) => z.preprocess(emptyToUndefined, z.string({ message }).refine(isLocalDate, { message }).optional());

/**
 * The filters of the agenda in the URL. Unknown values are refused with a message per parameter (a typo must not
 * look like an empty agenda); unknown parameter names are ignored.
 */
const filterShape = {
  gemeente: z
    .preprocess(emptyToUndefined, z.enum(municipalitySlugs() as [string, ...string[]], { message: 'agenda.filter.invalid.gemeente' }).optional())
    .openapi({ type: 'string', enum: municipalitySlugs(), description: 'Gemeente (slug), bijvoorbeeld emmen.', example: 'emmen' }),
  thema: z
    .preprocess(asList, z.array(z.enum(themeSlugs as [string, ...string[]], { message: 'agenda.filter.invalid.thema' })).max(themeSlugs.length))
    .openapi({ type: 'array', description: "Thema (slug), herhaalbaar: evenementen met minstens één van de thema's.", example: ['energie'] }),
  type: z
    .preprocess(emptyToUndefined, z.enum(EVENT_TYPES, { message: 'agenda.filter.invalid.type' }).optional())
    .openapi({ type: 'string', enum: [...EVENT_TYPES], description: 'Soort evenement.', example: 'workshop' }),
  online: z
    .preprocess(emptyToUndefined, z.enum(['ja', 'nee'], { message: 'agenda.filter.invalid.online' }).optional())
    .openapi({ type: 'string', enum: ['ja', 'nee'], description: 'ja: alleen online; nee: alleen op locatie.' }),
  q: z.preprocess(normaliseQuery, z.string().optional()).openapi({ type: 'string', description: 'Zoektekst in titel en beschrijving.', example: 'energie' }),
  van: dateParam('agenda.filter.invalid.van').openapi({ type: 'string', format: 'date', description: 'Vanaf deze datum (JJJJ-MM-DD, Nederlandse tijd).', example: '2026-12-01' }),
  tot: dateParam('agenda.filter.invalid.tot').openapi({ type: 'string', format: 'date', description: 'Tot en met deze datum (JJJJ-MM-DD, Nederlandse tijd).', example: '2026-12-31' }),
};

const checkRange = (v: { van?: string; tot?: string }, ctx: z.RefinementCtx) => {
  if (v.van && v.tot && v.tot < v.van) ctx.addIssue({ code: 'custom', path: ['tot'], message: 'agenda.filter.invalid.range' });
};

export const agendaFiltersSchema = z.object(filterShape).superRefine(checkRange);

export const FILTER_PARAMS = ['gemeente', 'thema', 'type', 'online', 'q', 'van', 'tot'] as const;

export const toFilters = (v: z.output<typeof agendaFiltersSchema>): AgendaFilters => ({
  gemeente: v.gemeente,
  thema: [...new Set(v.thema)],
  type: v.type,
  online: v.online === undefined ? undefined : v.online === 'ja',
  q: v.q,
  van: v.van,
  tot: v.tot,
});

/** Message keys per parameter (translate with `i.t(key)`, or use translateFilterErrors). */
export type FilterErrors = Record<string, string[]>;

/** Zod issues per parameter ("thema.2" is reported on "thema"), as message keys. */
export function filterErrorsOf(error: z.ZodError): FilterErrors {
  const out: FilterErrors = {};
  for (const issue of error.issues) {
    const name = issue.path.length ? String(issue.path[0]) : '_query';
    const list = (out[name] ??= []);
    const key = issue.message.startsWith('agenda.') ? issue.message : `agenda.filter.invalid.${name}`;
    if (!list.includes(key)) list.push(key);
  }
  return out;
}

export const translateFilterErrors = (errors: FilterErrors, i: I18n): FieldErrors =>
  Object.fromEntries(Object.entries(errors).map(([k, keys]) => [k, keys.map((key) => i.t(key))]));

/**
 * Reads the agenda filters from a query (`c.req.queries()` or `c.req.query()` both work: repeated parameters as lists).
 * Not ok (answer 400 with the messages) for an unknown municipality, theme, type, online value, or a bad date/range.
 */
export function parseAgendaFilters(
  query: Record<string, string | string[] | undefined>,
): { ok: true; filters: AgendaFilters } | { ok: false; errors: FilterErrors } {
  const input: Record<string, unknown> = {};
  for (const k of FILTER_PARAMS) input[k] = query[k];
  const r = agendaFiltersSchema.safeParse(input);
  return r.success ? { ok: true, filters: toFilters(r.data) } : { ok: false, errors: filterErrorsOf(r.error) };
}

/** The query string (with "?", or "") of filters, in one canonical order so equal filters give equal URLs. */
export function agendaQueryString(f: Partial<AgendaFilters>, extra: Record<string, string | number | undefined> = {}): string {
  const u = new URLSearchParams();
  if (f.q) u.set('q', f.q);
  if (f.gemeente) u.set('gemeente', f.gemeente);
  for (const t of f.thema ?? []) u.append('thema', t);
  if (f.type) u.set('type', f.type);
  if (f.online !== undefined) u.set('online', f.online ? 'ja' : 'nee');
  if (f.van) u.set('van', f.van);
  if (f.tot) u.set('tot', f.tot);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

export const hasAnyFilter = (f: AgendaFilters) =>
  !!(f.gemeente || f.thema.length || f.type || f.online !== undefined || f.q || f.van || f.tot);

/** The API's query: the filters plus paging. */
export const agendaApiQuerySchema = z
  .object({
    ...filterShape,
    page: z
      .preprocess(emptyToUndefined, z.coerce.number({ message: 'agenda.filter.invalid.page' }).int({ message: 'agenda.filter.invalid.page' }).min(1, { message: 'agenda.filter.invalid.page' }).default(1))
      .openapi({ type: 'integer', description: 'Paginanummer, vanaf 1.', example: 1 }),
    pageSize: z
      .preprocess(
        emptyToUndefined,
        z.coerce
          .number({ message: 'agenda.filter.invalid.pageSize' })
          .int({ message: 'agenda.filter.invalid.pageSize' })
          .min(1, { message: 'agenda.filter.invalid.pageSize' })
          .max(MAX_PAGE_SIZE, { message: 'agenda.filter.invalid.pageSize' })
          .default(PAGE_SIZE),
      )
      .openapi({ type: 'integer', description: `Resultaten per pagina, 1 tot en met ${MAX_PAGE_SIZE}.`, example: PAGE_SIZE }),
  })
  .superRefine(checkRange);

/** A month in the month view: "2026-12". */
export const isMonthParam = (s: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s) && Number(s.slice(0, 4)) >= 1900 && Number(s.slice(0, 4)) <= 2200;

// =====================================================================================================================
// The event form (create and edit), shared by the pages and anything else that posts events.
// =====================================================================================================================

export const TITLE_MAX = 150;
export const DESCRIPTION_MAX = 10_000;
/** An event lasts at most this long (multi-day fairs included). */
export const MAX_DURATION_MINUTES = 14 * 24 * 60;
export const CAPACITY_MAX = 100_000;

export const ATTENDANCE = ['locatie', 'online', 'beide'] as const;
export const REGISTRATION_MODES = ['none', 'internal', 'external'] as const;
export const REPEATS = ['nee', 'wekelijks', 'maandelijks'] as const;
export const ENDS_BY = ['datum', 'aantal'] as const;

const trimmed = (v: unknown) => (typeof v === 'string' ? squish(v) : v);
const optionalLine = (max: number) => z.preprocess((v) => emptyToUndefined(trimmed(v)), z.string().max(max).optional());
const toList = (v: unknown) => (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]);
const listOf = (allowed: readonly string[]) =>
  z.preprocess(
    toList,
    z
      .array(z.string())
      .max(allowed.length)
      .refine((xs) => xs.every((x) => allowed.includes(x)), 'common.validation.choice')
      .transform((xs) => [...new Set(xs)]),
  );
const choice = <T extends readonly [string, ...string[]]>(values: T, message = 'common.validation.choice') =>
  z.preprocess(emptyToUndefined, z.enum(values, { message }));
const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess(emptyToUndefined, z.string().trim().regex(/^-?[0-9]{1,9}$/, 'common.validation.number').transform(Number).pipe(z.number().int().min(min, message).max(max, message)).optional());

const urlField = webAddressField(500);

const sdgNumbers = SDGS.map((s) => String(s.number));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parsed event form. Times are local (Europe/Amsterdam); the service turns them into UTC occurrences. */
export type EventInput = {
  title: string;
  description: string;
  type: EventType;
  /** null = the programme itself (coordinator); the service checks the actor may post for it. */
  organisationId: string | null;
  municipality: string;
  themes: string[];
  sdgs: number[];
  attendance: (typeof ATTENDANCE)[number];
  locationName: string | null;
  streetAddress: string | null;
  postcode: string | null;
  city: string | null;
  onlineUrl: string | null;
  locationForRegisteredOnly: boolean;
  registrationMode: (typeof REGISTRATION_MODES)[number];
  externalRegistrationUrl: string | null;
  capacity: number | null;
  /** "YYYY-MM-DDTHH:MM", local. */
  firstStartLocal: string;
  durationMinutes: number;
  recurrence: RecurrenceRule | null;
};

/**
 * The create/edit form of an event. Field names are the form's; checks that need the database (may the actor post
 * for this organisation, capacity not below current registrations) are in the service.
 */
export const eventFormSchema = z
  .object({
    title: z.preprocess(trimmed, z.string({ message: 'common.validation.required' }).min(1, 'common.validation.required').max(TITLE_MAX)),
    description: markdownField(DESCRIPTION_MAX),
    type: choice(EVENT_TYPES, 'agenda.validation.type'),
    organisation: z.preprocess(emptyToUndefined, z.string().regex(UUID, 'common.validation.choice').optional()),
    municipality: choice(municipalitySlugs() as [string, ...string[]], 'agenda.validation.municipality'),
    themes: listOf(themeSlugs),
    sdgs: listOf(sdgNumbers).transform((xs) => xs.map(Number).sort((a, b) => a - b)),
    attendance: choice(ATTENDANCE),
    locationName: optionalLine(150),
    streetAddress: optionalLine(200),
    postcode: z.preprocess(
      (v) => emptyToUndefined(trimmed(v)),
      z
        .string()
        .transform((s, ctx) => {
          const p = normalisePostcode(s);
          if (!p) ctx.addIssue({ code: 'custom', message: 'agenda.validation.postcode' });
          return p ?? s;
        })
        .optional(),
    ),
    city: optionalLine(100),
    onlineUrl: urlField,
    locationForRegisteredOnly: z.preprocess((v) => first(v) === 'on', z.boolean()),
    registrationMode: choice(REGISTRATION_MODES),
    externalRegistrationUrl: urlField,
    capacity: optionalInt(1, CAPACITY_MAX, 'agenda.validation.capacity'),
    startDate: z.preprocess(emptyToUndefined, z.string({ message: 'agenda.validation.date' }).refine(isLocalDate, 'agenda.validation.date')),
    startTime: z.preprocess(emptyToUndefined, z.string({ message: 'agenda.validation.time' }).refine(isLocalTime, 'agenda.validation.time')),
    endDate: z.preprocess(emptyToUndefined, z.string().refine(isLocalDate, 'agenda.validation.date').optional()),
    endTime: z.preprocess(emptyToUndefined, z.string({ message: 'agenda.validation.time' }).refine(isLocalTime, 'agenda.validation.time')),
    repeat: z.preprocess((v) => emptyToUndefined(v) ?? 'nee', z.enum(REPEATS, { message: 'common.validation.choice' })),
    interval: optionalInt(1, 52, 'agenda.recurrence.interval'),
    weekdays: listOf(WEEKDAYS),
    monthlyPosition: z.preprocess(emptyToUndefined, z.enum(SET_POSITIONS.map(String) as [string, ...string[]], { message: 'agenda.recurrence.setPos' }).optional()),
    endsBy: z.preprocess(emptyToUndefined, z.enum(ENDS_BY, { message: 'agenda.recurrence.noEnd' }).optional()),
    untilDate: z.preprocess(emptyToUndefined, z.string().refine(isLocalDate, 'agenda.validation.date').optional()),
    count: optionalInt(1, 100_000, 'agenda.recurrence.count'),
  })
  .transform((v, ctx): EventInput => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const onLocation = v.attendance !== 'online';
    const online = v.attendance !== 'locatie';
    if (onLocation && !v.city) issue('city', 'agenda.validation.cityNeeded');
    if (onLocation && !v.locationName && !v.streetAddress) issue('locationName', 'agenda.validation.placeNeeded');
    if (online && !v.onlineUrl) issue('onlineUrl', 'agenda.validation.onlineUrlNeeded');
    if (v.registrationMode === 'external' && !v.externalRegistrationUrl) issue('externalRegistrationUrl', 'agenda.validation.externalUrlNeeded');
    if (v.registrationMode !== 'internal' && v.capacity !== undefined) issue('capacity', 'agenda.validation.capacityNeedsInternal');
    if (v.locationForRegisteredOnly && v.registrationMode !== 'internal') issue('locationForRegisteredOnly', 'agenda.validation.hiddenNeedsInternal');

    let durationMinutes = 0;
    const endDate = v.endDate ?? v.startDate;
    if (isLocalDate(v.startDate) && isLocalTime(v.startTime) && isLocalDate(endDate) && isLocalTime(v.endTime)) {
      const start = localToUtc(v.startDate, v.startTime);
      const end = localToUtc(endDate, v.endTime);
      durationMinutes = Math.round((end.getTime() - start.getTime()) / 60_000);
      if (durationMinutes <= 0) issue('endTime', 'agenda.validation.endBeforeStart');
      else if (durationMinutes > MAX_DURATION_MINUTES) issue('endTime', 'agenda.validation.tooLong');
    }

    let recurrence: RecurrenceRule | null = null;
    if (v.repeat !== 'nee') {
      const weekly = v.repeat === 'wekelijks';
      const rule: RecurrenceRule = {
        freq: weekly ? 'weekly' : 'monthly',
        interval: v.interval ?? 1,
        byWeekday: weekly ? (v.weekdays as Weekday[]) : isLocalDate(v.startDate) ? [weekdayOf(v.startDate)] : [],
      };
      if (!weekly) rule.setPos = v.monthlyPosition === undefined ? undefined : Number(v.monthlyPosition);
      if (v.endsBy === 'datum') rule.until = v.untilDate;
      if (v.endsBy === 'aantal') rule.count = v.count;
      const fieldOf: Record<string, string> = {
        'agenda.recurrence.noEnd': 'endsBy',
        'agenda.recurrence.bothEnds': 'endsBy',
        'agenda.recurrence.tooMany': v.endsBy === 'aantal' ? 'count' : 'untilDate',
        'agenda.recurrence.untilBeforeStart': 'untilDate',
        'agenda.recurrence.noWeekdays': 'weekdays',
        'agenda.recurrence.monthlyOneWeekday': 'monthlyPosition',
        'agenda.recurrence.setPos': 'monthlyPosition',
        'agenda.recurrence.interval': 'interval',
        'agenda.recurrence.count': 'count',
        'agenda.recurrence.firstNotInRule': weekly ? 'weekdays' : 'monthlyPosition',
        'agenda.recurrence.invalidStart': 'startDate',
      };
      if (v.endsBy === 'datum' && !v.untilDate) issue('untilDate', 'agenda.recurrence.untilNeeded');
      else if (v.endsBy === 'aantal' && v.count === undefined) issue('count', 'agenda.recurrence.countNeeded');
      else if (isLocalDate(v.startDate)) {
        const problem = ruleProblem(v.startDate, rule);
        if (problem) issue(fieldOf[problem] ?? 'repeat', problem);
        else {
          try {
            ruleDates(v.startDate, rule);
          } catch (e) {
            if (!(e instanceof RecurrenceError)) throw e;
            issue(fieldOf[e.code] ?? 'repeat', e.code);
          }
        }
      }
      recurrence = rule;
    }

    return {
      title: v.title,
      description: v.description,
      type: v.type,
      organisationId: v.organisation ?? null,
      municipality: v.municipality,
      themes: v.themes,
      sdgs: v.sdgs,
      attendance: v.attendance,
      locationName: onLocation ? (v.locationName ?? null) : null,
      streetAddress: onLocation ? (v.streetAddress ?? null) : null,
      postcode: onLocation ? (v.postcode ?? null) : null,
      city: onLocation ? (v.city ?? null) : null,
      onlineUrl: online ? (v.onlineUrl ?? null) : null,
      locationForRegisteredOnly: v.locationForRegisteredOnly,
      registrationMode: v.registrationMode,
      externalRegistrationUrl: v.registrationMode === 'external' ? (v.externalRegistrationUrl ?? null) : null,
      capacity: v.registrationMode === 'internal' ? (v.capacity ?? null) : null,
      firstStartLocal: `${v.startDate}T${v.startTime}`,
      durationMinutes,
      recurrence,
    };
  });

/** Moving one occurrence of a series: its new local date and start time (the length stays). */
export const moveOccurrenceSchema = z.object({
  occurrenceId: z.string().regex(UUID, 'common.validation.invalid'),
  date: z.preprocess(emptyToUndefined, z.string({ message: 'agenda.validation.date' }).refine(isLocalDate, 'agenda.validation.date')),
  time: z.preprocess(emptyToUndefined, z.string({ message: 'agenda.validation.time' }).refine(isLocalTime, 'agenda.validation.time')),
});

/** Skipping or cancelling one occurrence. */
export const occurrenceActionSchema = z.object({
  occurrenceId: z.string().regex(UUID, 'common.validation.invalid'),
});
