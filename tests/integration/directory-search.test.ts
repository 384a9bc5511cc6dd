import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { organisations } from '../../src/features/directory/directory.schema.ts';
import { COUNT_CAP } from '../../src/features/directory/directory.service.ts';
import { createOrganisation } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

type ApiList = { items: Array<{ slug: string; name: string }>; total: number; totalIsExact: boolean; page: number; pageSize: number };

/**
 * Search semantics through the JSON API (same service and schema as the HTML page): Dutch stemming, accents,
 * typos, filters, sorts, paging, counting, and that only published organisations are ever found.
 */
describe('directory search', () => {
  let t: TestContext;
  const api = async (query: string): Promise<ApiList> => {
    const res = await t.app.request(`/api/v1/ondernemers?${query}`);
    assert.equal(res.status, 200, `GET ?${query} -> ${res.status}: ${await res.clone().text()}`);
    return (await res.json()) as ApiList;
  };
  const slugs = async (query: string) => (await api(query)).items.map((o) => o.slug);

  before(async () => {
    t = await createTestContext();
    const db = t.db;
    await createOrganisation(db, { slug: 'groene-stroom', name: 'Groene Stroom Coöperatie', pitch: 'Zonnepanelen op daken in het dorp.', description: 'Wij werken duurzaam en lokaal.', municipalitySlug: 'coevorden', themeSlugs: ['energie'], sdgs: [7, 13], certificationCodes: ['b-corp'], publishedAt: new Date('2026-03-01T00:00:00Z') });
    await createOrganisation(db, { slug: 'cafe-de-brink', name: 'Café De Brink', pitch: 'Koffie en werk voor iedereen.', municipalitySlug: 'emmen', themeSlugs: ['inclusief-werk', 'voedsel'], sdgs: [8], certificationCodes: ['pso'], publishedAt: new Date('2026-02-01T00:00:00Z') });
    await createOrganisation(db, { slug: 'cafe-noord', name: 'Cafe Noord', pitch: 'Een plek voor de buurt.', municipalitySlug: 'hoogeveen', themeSlugs: ['leefbaarheid'], sdgs: [11], publishedAt: new Date('2026-01-15T00:00:00Z') });
    await createOrganisation(db, { slug: 'vrolijke-kok', name: 'Bakkerij De Vrolijke Kok', pitch: 'Brood bakken met mensen die een steuntje nodig hebben.', municipalitySlug: 'emmen', themeSlugs: ['inclusief-werk'], sdgs: [8, 10], certificationCodes: ['code-sociale-ondernemingen'], publishedAt: new Date('2026-04-01T00:00:00Z') });
    await createOrganisation(db, { slug: 'zorgboerderij', name: 'Zorgboerderij Het Veld', pitch: 'Dagbesteding op de boerderij.', impactTargetGroup: 'Ouderen met dementie', municipalitySlug: 'borger-odoorn', themeSlugs: ['zorg-en-welzijn'], sdgs: [3], publishedAt: new Date('2025-12-01T00:00:00Z') });
    // The word "fietsherstel" sits in a different field of each: name, pitch, themes-free description, offer.
    await createOrganisation(db, { slug: 'rel-omschrijving', name: 'Aaa Omschrijving', pitch: 'Iets anders.', description: 'Wij doen ook fietsherstel.' });
    await createOrganisation(db, { slug: 'rel-pitch', name: 'Bbb Pitch', pitch: 'Snelle fietsherstel in de wijk.' });
    await createOrganisation(db, { slug: 'rel-naam', name: 'Zzz Fietsherstel', pitch: 'Iets anders.' });
    await createOrganisation(db, { slug: 'rel-aanbod', name: 'Ccc Aanbod', pitch: 'Iets anders.', offer: 'Wij bieden fietsherstel aan bedrijven.' });
    // Never visible: every status except published, each with the words the tests search for.
    for (const status of ['draft', 'in_review', 'rejected', 'archived'] as const) {
      await createOrganisation(db, { slug: `verborgen-${status}`, name: `Verborgen Duurzaam ${status}`, pitch: 'Duurzaam fietsherstel café.', status, municipalitySlug: 'emmen', themeSlugs: ['energie'], sdgs: [7, 8], certificationCodes: ['pso'] });
    }
  });
  after(async () => {
    await t.close();
  });

  test('Dutch stemming: "duurzame" finds a profile that says "duurzaam"', async () => {
    assert.deepEqual(await slugs('q=duurzame'), ['groene-stroom']);
    assert.deepEqual(await slugs('q=DUURZAAM'), ['groene-stroom']);
  });

  test('accents do not matter in either direction', async () => {
    assert.deepEqual((await slugs('q=cafe&sort=naam')).sort(), ['cafe-de-brink', 'cafe-noord']);
    assert.deepEqual((await slugs('q=caf%C3%A9&sort=naam')).sort(), ['cafe-de-brink', 'cafe-noord']);
    assert.deepEqual(await slugs('q=cooperatie'), ['groene-stroom']);
  });

  test('a typo in a name still finds the organisation', async () => {
    assert.ok((await slugs('q=vroljke+kok')).includes('vrolijke-kok'));
    assert.ok((await slugs('q=bakkrij')).includes('vrolijke-kok'));
    assert.ok((await slugs('q=zorgboerderei')).includes('zorgboerderij'));
  });

  test('searches the impact statement and the offer, and themes as words', async () => {
    assert.deepEqual(await slugs('q=dementie'), ['zorgboerderij']);
    assert.ok((await slugs('q=fietsherstel')).includes('rel-aanbod'));
    assert.deepEqual(await slugs('q=welzijn'), ['zorgboerderij']);
  });

  test('relevance: name matches first, then pitch, then the rest (by name)', async () => {
    assert.deepEqual(await slugs('q=fietsherstel'), ['rel-naam', 'rel-pitch', 'rel-omschrijving', 'rel-aanbod']);
    assert.deepEqual(await slugs('q=fietsherstel&sort=relevantie'), ['rel-naam', 'rel-pitch', 'rel-omschrijving', 'rel-aanbod']);
    assert.deepEqual(await slugs('q=fietsherstel&sort=naam'), ['rel-omschrijving', 'rel-pitch', 'rel-aanbod', 'rel-naam']);
  });

  test('filters: municipality, theme (any of), SDG (any of), certification, and combinations', async () => {
    const f = async (q: string) => (await slugs(`${q}&sort=naam`)).filter((s) => !s.startsWith('rel-') && !s.startsWith('organisatie-'));
    assert.deepEqual(await f('gemeente=coevorden'), ['groene-stroom']);
    assert.deepEqual(await f('gemeente=emmen'), ['vrolijke-kok', 'cafe-de-brink']);
    assert.deepEqual(await f('thema=inclusief-werk'), ['vrolijke-kok', 'cafe-de-brink']);
    assert.deepEqual(await f('thema=energie&thema=zorg-en-welzijn'), ['groene-stroom', 'zorgboerderij']);
    assert.deepEqual(await f('sdg=8'), ['vrolijke-kok', 'cafe-de-brink']);
    assert.deepEqual(await f('sdg=3&sdg=13'), ['groene-stroom', 'zorgboerderij']);
    assert.deepEqual(await f('certificering=pso'), ['cafe-de-brink']);
    assert.deepEqual(await f('gemeente=emmen&sdg=10'), ['vrolijke-kok']);
    assert.deepEqual(await f('gemeente=emmen&thema=voedsel&sdg=8&certificering=pso'), ['cafe-de-brink']);
    assert.deepEqual(await f('q=koffie&gemeente=emmen'), ['cafe-de-brink']);
    assert.deepEqual(await f('q=koffie&gemeente=coevorden'), []);
    assert.deepEqual(await f('gemeente=&thema=&certificering='), ['vrolijke-kok', 'cafe-de-brink', 'cafe-noord', 'groene-stroom', 'zorgboerderij']);
  });

  test('sorts: name without q by default, newest by publication date', async () => {
    const named = await slugs('gemeente=emmen');
    assert.deepEqual(named.filter((s) => !s.startsWith('rel-') && !s.startsWith('organisatie-')), ['vrolijke-kok', 'cafe-de-brink']);
    const newest = (await slugs('sort=nieuwste&pageSize=100')).filter((s) => !s.startsWith('rel-') && !s.startsWith('organisatie-'));
    assert.deepEqual(newest, ['vrolijke-kok', 'groene-stroom', 'cafe-de-brink', 'cafe-noord', 'zorgboerderij']);
    // relevance without q falls back to name
    assert.deepEqual(await slugs('sort=relevantie&gemeente=emmen'), named);
  });

  test('unpublished organisations are never found, whatever the search', async () => {
    for (const query of ['q=verborgen', 'q=duurzaam', 'q=fietsherstel', 'gemeente=emmen&pageSize=100', 'certificering=pso', 'sdg=7&sdg=8', 'q=verborgn+duurzam', 'sort=nieuwste&pageSize=100']) {
      const found = await slugs(query);
      assert.ok(!found.some((s) => s.startsWith('verborgen-')), `${query} shows ${found.join(',')}`);
    }
    const page = await (await t.app.request('/ondernemers?q=verborgen')).text();
    assert.doesNotMatch(page, /Verborgen/);
  });

  test('paging: page and pageSize, stable order, nothing twice', async () => {
    const all = await slugs('pageSize=100');
    assert.equal(all.length, 9);
    const p1 = await api('pageSize=4&page=1');
    const p2 = await api('pageSize=4&page=2');
    const p3 = await api('pageSize=4&page=3');
    assert.equal(p1.total, 9);
    assert.ok(p1.totalIsExact);
    assert.deepEqual([...p1.items, ...p2.items, ...p3.items].map((o) => o.slug), all);
    assert.deepEqual((await api('pageSize=4&page=4')).items, []);
    const rel = [...(await api('q=fietsherstel&pageSize=3')).items, ...(await api('q=fietsherstel&pageSize=3&page=2')).items];
    assert.deepEqual(rel.map((o) => o.slug), ['rel-naam', 'rel-pitch', 'rel-omschrijving', 'rel-aanbod']);
  });
});

