import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { region } from '../../src/data/reference.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { demoLoginsIn, hasDemoData } from '../../src/features/demo/demo.seed.ts';
import { loadScaleSet, scaleState, seedScaleData } from '../../src/features/demo/scale.seed.ts';
import { createTestDatabase } from '../helpers/test-app.ts';

const NOW = new Date('2026-11-28T10:00:00.000Z');

describe('national-scale synthetic set', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let loaded: Awaited<ReturnType<typeof loadScaleSet>>;

  before(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    db = createDb(database.url, { max: 2 });
    loaded = await loadScaleSet(db, { organisations: 300, now: NOW, batchSize: 128 });
  });
  after(async () => {
    await db.$client.end();
    await drop();
  });

  test('loads the asked number of organisations, nearly all published, all labelled demo', async () => {
    assert.equal(loaded.action, 'loaded');
    const { rows } = await db.$client.query<{ n: number; published: number; demo: number; slugs: number; kvks: number }>(
      `select count(*)::int n, count(*) filter (where status = 'published')::int published, count(*) filter (where is_demo)::int demo,
              count(distinct slug)::int slugs, count(distinct kvk_number)::int kvks from organisations`,
    );
    assert.deepEqual(rows[0], { n: 300, published: rows[0].published, demo: 300, slugs: 300, kvks: 300 });
    assert.ok(rows[0].published >= 280 && rows[0].published < 300, `published: ${rows[0].published}`);
    assert.deepEqual(await scaleState(db), { kind: 'scale', organisations: 300, seed: (await scaleState(db) as { seed: number }).seed });
    assert.equal(await hasDemoData(db), true, 'the synthetic organisations are labelled as demo data');
    assert.deepEqual(await demoLoginsIn(db), [], 'but there are no demo logins to print');
  });

  test('spreads over every municipality, theme, SDG and certification, with valid KvK numbers and postcodes', async () => {
    const one = async (q: string) => (await db.$client.query<{ v: string[] | number[] }>(q)).rows[0].v;
    const municipalities = await one('select array_agg(distinct municipality_slug) v from organisations');
    assert.deepEqual([...municipalities].sort(), region.municipalities.map((m) => m.slug).sort());
    assert.equal((await one('select array_agg(distinct t) v from organisations, unnest(theme_slugs) t')).length, 12);
    assert.equal((await one('select array_agg(distinct s) v from organisations, unnest(sdgs) s')).length, 17);
    assert.equal((await one('select array_agg(distinct c) v from organisations, unnest(certification_codes) c')).length, 5);
    const { rows: bad } = await db.$client.query(
      `select slug from organisations where kvk_number !~ '^[0-9]{8}$' or postcode !~ '^[1-9][0-9]{3} [A-Z]{2}$' or postcode ~ ' S[ADS]$'
          or cardinality(theme_slugs) = 0 or cardinality(sdgs) = 0 or description like '%{%'`,
    );
    assert.deepEqual(bad, []);
    const { rows: certs } = await db.$client.query<{ a: number; b: number }>(
      `select (select count(*)::int from organisation_certifications) a, (select coalesce(sum(cardinality(certification_codes)), 0)::int from organisations) b`,
    );
    assert.equal(certs[0].a, certs[0].b, 'certification rows match the codes');
    const { rows: noConsent } = await db.$client.query(
      `select id from organisations o where status = 'published' and not exists (select 1 from publish_consents c where c.organisation_id = o.id and c.withdrawn_at is null)`,
    );
    assert.deepEqual(noConsent, []);
  });

  test('broad words match most rows and rare words only a few (what the search benchmark needs)', async () => {
    const matches = async (word: string) =>
      (await db.$client.query<{ n: number }>(
        `select count(*)::int n from organisations where to_tsvector('dutch', ir_unaccent(name || ' ' || pitch || ' ' || description || ' ' || offer)) @@ plainto_tsquery('dutch', ir_unaccent($1))`,
        [word],
      )).rows[0].n;
    const broad = await matches('duurzaam');
    assert.ok(broad > 150, `duurzaam matches ${broad} of 300`);
    const { rows } = await db.$client.query<{ word: string; n: number }>(
      `select w word, count(*)::int n from organisations, regexp_matches(description, 'Bekend om onze ([a-z]+)\\.') m(a), lateral (select a[1] w) x group by w`,
    );
    assert.ok(rows.length > 50, 'many distinct rare words');
    const rare = rows[0].word;
    const rareCount = await matches(rare);
    assert.ok(rareCount >= 1 && rareCount < 20, `${rare} matches ${rareCount}`);
    const { rows: names } = await db.$client.query<{ n: number }>('select count(distinct name)::int n from organisations');
    assert.ok(names[0].n > 200, `varied names: ${names[0].n}`);
  });

  test('is deterministic for a seed, keeps a set of the same size, and refuses a database with other data', async () => {
    const again = await loadScaleSet(db, { organisations: 300, now: NOW });
    assert.deepEqual(again, { action: 'kept', organisations: 300 });

    const other = await createTestDatabase();
    const db2 = createDb(other.url, { max: 2 });
    try {
      await seedScaleData(db2, { organisations: 300, now: NOW, batchSize: 1000 });
      const cols = 'slug, name, municipality_slug, postcode, status, description, theme_slugs, sdgs, certification_codes, created_at';
      const a = (await db.$client.query(`select ${cols} from organisations order by slug`)).rows;
      const b = (await db2.$client.query(`select ${cols} from organisations order by slug`)).rows;
      assert.deepEqual(b, a, 'same rows whatever the batch size');

      await db2.$client.query("insert into users (email, password_hash, name) values ('echt@example.org', 'x', 'Echt')");
      await assert.rejects(loadScaleSet(db2, { organisations: 10 }), /did not make/);
      const { rows } = await db2.$client.query<{ n: number }>('select count(*)::int n from organisations');
      assert.equal(rows[0].n, 300, 'nothing was deleted');
    } finally {
      await db2.$client.end();
      await other.drop();
    }
  });

  test('a different size replaces the set', async () => {
    const replaced = await loadScaleSet(db, { organisations: 120, now: NOW });
    assert.equal(replaced.action, 'loaded');
    const { rows } = await db.$client.query<{ n: number }>('select count(*)::int n from organisations');
    assert.equal(rows[0].n, 120);
  });
});
