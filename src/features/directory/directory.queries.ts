import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { CertificationRow } from './directory.profile.queries.ts';
import { NAME_BUCKET_BOUNDARIES, SECONDS_PER_MONTH } from './directory.schema.ts';

/**
 * SQL of the public directory. Every query here reads published organisations only, and spells the status as a
 * literal (`status = 'published'`) so PostgreSQL can use the partial indexes of directory.schema.ts.
 * Why the queries look like this: docs/decisions/0003-directory-search.md.
 */

export type DirectoryFilters = {
  municipality?: string;
  themes: string[];
  sdgs: number[];
  certification?: string;
};

export type SummaryRow = {
  id: string;
  slug: string;
  name: string;
  municipalitySlug: string;
  city: string | null;
  pitch: string;
  themeSlugs: string[];
  sdgs: number[];
  certificationCodes: string[];
  lat: number | null;
  lng: number | null;
  hasLogo: boolean;
  website: string | null;
  publishedAt: Date | null;
  /** Name without accents in lower case: the sort key. */
  sortName: string;
  legalForm: string | null;
  /** Only when asked for (the API lists them). */
  certifications?: CertificationRow[];
};

export const SUMMARY_COLUMNS = sql.raw(`o.id, o.slug, o.name, o.municipality_slug AS "municipalitySlug", o.city, o.pitch,
  o.theme_slugs AS "themeSlugs", o.sdgs, o.certification_codes AS "certificationCodes", o.lat, o.lng,
  o.has_logo AS "hasLogo", o.website, o.published_at AS "publishedAt", o.search_name AS "sortName",
  o.legal_form AS "legalForm"`);

/** The tsquery of the visitor's text; inlined (not a CTE) so the planner sees a constant and its statistics. */
const tsQuery = (q: string): SQL => sql`websearch_to_tsquery('dutch'::regconfig, ir_unaccent(${q}))`;

function filterConditions(f: DirectoryFilters): SQL {
  const parts: SQL[] = [sql`o.status = 'published'`];
  if (f.municipality) parts.push(sql`o.municipality_slug = ${f.municipality}`);
  if (f.themes.length) parts.push(sql`o.theme_slugs && ${sql.param(f.themes)}::text[]`);
  if (f.sdgs.length) parts.push(sql`o.sdgs && ${sql.param(f.sdgs)}::smallint[]`);
  if (f.certification) parts.push(sql`o.certification_codes @> ${sql.param([f.certification])}::text[]`);
  return sql.join(parts, sql` AND `);
}

/** drizzle hands raw timestamps over as text; rows here carry Dates like the rest of the app. */
const DATE_FIELDS = ['publishedAt', 'updatedAt'] as const;
export const rowsOf = async <T>(db: DbOrTx, query: SQL): Promise<T[]> => {
  const rows = (await db.execute(query)).rows as Array<Record<string, unknown>>;
  for (const row of rows) {
    for (const f of DATE_FIELDS) if (typeof row[f] === 'string') row[f] = new Date(row[f] as string);
  }
  return rows as T[];
};

export type DirectorySortKey = 'naam' | 'nieuwste';
/** "all": any full-text match; 0 the name matches; 1 the pitch or themes match, not the name; 2 only the rest. */
export type MatchScope = 'all' | 0 | 1 | 2;

const orderBy = (sort: DirectorySortKey, alias: string): SQL =>
  sort === 'naam' ? sql.raw(`${alias}.search_name, ${alias}.id`) : sql.raw(`${alias}.published_at DESC NULLS LAST, ${alias}.id DESC NULLS LAST`);

/**
 * The match condition of a scope, written for row-by-row testing: small inline vectors first, so the large full
 * vector (usually TOASTed: a separate lookup per row) is read only when it decides. `fullCheck` is needed for
 * queries with a negation: then "the name or summary matches" does not prove that the whole profile matches.
 */
function rowMatch(q: string, scope: MatchScope, fullCheck: boolean): SQL {
  const tq = tsQuery(q);
  const full = sql`o.search_vector @@ ${tq}`;
  const checked = (cond: SQL) => (fullCheck ? sql`(${cond} AND ${full})` : cond);
  switch (scope) {
    case 'all':
      return fullCheck ? full : sql`(o.summary_vector @@ ${tq} OR ${full})`;
    case 0:
      return checked(sql`o.name_vector @@ ${tq}`);
    case 1:
      return checked(sql`(o.summary_vector @@ ${tq} AND NOT (o.name_vector @@ ${tq}))`);
    case 2:
      return sql`(NOT (o.summary_vector @@ ${tq}) AND ${full})`;
  }
}