describe('directory search at scale: capped counting and broad searches', () => {
  let t: TestContext;
  const BULK = 1030;
  before(async () => {
    t = await createTestContext();
    // Bulk rows straight in SQL: more than COUNT_CAP published organisations that all say "duurzaam".
    await t.db.execute(sql`
      INSERT INTO ${organisations} (slug, name, municipality_slug, pitch, description, status, published_at)
      SELECT 'bulk-' || g, 'Bulk ' || lpad(g::text, 5, '0'), 'emmen', 'Duurzaam ondernemen.', 'Wij werken duurzaam.', 'published', timestamptz '2026-01-01' + g * interval '1 minute'
      FROM generate_series(1, ${BULK}) g`);
    await createOrganisation(t.db, { slug: 'zzz-duurzaam-naam', name: 'Zzz Duurzaam Naam', pitch: 'Iets anders.' });
    await createOrganisation(t.db, { slug: 'aaa-alleen-omschrijving', name: 'Aaa Alleen Omschrijving', pitch: 'Iets anders.', description: 'Ook duurzaam.' });
    await t.db.execute(sql`ANALYZE ${organisations}`);
  });
  after(async () => {
    await t.close();
  });

  test('more than the cap: "more than 100", no last link, but next works', async () => {
    assert.ok(BULK > COUNT_CAP);
    const res = await t.app.request('/api/v1/ondernemers?q=duurzaam');
    const body = (await res.json()) as ApiList;
    assert.equal(body.totalIsExact, false);
    assert.equal(body.total, COUNT_CAP);
    assert.equal(res.headers.get('x-total-count'), null);
    const link = res.headers.get('link') ?? '';
    assert.match(link, /rel="next"/);
    assert.doesNotMatch(link, /rel="last"/);
    const html = await (await t.app.request('/ondernemers?q=duurzaam')).text();
    assert.ok(html.includes(`Meer dan ${COUNT_CAP.toLocaleString('nl-NL')} ondernemers gevonden`));
    const en = await (await t.app.request('/ondernemers?q=duurzaam&lang=en')).text();
    assert.ok(en.includes(`More than ${COUNT_CAP.toLocaleString('en-GB')} entrepreneurs found`));
  });

  test('a page beyond the counted results still has results (paging is not limited by the count)', async () => {
    const body = (await (await t.app.request('/api/v1/ondernemers?sort=naam&pageSize=100&page=11')).json()) as ApiList;
    assert.equal(body.items.length, 32);
    assert.equal(body.items.at(-2)?.name, `Bulk ${String(BULK).padStart(5, '0')}`);
    assert.equal(body.items.at(-1)?.slug, 'zzz-duurzaam-naam');
  });

  test('relevance over a broad search: the name match first, a description-only match last, across pages', async () => {
    const first = (await (await t.app.request('/api/v1/ondernemers?q=duurzaam&pageSize=100')).json()) as ApiList;
    assert.equal(first.items[0].slug, 'zzz-duurzaam-naam');
    assert.equal(first.items[1].slug, 'bulk-1');
    assert.ok(!first.items.some((o) => o.slug === 'aaa-alleen-omschrijving'));
    const last = (await (await t.app.request('/api/v1/ondernemers?q=duurzaam&pageSize=100&page=11')).json()) as ApiList;
    assert.equal(last.items.length, 32);
    assert.equal(last.items[0].slug, `bulk-1000`);
    assert.equal(last.items.at(-1)?.slug, 'aaa-alleen-omschrijving');
    const byName = (await (await t.app.request('/api/v1/ondernemers?q=duurzaam&sort=naam&pageSize=1')).json()) as ApiList;
    assert.equal(byName.items[0].slug, 'aaa-alleen-omschrijving');
  });

  test('newest first follows the publication date', async () => {
    const body = (await (await t.app.request('/api/v1/ondernemers?sort=nieuwste&pageSize=2')).json()) as ApiList;
    assert.deepEqual(body.items.map((o) => o.slug), [`bulk-${BULK}`, `bulk-${BULK - 1}`]);
  });

  test('too deep a page is a clear 400', async () => {
    const res = await t.app.request('/api/v1/ondernemers?pageSize=100&page=101');
    assert.equal(res.status, 400);
    assert.equal((await res.json()).invalidParams[0].name, 'page');
  });
});
