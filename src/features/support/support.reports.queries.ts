import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { SupportTopic } from './support.schema.ts';

/**
 * The figures of the support report (helper E), straight from support_requests: anonymised requests keep every
 * column used here, so the figures stay the same after the retention job. Months are calendar months in
 * Europe/Amsterdam. A request counts as "new" in the month it was confirmed (created for staff-made ones), as
 * "closed" in the month it was closed; the first-answer time and "overdue" belong to the month it came in.
 */
export type ReportFilter = {
  /** null: every municipality. */
  municipalities: string[] | null;
  topic: SupportTopic | null;
  /** First and last month, YYYY-MM, inclusive. */
  from: string;
  to: string;
  now: Date;
};

export type ReportRow = {
  month: string | null;
  municipalitySlug: string | null;
  topic: SupportTopic | null;
  newCount: number;
  closedCount: number;
  medianFirstAnswerHours: number | null;
  overdueCount: number;
  averageSatisfaction: number | null;
  ratings: number;
};

const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** One row per month, municipality and topic with any activity (grouped), or one row of totals. */
export async function reportRows(db: DbOrTx, filter: ReportFilter, grouped: boolean): Promise<ReportRow[]> {
  const conditions: SQL[] = [sql`status <> 'unconfirmed'`];
  if (filter.municipalities) conditions.push(filter.municipalities.length ? sql`municipality_slug in (${sql.join(filter.municipalities.map((m) => sql`${m}`), sql`, `)})` : sql`false`);
  if (filter.topic) conditions.push(sql`topic = ${filter.topic}`);
  const where = sql.join(conditions, sql` and `);
  const start = sql`(${`${filter.from}-01 00:00:00`}::timestamp at time zone 'Europe/Amsterdam')`;
  const end = sql`(${`${nextMonth(filter.to)}-01 00:00:00`}::timestamp at time zone 'Europe/Amsterdam')`;
  const keys = grouped ? sql`month, municipality_slug, topic` : sql`month`;
  const monthOf = (column: SQL) => (grouped ? sql`to_char(${column} at time zone 'Europe/Amsterdam', 'YYYY-MM')` : sql`'total'`);
  const result = await db.execute(sql`
    with scoped as (
      select municipality_slug, topic::text as topic, coalesce(confirmed_at, created_at) as start_at, first_responded_at,
             first_response_due_at, closed_at, satisfaction
      from support_requests where ${where}
    ),
    came_in as (
      select ${monthOf(sql`start_at`)} as month, ${grouped ? sql`municipality_slug, topic,` : sql``}
             count(*)::int as new_count,
             percentile_cont(0.5) within group (order by extract(epoch from first_responded_at - start_at))
               filter (where first_responded_at is not null) as median_seconds,
             count(*) filter (where first_response_due_at is not null and (first_responded_at > first_response_due_at
               or (first_responded_at is null and first_response_due_at < ${filter.now})))::int as overdue_count
      from scoped where start_at >= ${start} and start_at < ${end}
      group by ${keys}
    ),
    closed as (
      select ${monthOf(sql`closed_at`)} as month, ${grouped ? sql`municipality_slug, topic,` : sql``}
             count(*)::int as closed_count, avg(satisfaction)::float8 as avg_satisfaction, count(satisfaction)::int as ratings
      from scoped where closed_at >= ${start} and closed_at < ${end}
      group by ${keys}
    )
    select ${keys}, coalesce(new_count, 0) as new_count, coalesce(closed_count, 0) as closed_count, median_seconds::float8 as median_seconds,
           coalesce(overdue_count, 0) as overdue_count, avg_satisfaction, coalesce(ratings, 0) as ratings
    from came_in full join closed using (${keys})
    order by ${keys}
  `);
  return (result.rows as Array<Record<string, unknown>>).map((r) => ({
    month: grouped ? (r.month as string) : null,
    municipalitySlug: grouped ? (r.municipality_slug as string) : null,
    topic: grouped ? (r.topic as SupportTopic) : null,
    newCount: Number(r.new_count),
    closedCount: Number(r.closed_count),
    medianFirstAnswerHours: r.median_seconds === null ? null : Number(r.median_seconds) / 3600,
    overdueCount: Number(r.overdue_count),
    averageSatisfaction: r.avg_satisfaction === null ? null : Number(r.avg_satisfaction),
    ratings: Number(r.ratings),
  }));
}