/** The same conditions for the GIN indexes: each scope names the vector whose index finds its rows. */
function indexMatch(q: string, scope: MatchScope, fullCheck: boolean): SQL {
  const tq = tsQuery(q);
  const full = fullCheck ? sql` AND o.search_vector @@ ${tq}` : sql``;
  switch (scope) {
    case 'all':
      return sql`o.search_vector @@ ${tq}`;
    case 0:
      return sql`o.name_vector @@ ${tq}${full}`;
    case 1:
      return sql`o.summary_vector @@ ${tq} AND NOT (o.name_vector @@ ${tq})${full}`;
    case 2:
      return sql`o.search_vector @@ ${tq} AND NOT (o.summary_vector @@ ${tq})`;
  }
}

/** Which part of the ordered matches the caller wants as rows: positions skip+1 .. skip+take (1-based). */
export type Slice = { skip: number; take: number; withCertifications?: boolean };

/**
 * What a page statement returns: how many matches it picked (at most its limit; for a walk, the matches among the
 * examined rows), how many rows a walk examined, and the list columns of the wanted slice in order.
 */
export type PickedPage = {
  picked: number;
  examined: number;
  rows: SummaryRow[];
  coversLaterTiers?: boolean;
  /** When the statement also looked for names like the text (see LookAlikeParams): those found if nothing matched. */
  lookAlikes?: LookAlikeRow[];
};

/**
 * Names that look like the text (typo tolerance), asked for in the same statement as a page that may well find
 * nothing: they are only looked for when the page picked nothing, and it saves a round trip for every typo.
 */
export type LookAlikeParams = { text: string; filters: DirectoryFilters; limit: number };

type PageRow = SummaryRow & { _picked: number; _examined: number; _lookalikes?: Array<Record<string, unknown>> | null; ord?: number };

const CERTIFICATIONS_JSON = sql.raw(`(SELECT coalesce(json_agg(json_build_object('code', c.code, 'otherName', c.other_name, 'verified', c.verified) ORDER BY c.code), '[]')
  FROM organisation_certifications c WHERE c.organisation_id = o.id) AS certifications`);

/**
 * Wraps a statement that picks ordered ids (`picked(id, ord)`, optionally `walked`) into one round trip that also
 * counts them and reads the list columns of the wanted slice: each database round trip costs about as much CPU
 * as the work of a small query, so a page is one statement where possible.
 */
async function pickPage(db: DbOrTx, ctes: SQL, examined: SQL, slice: Slice, lookAlikes?: LookAlikeParams): Promise<PickedPage> {
  const extra = slice.withCertifications ? sql`, ${CERTIFICATIONS_JSON}` : sql``;
  // The one-time condition keeps PostgreSQL from even starting the trigram scan when the page picked anything.
  const alike = lookAlikes
    ? sql`, (SELECT json_agg(m) FROM (${lookAlikeSelect({ ...lookAlikes, withCertifications: slice.withCertifications }, sql`(SELECT count(*) FROM picked) = 0`)}) m) AS _lookalikes`
    : sql``;
  const rows = await rowsOf<PageRow>(
    db,
    sql`WITH ${ctes}
        SELECT s.*, p.* FROM
          (SELECT (SELECT count(*) FROM picked)::int AS _picked, ${examined}::int AS _examined${alike}) s
        LEFT JOIN LATERAL (
          SELECT ${SUMMARY_COLUMNS}${extra}, k.ord FROM picked k JOIN organisations o ON o.id = k.id
          WHERE k.ord > ${slice.skip} AND k.ord <= ${slice.skip + slice.take}
        ) p ON true
        ORDER BY p.ord`,
  );
  const first = rows[0];
  const page: PickedPage = {
    picked: first?._picked ?? 0,
    examined: first?._examined ?? 0,
    rows: rows.filter((r) => r.id !== null).map(({ _picked, _examined, _lookalikes, ord, ...row }) => row as SummaryRow),
  };
  if (lookAlikes) {
    // json_agg hands the timestamps over as text.
    page.lookAlikes = (first?._lookalikes ?? []).map((r) => ({ ...r, publishedAt: typeof r.publishedAt === 'string' ? new Date(r.publishedAt) : r.publishedAt }) as LookAlikeRow);
  }
  return page;
}

