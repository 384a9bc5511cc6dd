import type { ServiceContext } from '../../web/types.ts';
import { NAME_BUCKET_BOUNDARIES } from './directory.schema.ts';
import {
  bucketedIndexPage,
  estimateMatches,
  indexPage,
  indexTieredPage,
  listingPage,
  listingPageFromIndex,
  walkPage,
  type DirectoryFilters,
  type DirectorySortKey,
  type LookAlikeParams,
  type MatchEstimates,
  type MatchScope,
  type PickedPage,
  type Slice,
  type SummaryRow,
} from './directory.queries.ts';

/**
 * How the directory finds the first ids of a result in order. PostgreSQL's own choice is often poor here: its cost
 * model ignores that testing the full search vector means a TOAST lookup per row, and with ORDER BY ... LIMIT it
 * happily walks an index past tens of thousands of rows. So the service chooses, per step, between
 *   - a walk: rows in sort order (btree, filters checked in the index), each tested against the search; cheap
 *     when matches are common, and it stops after `limit` hits;
 *   - the index path: all matches from the combined GIN index (words and filters intersected inside the index, no
 *     TOAST reads), then sorted; cheap when matches after filters are few;
 * with PostgreSQL's row estimates (which are good) and the cost figures below (microseconds, measured with
 * EXPLAIN ANALYZE on 50,000 organisations on a 2-core machine). A walk that finds fewer matches than estimated
 * decides again with what it saw.
 * See docs/decisions/0003-directory-search.md.
 */

const COST = {
  /** one btree index entry, filters checked in the index */
  indexEntry: 0.19,
  /** one row read and tested against a small inline vector (name, summary) */
  inlineRow: 2.2,
  /** one row read and tested against the full vector (a TOAST lookup) */
  toastRow: 9,
  /** one row from a bitmap scan, later sorted */
  bitmapRow: 3,
  /** one more statement: a database round trip, planning, and the Node side of it */
  statement: 600,
  /** one GIN posting entry (the combined GIN index intersects the word and filter postings before any row is read) */
  postingEntry: 0.07,
  /** one stretch of the bucketed index path: a GIN scan of the stretch, plus `stretchPosting` per posting of the word */
  stretchProbe: 40,
  stretchPosting: 0.02,
};

/** How many stretches the sort order is cut into (the names' buckets; months of publication, a rough guess). */
const STRETCHES = { naam: NAME_BUCKET_BOUNDARIES.length + 1, nieuwste: 100 } as const;

/** Below this share of rows passing the filters, a walk drops rows in the index before reading any. */
const SELECTIVE_FILTERS = 0.5;

/** A walk may examine this many times the rows the estimate says it needs. */
const WALK_MARGIN = 2.5;

/** Walks examine at most this many rows before the index path takes over. */
const WALK_MAX_ROWS = 20_000;

type Estimate = { share: number; matches: number; filteredShare: number; published: number };

function walkCost(e: Estimate, limit: number, rowCost: number): number {
  const share = Math.max(e.share, 1e-6);
  return (limit / share) * rowCost + (limit / (share * Math.max(e.filteredShare, 1e-6))) * COST.indexEntry;
}

/**
 * The combined GIN index (search vectors and filter columns in one index) intersects the postings of the words
 * and the filters inside the index, so only the final matches are read: the posting lists of the word are walked
 * (cheap), the rows of the matches after filters are read (not TOASTed vectors, no recheck for plain queries).
 */
function indexCost(e: Estimate): number {
  return (e.matches / Math.max(e.filteredShare, 1e-6)) * COST.postingEntry + e.matches * COST.bitmapRow;
}

/**
 * The bucketed index path (bucketedIndexPage) reads stretch after stretch of the sort order until `limit` matches
 * are in: about one stretch's share of the matches more than needed, and one GIN scan per stretch (each walks the
 * word's postings, so this path suits many matches but not words that are everywhere, where a walk is cheaper).
 */
function bucketedCost(e: Estimate, limit: number, sort: DirectorySortKey): number {
  const stretches = STRETCHES[sort];
  const matches = Math.max(e.matches, 1);
  const probes = Math.min(stretches, 1 + Math.ceil((limit * stretches) / matches));
  const rows = Math.min(matches, limit + matches / stretches);
  // Each stretch's GIN scan walks the word's postings and those of the filters (a filter value's own rows: more
  // than the rows all filters leave together, hence the square root).
  const postings = matches / Math.max(e.filteredShare, 1e-6) + (e.filteredShare < 1 ? e.published * Math.sqrt(e.filteredShare) : 0);
  return probes * (COST.stretchProbe + postings * COST.stretchPosting) + rows * COST.bitmapRow;
}

