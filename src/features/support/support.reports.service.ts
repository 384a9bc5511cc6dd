import { z } from 'zod';
import { region } from '../../data/reference.ts';
import { AppError } from '../../lib/errors.ts';
import type { I18n } from '../../web/i18n/i18n.ts';
import type { ServiceContext } from '../../web/types.ts';
import { hasRole } from '../accounts/permissions.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { toCsv } from '../../lib/csv.ts';
import { amsterdamDate, formatLocalDate } from './working-days.ts';
import { type ReportRow, reportRows } from './support.reports.queries.ts';
import { SUPPORT_TOPICS, type SupportTopic } from './support.schema.ts';
import { staffScopeOf } from './support.service.ts';

const todayOf = (now: Date) => formatLocalDate(amsterdamDate(now));

/**
 * The support report for the coordinator (every municipality) and account managers (their own municipalities): per
 * month, municipality and topic the new and closed requests, the median time to a first answer, how many missed
 * the first-answer deadline and the average satisfaction. Shown as a table and exported as CSV.
 */
export const REPORT_ROLES = ['coordinator', 'account_manager'] as const;
export const MAX_REPORT_MONTHS = 36;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Years a report can cover: figures start long after 2000; a year like 0000 or 9999 is a typing error, not a period. */
export const REPORT_YEARS = { min: 2000, max: 2100 } as const;
const inYearRange = (v: string) => v === '' || (Number(v.slice(0, 4)) >= REPORT_YEARS.min && Number(v.slice(0, 4)) <= REPORT_YEARS.max);
const monthField = () =>
  z
    .union([z.literal(''), z.string().regex(MONTH, 'supportReports.validation.month')])
    .optional()
    .default('')
    .refine(inYearRange, 'supportReports.validation.year');
const MUNICIPALITY_SLUGS = region.municipalities.map((m) => m.slug) as [string, ...string[]];

export const ReportQuerySchema = z.object({
  gemeente: z.union([z.literal(''), z.enum(MUNICIPALITY_SLUGS, { message: 'supportReports.validation.municipality' })]).optional().default(''),
  onderwerp: z.union([z.literal(''), z.enum(SUPPORT_TOPICS, { message: 'supportReports.validation.topic' })]).optional().default(''),
  van: monthField(),
  tot: monthField(),
});
export type ReportQuery = z.output<typeof ReportQuerySchema>;

const monthsBetween = (from: string, to: string) => {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
};
const shiftMonth = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number);
  const total = y * 12 + (m - 1) + by;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
};

export type ReportFilters = { municipality: string; topic: SupportTopic | ''; from: string; to: string };
export type Report = { filters: ReportFilters; municipalities: string[]; rows: ReportRow[]; totals: ReportRow };

const emptyTotals: ReportRow = { month: null, municipalitySlug: null, topic: null, newCount: 0, closedCount: 0, medianFirstAnswerHours: null, overdueCount: 0, averageSatisfaction: null, ratings: 0 };

/**
 * The report for the filters (already parsed). Defaults: the last twelve months up to this one. A municipality
 * outside the actor's scope is refused and audited; a range backwards or longer than MAX_REPORT_MONTHS is a 400.
 */
export async function supportReport(ctx: ServiceContext, query: ReportQuery): Promise<Report> {
  const actor = ctx.actor;
  if (!hasRole(actor, ...REPORT_ROLES)) throw new AppError('forbidden', 'common.error.forbiddenText');
  const scope = await staffScopeOf(ctx);
  const allowed = scope.all ? region.municipalities.map((m) => m.slug) : scope.municipalities;
  if (query.gemeente && !allowed.includes(query.gemeente)) {
    await recordAudit(ctx.db, ctx.clock, {
      actorUserId: actor!.id,
      action: 'support_report.denied',
      subjectType: 'municipality',
      subjectId: query.gemeente,
      requestId: ctx.requestId,
    });
    throw new AppError('forbidden', 'supportReports.error.outOfScope');
  }
  const now = ctx.clock.now();
  const thisMonth = todayOf(now).slice(0, 7);
  const to = query.tot || thisMonth;
  const from = query.van || shiftMonth(to, -11);
  if (from > to) throw new AppError('bad_request', 'supportReports.error.backwards');
  if (monthsBetween(from, to) > MAX_REPORT_MONTHS) throw new AppError('bad_request', 'supportReports.error.tooLong');
  const filter = { municipalities: query.gemeente ? [query.gemeente] : scope.all ? null : allowed, topic: query.onderwerp || null, from, to, now };
  const [rows, totals] = await Promise.all([reportRows(ctx.db, filter, true), reportRows(ctx.db, filter, false)]);
  return { filters: { municipality: query.gemeente, topic: query.onderwerp, from, to }, municipalities: allowed, rows, totals: totals[0] ?? emptyTotals };
}

/** "november 2026" */
export const monthLabel = (i: I18n, month: string) =>
  new Intl.DateTimeFormat(i.lang === 'nl' ? 'nl-NL' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));

const decimal = (i: I18n, n: number | null, digits = 1) =>
  n === null ? '' : new Intl.NumberFormat(i.lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits, useGrouping: false }).format(n);

export const formatHours = (i: I18n, hours: number | null) => decimal(i, hours);
export const formatSatisfaction = (i: I18n, value: number | null) => decimal(i, value);

export const municipalityName = (slug: string) => region.municipalities.find((m) => m.slug === slug)?.name ?? slug;

/** The report as CSV (headers in the reader's language; decimal comma in Dutch, as the spreadsheet expects). */
export async function supportReportCsv(ctx: ServiceContext, query: ReportQuery, i: I18n): Promise<{ csv: string; filename: string }> {
  const report = await supportReport(ctx, query);
  const header = ['month', 'municipality', 'topic', 'new', 'closed', 'median', 'overdue', 'satisfaction', 'ratings'].map((k) => i.t(`supportReports.col.${k}`));
  const line = (r: ReportRow, month: string, municipality: string, topic: string) => [
    month,
    municipality,
    topic,
    String(r.newCount),
    String(r.closedCount),
    formatHours(i, r.medianFirstAnswerHours),
    String(r.overdueCount),
    formatSatisfaction(i, r.averageSatisfaction),
    String(r.ratings),
  ];
  const rows = report.rows.map((r) => line(r, r.month!, municipalityName(r.municipalitySlug!), i.t(`support.topic.${r.topic}`)));
  rows.push(line(report.totals, i.t('supportReports.total'), report.filters.municipality ? municipalityName(report.filters.municipality) : '', report.filters.topic ? i.t(`support.topic.${report.filters.topic}`) : ''));
  await recordAudit(ctx.db, ctx.clock, {
    actorUserId: ctx.actor!.id,
    action: 'support_report.exported',
    subjectType: 'support_report',
    details: { municipality: report.filters.municipality || null, topic: report.filters.topic || null, from: report.filters.from, to: report.filters.to },
    requestId: ctx.requestId,
  });
  const scopePart = report.filters.municipality || 'regio';
  return { csv: toCsv([header, ...rows]), filename: `hulpvragen-${scopePart}-${report.filters.from}-${report.filters.to}.csv` };
}