/** The first `limit` organisations in name or newest order without search text (filters only), walking the sort index. */
export async function listingPage(db: DbOrTx, p: { filters: DirectoryFilters; sort: DirectorySortKey; limit: number } & Slice): Promise<PickedPage> {
  return pickPage(
    db,
    sql`picked AS (SELECT x.id, row_number() OVER (ORDER BY ${orderBy(p.sort, 'x')}) AS ord FROM
          (SELECT o.id, o.search_name, o.published_at FROM organisations o WHERE ${filterConditions(p.filters)}
           ORDER BY ${orderBy(p.sort, 'o')} LIMIT ${p.limit}) x)`,
    sql`0`,
    p,
  );
}

/** The same from the filter indexes, for filters that leave few rows; the OFFSET 0 fence is explained at indexPage. */
export async function listingPageFromIndex(db: DbOrTx, p: { filters: DirectoryFilters; sort: DirectorySortKey; limit: number } & Slice): Promise<PickedPage> {
  return pickPage(
    db,
    sql`picked AS (SELECT x.id, row_number() OVER (ORDER BY ${orderBy(p.sort, 'x')}) AS ord FROM
          (SELECT m.id, m.search_name, m.published_at FROM
            (SELECT o.id, o.search_name, o.published_at FROM organisations o WHERE ${filterConditions(p.filters)} OFFSET 0) m
           ORDER BY ${orderBy(p.sort, 'm')} LIMIT ${p.limit}) x)`,
    sql`0`,
    p,
  );
}

/**
 * A walk: organisations that pass the filters, in sort order, each tested against the search, until `limit` of
 * them match (default: no early stop) or `rows` have been examined. Cheap when the search matches a good share of
 * the rows (a broad search stops early); the service switches to indexPage when it does not. With selective filters the inner walk reads
 * only the btree index (it holds the filter columns), and rows are read by id for the survivors alone.
 * The examined count is only worked out when the walk did not find `limit` matches (then all `rows`, or every row
 * that passes the filters, were examined): it is what the service decides again with.
 */
export async function walkPage(
  db: DbOrTx,
  p: { q: string; scope: MatchScope; fullCheck: boolean; filters: DirectoryFilters; sort: DirectorySortKey; rows: number; limit?: number; selectiveFilters?: boolean } & Slice,
): Promise<PickedPage> {
  const limit = p.limit ?? p.rows;
  // Without selective filters one index scan that reads each row by its index pointer is cheapest; with them,
  // an index-only walk drops most rows before any is read, and the survivors are read by id.
  const match = rowMatch(p.q, p.scope, p.fullCheck);
  const matched = p.selectiveFilters
    ? sql`SELECT f.id, f.search_name, f.published_at
          FROM (SELECT o.id, o.search_name, o.published_at FROM organisations o WHERE ${filterConditions(p.filters)}
                ORDER BY ${orderBy(p.sort, 'o')} LIMIT ${p.rows}) f
          JOIN organisations o ON o.id = f.id WHERE ${match} ORDER BY ${orderBy(p.sort, 'f')} LIMIT ${limit}`
    : sql`SELECT f.id, f.search_name, f.published_at
          FROM (SELECT o.id, o.search_name, o.published_at, ${match} AS m FROM organisations o WHERE ${filterConditions(p.filters)}
                ORDER BY ${orderBy(p.sort, 'o')} LIMIT ${p.rows}) f
          WHERE f.m ORDER BY ${orderBy(p.sort, 'f')} LIMIT ${limit}`;
  return pickPage(
    db,
    sql`picked AS MATERIALIZED (SELECT w.id, row_number() OVER (ORDER BY ${orderBy(p.sort, 'w')}) AS ord FROM (${matched}) w)`,
    sql`(CASE WHEN (SELECT count(*) FROM picked) >= ${limit} THEN 0 ELSE
          (SELECT count(*) FROM (SELECT 1 FROM organisations o WHERE ${filterConditions(p.filters)} ORDER BY ${orderBy(p.sort, 'o')} LIMIT ${p.rows}) z) END)`,
    p,
  );
}

/**
 * The first `limit` matches in sort order, found through the combined GIN index (search vectors and filter columns
 * in one index, so words and filters are intersected before any row is read): reads every match once (no TOAST
 * lookups for plain queries), then sorts. Cheap when matches are few, and the service takes this path only then.
 * The OFFSET 0 fence makes PostgreSQL plan the inner query on its own, without the LIMIT, which would tempt it
 * to walk an index row by row instead.
 */
