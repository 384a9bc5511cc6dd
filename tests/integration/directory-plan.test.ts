import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { orderedMatchPage, relevancePage } from '../../src/features/directory/directory.plan.ts';
import {
  bucketedIndexPage,
  indexPage,
  indexTieredPage,
  listingPage,
  listingPageFromIndex,
  walkPage,
  type DirectoryFilters,
  type MatchEstimates,
} from '../../src/features/directory/directory.queries.ts';
import { organisations } from '../../src/features/directory/directory.schema.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

/**
 * The search may reach the same answer by different access paths (walk in sort order, GIN index, one index pass
 * over all relevance tiers). Whatever path the cost model picks, the results must be identical: these tests run
 * every path on the same data and compare.
 */
describe('directory access paths give the same results', () => {
  let t: TestContext;
  const none: DirectoryFilters = { themes: [], sdgs: [] };
  const filterSets: DirectoryFilters[] = [
    none,
    { municipality: 'emmen', themes: [], sdgs: [] },
    { themes: ['energie', 'wonen'], sdgs: [] },
    { themes: [], sdgs: [7, 13], certification: 'pso' },
  ];
  const queries = ['duurzaam', 'zorg', 'fiets', 'zorg -fiets', 'energie or wonen', 'koffie bakkerij', 'zeldzaam'];
  const ids = (p: { rows: Array<{ id: string }> }) => p.rows.map((r) => r.id);

  before(async () => {
    t = await createTestContext();
    // 400 organisations with words spread over name, pitch, themes and description, so every tier has members.
    await t.db.execute(sql`
      INSERT INTO ${organisations} (slug, name, municipality_slug, pitch, description, theme_slugs, sdgs, certification_codes, status, published_at)
      SELECT 'p-' || g,
             (ARRAY['Duurzaam', 'Zorg', 'Fiets', 'Koffie', 'Groen', 'Buurt'])[1 + g % 6] || ' ' || (ARRAY['Werkplaats', 'Bakkerij', 'Huis', 'Lab'])[1 + g % 4] || ' ' || g,
             (ARRAY['emmen', 'coevorden', 'hoogeveen'])[1 + g % 3],
             (ARRAY['Wij doen zorg.', 'Fietsen maken.', 'Duurzame koffie.', 'Iets anders.', 'Energie voor de buurt.'])[1 + g % 5],
             (ARRAY['Duurzaam werken.', 'Zorg en fiets.', 'Zeldzaam woord.', 'Bakkerij aan huis.', ''])[1 + (g * 7) % 5],
             CASE g % 4 WHEN 0 THEN ARRAY['energie'] WHEN 1 THEN ARRAY['wonen'] WHEN 2 THEN ARRAY['zorg-en-welzijn'] ELSE ARRAY['voedsel', 'energie'] END,
             CASE g % 3 WHEN 0 THEN ARRAY[7]::smallint[] WHEN 1 THEN ARRAY[13]::smallint[] ELSE ARRAY[3, 8]::smallint[] END,
             CASE WHEN g % 5 = 0 THEN ARRAY['pso'] ELSE '{}'::text[] END,
             CASE WHEN g % 17 = 0 THEN 'draft' ELSE 'published' END::organisation_status,
             timestamptz '2025-01-01' + (g * 37 % 400) * interval '1 day'
      FROM generate_series(1, 400) g`);
    // Names at the edges of the name stretches (digits, quotes, accents, "de ", "st"), all matching "zorg".
    await t.db.execute(sql`
      INSERT INTO ${organisations} (slug, name, municipality_slug, pitch, theme_slugs, status, published_at)
      SELECT 'edge-' || i, n, 'emmen', 'Zorg in de buurt.', ARRAY['energie'], 'published', timestamptz '2024-06-01' + i * interval '20 days'
      FROM unnest(ARRAY['3D Zorglab', '''t Zorghuis', 'Ärztezorg', 'De Zorgboerderij', 'Dezorg', 'Stichting Zorg', 'Studio Zorg', 'Sus Zorg', 'Zzorg', 'b', 'De ']) WITH ORDINALITY AS x(n, i)`);
    await t.db.execute(sql`ANALYZE ${organisations}`);
  });
  after(async () => {
    await t.close();
  });

  test('walk and GIN index path agree for every scope, sort, filter set and query', async () => {
    let compared = 0;
    for (const filters of filterSets) {
      for (const q of queries) {
        const fullCheck = /(^|\s)-/.test(q);
        for (const scope of ['all', 0, 1, 2] as const) {
          for (const sort of ['naam', 'nieuwste'] as const) {
            const base = { q, scope, fullCheck, filters, sort, skip: 0, take: 500 };
            const walked = await walkPage(t.db, { ...base, rows: 10_000 });
            const indexed = await indexPage(t.db, { ...base, limit: 10_000 });
            assert.deepEqual(ids(walked), ids(indexed), `${q} ${scope} ${sort} ${JSON.stringify(filters)}`);
            assert.equal(walked.picked, indexed.picked);
            compared += walked.picked;
          }
        }
      }
    }
    assert.ok(compared > 1000, 'the comparison covered real matches');
  });

  test('the bucketed index path (stretch by stretch) equals the index path, also when it stops early', async () => {
    let compared = 0;
    for (const filters of filterSets) {
      for (const q of queries) {
        const fullCheck = /(^|\s)-/.test(q);
        for (const scope of ['all', 0, 1, 2] as const) {
          for (const sort of ['naam', 'nieuwste'] as const) {
            for (const [limit, skip, take] of [[10_000, 0, 500], [41, 20, 20], [6, 0, 5]] as const) {
              const base = { q, scope, fullCheck, filters, sort, limit, skip, take };
              const indexed = await indexPage(t.db, base);
              const bucketed = await bucketedIndexPage(t.db, base);
              assert.deepEqual(ids(bucketed), ids(indexed), `${q} ${scope} ${sort} ${limit}/${skip} ${JSON.stringify(filters)}`);
              assert.equal(bucketed.picked, indexed.picked);
              compared += bucketed.rows.length;
            }
          }
        }
      }
    }
    assert.ok(compared > 1000, 'the comparison covered real matches');
  });

  test('the one-pass tiered index path equals the tiers read one by one', async () => {
    for (const filters of filterSets) {
      for (const q of queries) {
        const fullCheck = /(^|\s)-/.test(q);
        const tiers = [];
        for (const scope of [0, 1, 2] as const) tiers.push(...ids(await indexPage(t.db, { q, scope, fullCheck, filters, sort: 'naam', limit: 10_000, skip: 0, take: 500 })));
        const onePass = await indexTieredPage(t.db, { q, fromTier: 0, fullCheck, filters, limit: 10_000, skip: 0, take: 500 });
        assert.deepEqual(ids(onePass), tiers, `${q} ${JSON.stringify(filters)}`);
        const fromSecond = await indexTieredPage(t.db, { q, fromTier: 1, fullCheck, filters, limit: 10_000, skip: 0, take: 500 });
        const first = (await indexPage(t.db, { q, scope: 0, fullCheck, filters, sort: 'naam', limit: 10_000, skip: 0, take: 500 })).picked;
        assert.deepEqual(ids(fromSecond), tiers.slice(first));
        // every tier member matches the whole profile: the tiers split the full matches exactly
        const all = await indexPage(t.db, { q, scope: 'all', fullCheck, filters, sort: 'naam', limit: 10_000, skip: 0, take: 500 });
        assert.deepEqual([...tiers].sort(), ids(all).sort());
      }
    }
  });

  test('listing by walk and by filter index agree; slices and counts are consistent', async () => {
    for (const filters of filterSets) {
      for (const sort of ['naam', 'nieuwste'] as const) {
        const walked = await listingPage(t.db, { filters, sort, limit: 10_000, skip: 0, take: 500 });
        const indexed = await listingPageFromIndex(t.db, { filters, sort, limit: 10_000, skip: 0, take: 500 });
        assert.deepEqual(ids(walked), ids(indexed));
        const slice = await listingPage(t.db, { filters, sort, limit: 30, skip: 10, take: 5 });
        assert.equal(slice.picked, Math.min(30, walked.picked));
        assert.deepEqual(ids(slice), ids(walked).slice(10, 15));
      }
    }
  });

  test('the planner-driven functions return the same pages whatever the estimates make them choose', async () => {
    const published = (await t.db.execute(sql`SELECT count(*)::int AS n FROM ${organisations} WHERE status = 'published'`)).rows[0].n as number;
    // "Everything matches" pushes towards walks; "almost nothing matches" towards the index paths.
    const broad: MatchEstimates = { published, filtered: published, all: published, name: published, summary: published };
    const narrow: MatchEstimates = { published, filtered: published, all: 1, name: 0, summary: 0 };
    for (const filters of filterSets) {
      for (const q of queries) {
        const fullCheck = /(^|\s)-/.test(q);
        for (const [limit, skip, take] of [[101, 0, 20], [41, 20, 20], [6, 0, 5]] as const) {
          const a = await relevancePage(t, { q, filters, limit, fullCheck, skip, take }, broad);
          const b = await relevancePage(t, { q, filters, limit, fullCheck, skip, take }, narrow);
          assert.deepEqual(ids(a), ids(b), `relevance ${q} ${JSON.stringify(filters)} ${limit}/${skip}`);
          assert.equal(a.picked, b.picked);
          for (const sort of ['naam', 'nieuwste'] as const) {
            const c = await orderedMatchPage(t, { q, scope: 'all', fullCheck, filters, sort, limit, skip, take }, broad);
            const d = await orderedMatchPage(t, { q, scope: 'all', fullCheck, filters, sort, limit, skip, take }, narrow);
            assert.deepEqual(ids(c), ids(d), `${sort} ${q} ${JSON.stringify(filters)} ${limit}/${skip}`);
            assert.equal(c.picked, d.picked);
          }
        }
      }
    }
  });
});