/**
 * The cheaper of the two index paths for a scope in a sort order: all matches at once, or stretch by stretch.
 * Stretches only for one plain word with many matches: with several words or a negation each stretch's GIN scan
 * does much more work than the model above counts (measured: slower than reading all matches).
 */
function indexPathFor(e: Estimate, p: { q: string; fullCheck: boolean; limit: number; sort: DirectorySortKey }): { cost: number; bucketed: boolean } {
  const all = indexCost(e);
  if (p.fullCheck || /\s/.test(p.q.trim()) || e.matches < 3 * p.limit) return { cost: all, bucketed: false };
  const bucketed = bucketedCost(e, p.limit, p.sort);
  return bucketed < all ? { cost: bucketed, bucketed: true } : { cost: all, bucketed: false };
}

/** Estimated matches of each scope, after filters; tiers 1 and 2 follow from the nested vectors (name ⊂ summary ⊂ all). */
function scopeEstimate(m: MatchEstimates, scope: MatchScope): Estimate {
  const filtered = Math.max(m.filtered, 1);
  const matches =
    scope === 'all' ? m.all : scope === 0 ? m.name : scope === 1 ? Math.max(m.summary - m.name, 0) : Math.max(m.all - m.summary, 0);
  return { matches, share: Math.min(matches / filtered, 1), filteredShare: Math.min(filtered / Math.max(m.published, 1), 1), published: m.published };
}

/** `lookAlikes`: names like the text are looked for in the same statement when the index path finds nothing. */
type OrderedParams = { q: string; scope: MatchScope; fullCheck: boolean; filters: DirectoryFilters; sort: DirectorySortKey; limit: number; lookAlikes?: LookAlikeParams } & Slice;

const rowCostOf = (scope: MatchScope, fullCheck: boolean) => (scope === 0 || scope === 1 ? (fullCheck ? COST.toastRow : COST.inlineRow) : COST.toastRow);

/** The index path (all at once or stretch by stretch, whichever is cheaper for these estimates) for a scope. */
function indexPathPage(ctx: Pick<ServiceContext, 'db'>, p: OrderedParams, e: Estimate): Promise<PickedPage> {
  return indexPathFor(e, p).bucketed ? bucketedIndexPage(ctx.db, p) : indexPage(ctx.db, p);
}

/** The first `limit` matches of one scope in sort order (counted) and the wanted slice as rows, by the cheapest of walk and index paths. */
export async function orderedMatchPage(ctx: Pick<ServiceContext, 'db'>, p: OrderedParams, estimates: MatchEstimates): Promise<PickedPage> {
  const e = scopeEstimate(estimates, p.scope);
  if (indexPathFor(e, p).cost <= walkCost(e, p.limit, rowCostOf(p.scope, p.fullCheck))) return indexPathPage(ctx, p, e);
  return walkThenIndex(ctx, p, estimates, (seen) => indexPathPage(ctx, p, seen));
}

/**
 * Walks while matches turn out common enough; when a walk finds fewer than estimated, decides again with the
 * share it saw, and hands over to `fallback` (an index path) when walking on would cost more.
 */
async function walkThenIndex(
  ctx: Pick<ServiceContext, 'db'>,
  p: OrderedParams,
  estimates: MatchEstimates,
  fallback: (seen: Estimate) => Promise<PickedPage>,
): Promise<PickedPage> {
  const e = scopeEstimate(estimates, p.scope);
  const rowCost = rowCostOf(p.scope, p.fullCheck);
  // A walk stops as soon as it has `limit` matches, so a generous budget costs nothing when the estimate holds, and
  // saves a second statement when PostgreSQL's estimate of the matches is too high (common with filters).
  let rows = Math.min(WALK_MAX_ROWS, Math.max(p.limit, Math.ceil((p.limit / Math.max(e.share, 1e-6)) * WALK_MARGIN)));
  let seen = e;
  for (let attempt = 0; attempt < 2; attempt++) {
    const walk = await walkPage(ctx.db, { ...p, rows, selectiveFilters: e.filteredShare < SELECTIVE_FILTERS });
    if (walk.picked >= p.limit) return { ...walk, picked: p.limit };
    if (walk.examined < rows) return walk; // every row that passes the filters was examined
    const share = walk.picked / walk.examined;
    seen = { ...e, share, matches: share * Math.max(estimates.filtered, walk.examined) };
    const next = Math.ceil((p.limit / Math.max(share, 1e-6)) * 1.3);
    if (share === 0 || next > WALK_MAX_ROWS || indexPathFor(seen, p).cost <= walkCost(seen, p.limit, rowCost)) break;
    rows = next;
  }
  return fallback(seen);
}