export async function indexPage(
  db: DbOrTx,
  p: { q: string; scope: MatchScope; fullCheck: boolean; filters: DirectoryFilters; sort: DirectorySortKey; limit: number; lookAlikes?: LookAlikeParams } & Slice,
): Promise<PickedPage> {
  return pickPage(
    db,
    sql`picked AS (SELECT x.id, row_number() OVER (ORDER BY ${orderBy(p.sort, 'x')}) AS ord FROM
          (SELECT m.id, m.search_name, m.published_at FROM
            (SELECT o.id, o.search_name, o.published_at FROM organisations o
             WHERE ${filterConditions(p.filters)} AND ${indexMatch(p.q, p.scope, p.fullCheck)} OFFSET 0) m
           ORDER BY ${orderBy(p.sort, 'm')} LIMIT ${p.limit}) x)`,
    sql`0`,
    p,
    p.lookAlikes,
  );
}

/**
 * The bucketed index path: the matches stretch by stretch in sort order (organisations.name_bucket for the name
 * order, newest_bucket — the month of publication — for the newest order), each stretch found in the combined GIN
 * index (words, filters and stretch intersected there), and only as many stretches as the page needs. Cheap when
 * matches are many: instead of reading and sorting all of them, it reads about one stretch's share. PostgreSQL
 * keeps the stretches in order (a nested loop over the sorted stretch numbers) and sorts within each one only
 * (Incremental Sort), so it stops as soon as `limit` matches are in.
 */
export async function bucketedIndexPage(
  db: DbOrTx,
  p: { q: string; scope: MatchScope; fullCheck: boolean; filters: DirectoryFilters; sort: DirectorySortKey; limit: number; lookAlikes?: LookAlikeParams } & Slice,
): Promise<PickedPage> {
  const byName = p.sort === 'naam';
  // Name stretches are 0..n; months run from the newest publication back to the oldest, then -1 (never published).
  const month = (col: SQL) => sql`floor(date_part('epoch', ${col} AT TIME ZONE 'UTC') / ${sql.raw(String(SECONDS_PER_MONTH))})::int`;
  const stretches = byName
    ? sql`SELECT b FROM generate_series(0, ${sql.raw(String(NAME_BUCKET_BOUNDARIES.length))}) b ORDER BY b`
    : sql`SELECT b FROM (SELECT generate_series(${month(sql`max(o.published_at)`)}, ${month(sql`min(o.published_at)`)}, -1) b
            FROM organisations o WHERE o.status = 'published' UNION ALL SELECT -1) s ORDER BY b DESC`;
  const column = sql.raw(byName ? 'o.name_bucket' : 'o.newest_bucket');
  const stretchOrder = sql.raw(byName ? 'bs.b' : 'bs.b DESC');
  return pickPage(
    db,
    sql`picked AS (SELECT x.id, row_number() OVER (ORDER BY ${orderBy(p.sort, 'x')}) AS ord FROM
          (SELECT m.id, m.search_name, m.published_at FROM (${stretches}) bs
           CROSS JOIN LATERAL (SELECT o.id, o.search_name, o.published_at FROM organisations o
             WHERE ${filterConditions(p.filters)} AND ${indexMatch(p.q, p.scope, p.fullCheck)} AND ${column} = bs.b::smallint OFFSET 0) m
           ORDER BY ${stretchOrder}, ${orderBy(p.sort, 'm')} LIMIT ${p.limit}) x)`,
    sql`0`,
    p,
    p.lookAlikes,
  );
}

/**
 * Relevance order from the GIN index in one pass: every match of tier `fromTier` or later, with its tier worked
 * out from the small inline vectors, sorted by tier and name. Used when the tiers are too small to walk.
 */
