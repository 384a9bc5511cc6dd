import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { ServiceContext } from '../../web/types.ts';
import { findNameLookAlikes, type DirectoryFilters, type DirectorySortKey, type SummaryRow, type LookAlikeRow } from './directory.queries.ts';
import { findCertifications, findPublishedBySlug, findPublishedLogo, type CertificationRow, type LogoRow, type ProfileRow } from './directory.profile.queries.ts';
import { cachedEstimates, listingPicked, orderedMatchPage, relevancePage } from './directory.plan.ts';
import { organisations } from './directory.schema.ts';
import { effectiveSort, type DirectorySearchParams, type DirectorySort } from './directory.validation.ts';

/** Counts stop here: beyond it the page says "more than 100" (see docs/decisions/0003-directory-search.md). */
export const COUNT_CAP = 100;
/** When the full text finds nothing, at most this many names that look like the search text are shown (typo tolerance). */
export const FUZZY_LIMIT = 50;

export type DirectorySearchResult = {
  items: SummaryRow[];
  /** Exact when totalIsExact; otherwise a lower bound (COUNT_CAP). */
  total: number;
  totalIsExact: boolean;
  page: number;
  pageSize: number;
  /** The last page when the total is exact, else null. */
  lastPage: number | null;
  hasNext: boolean;
  sort: DirectorySort;
  q: string | null;
};

/** How many organisations are published (for the home page figures). */
export async function countPublishedOrganisations(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organisations).where(eq(organisations.status, 'published'));
  return row.n;
}

const filtersOf = (p: DirectorySearchParams): DirectoryFilters => ({
  municipality: p.gemeente,
  themes: p.thema,
  sdgs: p.sdg,
  certification: p.certificering,
});

/**
 * The text for websearch_to_tsquery. Quotes and hyphens inside words would make phrase queries ("a" <-> "b"),
 * which only the large TOASTed full vector can check, row by row; they become plain words (AND) instead.
 * "or" and a leading "-" (not) keep their websearch meaning.
 */
export const fullTextInput = (q: string) => q.replace(/"/g, ' ').replace(/([\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu, '$1 ');

/** A negation makes "the name (or summary) matches" no proof that the whole profile matches. */
const needsFullCheck = (text: string) => /(^|\s)-/.test(text);

/** Trigram look-alikes only for short texts with some letters: names are short, and empty trigram sets scan everything. */
function fuzzyTextFor(q: string): string | null {
  const letters = q.replace(/[^\p{L}\p{N}]/gu, '');
  return letters.length >= 3 && q.length <= 60 ? q.toLowerCase() : null;
}

const byName = (a: SummaryRow, b: SummaryRow) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byNewest = (a: SummaryRow, b: SummaryRow) =>
  (b.publishedAt?.getTime() ?? -Infinity) - (a.publishedAt?.getTime() ?? -Infinity) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const byRelevance = (a: LookAlikeRow, b: LookAlikeRow) => b.similarity - a.similarity || byName(a, b);

/** Searches the published directory: full text (Dutch, accent-free), filters, sort, one page, and a capped count. */
export async function searchDirectory(
  ctx: Pick<ServiceContext, 'db'>,
  params: DirectorySearchParams,
  options: { withCertifications?: boolean } = {},
): Promise<DirectorySearchResult> {
  const typed = params.q ? params.q : null;
  const q = typed ? fullTextInput(typed) : null;
  const filters = filtersOf(params);
  const sort = effectiveSort(params);
  const { page, pageSize } = params;
  const offset = (page - 1) * pageSize;
  const base = { page, pageSize, sort, q: typed };
  const fullCheck = q ? needsFullCheck(q) : false;

  // One pass in result order gives the page and the count: it stops after `limit` matches (see COUNT_CAP).
  const limit = Math.max(COUNT_CAP + 1, offset + pageSize + 1);
  const orderKey: DirectorySortKey = sort === 'nieuwste' ? 'nieuwste' : 'naam';
  const slice = { skip: offset, take: pageSize, withCertifications: options.withCertifications };
  const hasFilters = Boolean(filters.municipality || filters.themes.length || filters.sdgs.length || filters.certification);
  const estimates = q || hasFilters ? await cachedEstimates(ctx, { q, filters }) : null;
  // Typo tolerance: a statement that may find nothing also looks for names like the text, saving a round trip.
  const alikeText = q ? fuzzyTextFor(typed!) : null;
  const lookAlikes = alikeText ? { text: alikeText, filters, limit: FUZZY_LIMIT } : undefined;
  const found = !q
    ? await listingPicked(ctx, { filters, sort: orderKey, limit, ...slice }, estimates)
    : sort === 'relevantie'
      ? await relevancePage(ctx, { q, filters, limit, fullCheck, lookAlikes, ...slice }, estimates!)
      : await orderedMatchPage(ctx, { q, scope: 'all', fullCheck, filters, sort: orderKey, limit, lookAlikes, ...slice }, estimates!);

  const fuzzyText = q && found.picked === 0 ? alikeText : null;
  if (fuzzyText) {
    // No full-text match: perhaps a typo in a name. Names that look like the text, the most alike first.
    const rows =
      found.lookAlikes ?? (await findNameLookAlikes(ctx.db, { text: fuzzyText, filters, limit: FUZZY_LIMIT, withCertifications: options.withCertifications }));
    rows.sort(sort === 'relevantie' ? byRelevance : sort === 'naam' ? byName : byNewest);
    const total = rows.length;
    return {
      ...base,
      items: rows.slice(offset, offset + pageSize),
      total,
      totalIsExact: true,
      lastPage: Math.max(1, Math.ceil(total / pageSize)),
      hasNext: offset + pageSize < total,
    };
  }

  const totalIsExact = found.picked < limit && found.picked <= COUNT_CAP;
  const total = totalIsExact ? found.picked : COUNT_CAP;
  return {
    ...base,
    items: found.rows,
    total,
    totalIsExact,
    lastPage: totalIsExact ? Math.max(1, Math.ceil(total / pageSize)) : null,
    hasNext: found.picked > offset + pageSize,
  };
}

export type PublishedProfile = { organisation: ProfileRow; certifications: CertificationRow[] };

/** A published organisation with its certifications; not_found for unknown or unpublished slugs. */
export async function getPublishedProfile(ctx: Pick<ServiceContext, 'db'>, slug: string): Promise<PublishedProfile> {
  const organisation = await findPublishedBySlug(ctx.db, slug);
  if (!organisation) throw new AppError('not_found', 'directory.profile.notFound');
  return { organisation, certifications: await findCertifications(ctx.db, organisation.id) };
}

/** The logo bytes of a published organisation; not_found otherwise. */
export async function getPublishedLogo(ctx: Pick<ServiceContext, 'db'>, slug: string): Promise<LogoRow> {
  const logo = await findPublishedLogo(ctx.db, slug);
  if (!logo) throw new AppError('not_found', 'directory.profile.notFound');
  return logo;
}