/**
 * The first `limit` matches in relevance order, tier by tier (name, summary, rest; each in name order), and the
 * wanted slice as rows. Tiers with many matches are walked one by one (a broad search stops in the first tiers);
 * from the first tier that is better read from the GIN index, all remaining tiers come in one index pass.
 */
export async function relevancePage(
  ctx: Pick<ServiceContext, 'db'>,
  p: { q: string; filters: DirectoryFilters; limit: number; fullCheck: boolean; lookAlikes?: LookAlikeParams } & Slice,
  estimates: MatchEstimates,
): Promise<PickedPage> {
  let picked = 0;
  let lookAlikes: PickedPage['lookAlikes'];
  const rows: SummaryRow[] = [];
  for (const tier of [0, 1, 2] as const) {
    // Look-alikes only with a statement that covers every remaining tier while nothing was found yet.
    const alike = picked === 0 ? p.lookAlikes : undefined;
    const rest = { ...p, limit: p.limit - picked, skip: Math.max(0, p.skip - picked), take: p.take - rows.length, lookAlikes: tier === 2 ? alike : undefined };
    const fromIndex = async (): Promise<PickedPage> => ({ ...(await indexTieredPage(ctx.db, { ...rest, fromTier: tier, lookAlikes: alike })), coversLaterTiers: true });
    const one = scopeEstimate(estimates, tier);
    // The one-pass index path reads the matches of this tier and all later ones.
    const later = scopeEstimate({ ...estimates, summary: tier === 0 ? 0 : tier === 1 ? estimates.name : estimates.summary }, 2);
    const walk = walkCost(one, rest.limit, rowCostOf(tier, p.fullCheck));
    const tierParams: OrderedParams = { ...rest, scope: tier, sort: 'naam' };
    const index = indexPathFor(one, tierParams).cost;
    // Reading this tier alone costs at least one more statement for the later tiers when it will not fill the page.
    const alone = Math.min(walk, index) + (one.matches < rest.limit && tier < 2 ? COST.statement : 0);
    const page =
      indexCost(later) <= alone
        ? await fromIndex()
        : index <= walk
          ? await indexPathPage(ctx, tierParams, one)
          : await walkThenIndex(ctx, tierParams, estimates, (seen) => indexPathPage(ctx, tierParams, seen));
    rows.push(...page.rows);
    picked += page.picked;
    lookAlikes = page.lookAlikes;
    // An index pass over the later tiers covers them all; otherwise only this tier was read.
    if (picked >= p.limit || page.coversLaterTiers) break;
  }
  return { picked, examined: 0, rows, lookAlikes };
}

/** A listing without search text: walk the sort index, or read the filter indexes when the filters leave few rows. */
export async function listingPicked(
  ctx: Pick<ServiceContext, 'db'>,
  p: { filters: DirectoryFilters; sort: DirectorySortKey; limit: number } & Slice,
  estimates: MatchEstimates | null,
): Promise<PickedPage> {
  if (estimates) {
    const filteredShare = Math.min(estimates.filtered / Math.max(estimates.published, 1), 1);
    const walk = (p.limit / Math.max(filteredShare, 1e-6)) * COST.indexEntry;
    const index = estimates.filtered * COST.bitmapRow + estimates.published * COST.postingEntry * 0.2;
    if (index < walk) return listingPageFromIndex(ctx.db, p);
  }
  return listingPage(ctx.db, p);
}

/**
 * Estimates steer only the choice of access path, never the results, so they may be a little old: a small cache
 * per process saves the planning round trip for repeated searches.
 */
const ESTIMATE_TTL_MS = 5 * 60_000;
const ESTIMATE_CACHE_SIZE = 2000;
/** Per database (tests run several side by side in one process), per search. */
const estimateCaches = new WeakMap<object, Map<string, { at: number; value: MatchEstimates }>>();

/** PostgreSQL's row estimates for a search, cached briefly (see above). */
export async function cachedEstimates(
  ctx: Pick<ServiceContext, 'db'>,
  p: { q: string | null; filters: DirectoryFilters },
  now = Date.now(),
): Promise<MatchEstimates> {
  let estimateCache = estimateCaches.get(ctx.db);
  if (!estimateCache) estimateCaches.set(ctx.db, (estimateCache = new Map()));
  const key = JSON.stringify([p.q, p.filters.municipality ?? '', p.filters.themes, p.filters.sdgs, p.filters.certification ?? '']);
  const hit = estimateCache.get(key);
  if (hit && now - hit.at < ESTIMATE_TTL_MS) return hit.value;
  const value = await estimateMatches(ctx.db, p);
  estimateCache.delete(key);
  estimateCache.set(key, { at: now, value });
  // Map keeps insertion order: the first key is the oldest.
  if (estimateCache.size > ESTIMATE_CACHE_SIZE) estimateCache.delete(estimateCache.keys().next().value!);
  return value;
}