export async function indexTieredPage(
  db: DbOrTx,
  p: { q: string; fromTier: 0 | 1 | 2; fullCheck: boolean; filters: DirectoryFilters; limit: number; lookAlikes?: LookAlikeParams } & Slice,
): Promise<PickedPage> {
  const tq = tsQuery(p.q);
  const from = p.fromTier === 0 ? sql`` : p.fromTier === 1 ? sql` AND NOT (o.name_vector @@ ${tq})` : sql` AND NOT (o.summary_vector @@ ${tq})`;
  return pickPage(
    db,
    sql`picked AS (SELECT x.id, row_number() OVER (ORDER BY x.tier, x.search_name, x.id) AS ord FROM
          (SELECT m.id, m.search_name, m.tier FROM
            (SELECT o.id, o.search_name,
                    CASE WHEN o.name_vector @@ ${tq} THEN 0 WHEN o.summary_vector @@ ${tq} THEN 1 ELSE 2 END AS tier
             FROM organisations o WHERE ${filterConditions(p.filters)} AND o.search_vector @@ ${tq}${from} OFFSET 0) m
           ORDER BY m.tier, m.search_name, m.id LIMIT ${p.limit}) x)`,
    sql`0`,
    p,
    p.lookAlikes,
  );
}

/** PostgreSQL's row estimates (from its statistics; nothing is read): all published, after filters, and matches. */
export type MatchEstimates = { published: number; filtered: number; all: number; name: number; summary: number };

/**
 * Asks the planner how many rows it expects, for the published set, the filtered set, and the matches in the
 * name, the summary (name, pitch, themes) and the whole profile: one EXPLAIN, planning only. Its row estimates
 * are good (statistics of words and filter values); its cost model is what the service replaces.
 */
export async function estimateMatches(db: DbOrTx, p: { q: string | null; filters: DirectoryFilters }): Promise<MatchEstimates> {
  const where = filterConditions(p.filters);
  const tq = p.q ? tsQuery(p.q) : null;
  const parts = [
    sql`(SELECT 1 FROM organisations o WHERE o.status = 'published')`,
    sql`(SELECT 1 FROM organisations o WHERE ${where})`,
    ...(tq
      ? [
          sql`(SELECT 1 FROM organisations o WHERE ${where} AND o.search_vector @@ ${tq})`,
          sql`(SELECT 1 FROM organisations o WHERE ${where} AND o.name_vector @@ ${tq})`,
          sql`(SELECT 1 FROM organisations o WHERE ${where} AND o.summary_vector @@ ${tq})`,
        ]
      : []),
  ];
  const result = await db.execute(sql`EXPLAIN (FORMAT JSON) SELECT ${sql.join(parts, sql`, `)}`);
  const raw = (result.rows[0] as Record<string, unknown>)['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
  const rows = new Map<number, number>();
  for (const sub of plan[0].Plan.Plans ?? []) {
    const n = /InitPlan (\d+)/.exec(sub['Subplan Name'] ?? '')?.[1];
    if (n) rows.set(Number(n), sub['Plan Rows']);
  }
  const at = (i: number) => rows.get(i) ?? 0;
  return { published: at(1), filtered: at(2), all: tq ? at(3) : at(2), name: tq ? at(4) : 0, summary: tq ? at(5) : 0 };
}

type PlanNode = { 'Plan Rows': number; 'Subplan Name'?: string; Plans?: PlanNode[] };

export type LookAlikeRow = SummaryRow & { similarity: number };

/**
 * Organisations whose name looks like the text (pg_trgm strict word similarity, so one typo in a name word still
 * finds it), at most `limit`. Only the trigram GIN index bounds this work: the OFFSET 0 fence keeps the LIMIT out
 * of the inner plan, which PostgreSQL would otherwise answer by testing similarity row by row along an index.
 */
export async function findNameLookAlikes(
  db: DbOrTx,
  p: { text: string; filters: DirectoryFilters; limit: number; withCertifications?: boolean },
): Promise<LookAlikeRow[]> {
  return rowsOf<LookAlikeRow>(db, lookAlikeSelect(p));
}

/** The look-alike statement; `when` is an extra condition without row values (PostgreSQL tests it once, first). */
function lookAlikeSelect(p: { text: string; filters: DirectoryFilters; limit: number; withCertifications?: boolean }, when?: SQL): SQL {
  const text = sql`ir_unaccent(lower(${p.text}))`;
  const extra = p.withCertifications ? sql`, ${CERTIFICATIONS_JSON}` : sql``;
  return sql`SELECT * FROM (SELECT ${SUMMARY_COLUMNS}${extra}, strict_word_similarity(${text}, o.search_name)::float8 AS similarity
          FROM organisations o WHERE ${when ? sql`${when} AND ` : sql``}${filterConditions(p.filters)} AND o.search_name %>> ${text} OFFSET 0) m
        LIMIT ${p.limit}`;
}
