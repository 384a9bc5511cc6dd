import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { organisationCertifications } from '../../src/features/directory/directory.schema.ts';
import { openApiFile, openApiText } from '../../scripts/export-openapi.ts';
import { createOrganisation } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

type Json = Record<string, any>;

/** Parses an RFC 8288 Link header into { rel: url }. */
const parseLinks = (header: string | null): Record<string, string> =>
  Object.fromEntries([...(header ?? '').matchAll(/<([^>]+)>;\s*rel="([^"]+)"/g)].map((m) => [m[2], m[1]]));

describe('open data API', () => {
  let t: TestContext;
  const get = (path: string) => t.app.request(path);

  before(async () => {
    t = await createTestContext({ env: { PUBLIC_URL: 'https://impactregio.example' } });
    const bv = await createOrganisation(t.db, {
      slug: 'fietsfabriek-bv',
      name: 'Fietsfabriek BV',
      legalForm: 'bv',
      kvkNumber: '90000011',
      streetAddress: 'Industrieweg 5',
      postcode: '7821 AB',
      city: 'Emmen',
      lat: 52.8,
      lng: 6.9,
      website: 'https://fietsfabriek.example',
      email: 'jan.jansen@fietsfabriek.example',
      phone: '06 12345678',
      description: 'Wij bouwen fietsen.',
      impactProblem: 'Te weinig werk.',
      impactTargetGroup: 'Statushouders.',
      impactMeasurement: 'Banen per jaar.',
      offer: 'Fietsen.',
      needs: 'Ruimte.',
      themeSlugs: ['mobiliteit', 'inclusief-werk'],
      sdgs: [8, 3],
      certificationCodes: ['pso'],
      foundedYear: 2019,
      employees: 20,
      employeesDistanceToLabourMarket: 9,
      hasLogo: true,
    });
    await t.db.insert(organisationCertifications).values({ organisationId: bv.id, code: 'pso', verified: true });
    await createOrganisation(t.db, {
      slug: 'thuiskapper-anna',
      name: 'Thuiskapper Anna',
      legalForm: 'eenmanszaak',
      kvkNumber: '90000012',
      streetAddress: 'Dorpsstraat 9',
      postcode: '7891 AB',
      city: 'Klazienaveen',
      lat: 52.72,
      lng: 7.0,
      website: 'https://anna.example',
      email: 'anna.de.vries@example.org',
      phone: '06 87654321',
      municipalitySlug: 'emmen',
    });
    await createOrganisation(t.db, { slug: 'concept-api', name: 'Concept Api', status: 'in_review' });
    for (let n = 1; n <= 7; n++) await createOrganisation(t.db, { slug: `zeven-${n}`, name: `Zeven ${n} Buurtwerk`, municipalitySlug: 'hoogeveen', themeSlugs: ['leefbaarheid'] });
  });
  after(async () => {
    await t.close();
  });

  test('list: JSON with items, paging facts, API-Version, X-Total-Count and Link headers that keep the filters', async () => {
    const res = await get('/api/v1/ondernemers?q=buurtwerk&gemeente=hoogeveen&thema=leefbaarheid&sort=naam&pageSize=3&page=2');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(res.headers.get('api-version'), '1.0.0');
    assert.equal(res.headers.get('x-total-count'), '7');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const body = (await res.json()) as Json;
    assert.deepEqual(body.items.map((o: Json) => o.slug), ['zeven-4', 'zeven-5', 'zeven-6']);
    assert.equal(body.page, 2);
    assert.equal(body.pageSize, 3);
    assert.equal(body.total, 7);
    assert.equal(body.totalIsExact, true);
    const links = parseLinks(res.headers.get('link'));
    const base = 'https://impactregio.example/api/v1/ondernemers?q=buurtwerk&gemeente=hoogeveen&thema=leefbaarheid&sort=naam&pageSize=3';
    assert.deepEqual(links, { first: `${base}&page=1`, prev: `${base}&page=1`, next: `${base}&page=3`, last: `${base}&page=3` });
    assert.equal(body._links.next.href, `${base}&page=3`);
    const last = await get('/api/v1/ondernemers?q=buurtwerk&gemeente=hoogeveen&thema=leefbaarheid&sort=naam&pageSize=3&page=3');
    const lastLinks = parseLinks(last.headers.get('link'));
    assert.equal(lastLinks.next, undefined);
    assert.equal(lastLinks.prev, `${base}&page=2`);
    assert.deepEqual(((await last.json()) as Json).items.map((o: Json) => o.slug), ['zeven-7']);
    const first = parseLinks((await get('/api/v1/ondernemers?gemeente=hoogeveen')).headers.get('link'));
    assert.equal(first.prev, undefined);
    assert.ok(first.first && first.last);
  });

  test('detail: the published profile; 404 problem+json for unknown or unpublished', async () => {
    const res = await get('/api/v1/ondernemers/fietsfabriek-bv');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('api-version'), '1.0.0');
    const o = (await res.json()) as Json;
    assert.equal(o.name, 'Fietsfabriek BV');
    assert.deepEqual(o.municipality, { slug: 'emmen', name: 'Emmen' });
    assert.deepEqual(o.themes, ['mobiliteit', 'inclusief-werk']);
    assert.deepEqual(o.sdgs, [3, 8]);
    assert.deepEqual(o.certifications, [{ code: 'pso', name: 'PSO (Prestatieladder Socialer Ondernemen)', verified: true }]);
    assert.deepEqual(o.impact, { problem: 'Te weinig werk.', targetGroup: 'Statushouders.', measurement: 'Banen per jaar.' });
    assert.equal(o.website, 'https://fietsfabriek.example');
    assert.equal(o._links.profile.href, 'https://impactregio.example/ondernemers/fietsfabriek-bv');
    assert.equal(o._links.logo.href, 'https://impactregio.example/ondernemers/fietsfabriek-bv/logo');
    for (const path of ['/api/v1/ondernemers/bestaat-niet', '/api/v1/ondernemers/concept-api']) {
      const missing = await get(path);
      assert.equal(missing.status, 404, path);
      assert.equal(missing.headers.get('content-type'), 'application/problem+json');
      assert.equal(missing.headers.get('api-version'), '1.0.0');
      assert.equal(((await missing.json()) as Json).status, 404);
    }
    const list = (await (await get('/api/v1/ondernemers?q=concept&pageSize=100')).json()) as Json;
    assert.ok(!list.items.some((x: Json) => x.slug === 'concept-api'));
  });

  test('never personal contact data: no email or phone; no address, coordinates or KvK number of a sole trader', async () => {
    const bv = (await (await get('/api/v1/ondernemers/fietsfabriek-bv')).json()) as Json;
    assert.deepEqual(bv.address, { streetAddress: 'Industrieweg 5', postcode: '7821 AB', city: 'Emmen' });
    assert.deepEqual(bv.location, { lat: 52.8, lng: 6.9 });
    assert.equal(bv.kvkNumber, '90000011');
    const anna = (await (await get('/api/v1/ondernemers/thuiskapper-anna')).json()) as Json;
    assert.equal(anna.address, null);
    assert.equal(anna.location, null);
    assert.equal(anna.kvkNumber, null);
    assert.equal(anna.website, 'https://anna.example');
    assert.equal(anna.municipality.slug, 'emmen');
    for (const path of ['/api/v1/ondernemers/fietsfabriek-bv', '/api/v1/ondernemers/thuiskapper-anna', '/api/v1/ondernemers?pageSize=100', '/api/v1/ondernemers?q=anna']) {
      const text = await (await get(path)).text();
      for (const secret of ['jan.jansen@', 'anna.de.vries@', '12345678', '87654321', 'Dorpsstraat', '7891 AB', '52.72', '"email"', '"phone"', '"telephone"']) {
        assert.ok(!text.includes(secret), `${path} must not contain ${secret}`);
      }
    }
    const list = (await (await get('/api/v1/ondernemers?q=anna')).json()) as Json;
    assert.equal(list.items[0].location, null);
  });

  test('invalid parameters: 400 problem+json naming each parameter', async () => {
    for (const [query, names] of [
      ['gemeente=atlantis', ['gemeente']],
      ['sdg=18', ['sdg']],
      ['sdg=0&sdg=3', ['sdg']],
      ['thema=xyz&thema=energie', ['thema']],
      ['certificering=iso', ['certificering']],
      ['sort=random', ['sort']],
      ['page=0', ['page']],
      ['page=abc', ['page']],
      ['pageSize=101', ['pageSize']],
      ['pageSize=0', ['pageSize']],
      ['gemeente=atlantis&sdg=99', ['gemeente', 'sdg']],
    ] as const) {
      const res = await get(`/api/v1/ondernemers?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(res.headers.get('content-type'), 'application/problem+json', query);
      assert.equal(res.headers.get('api-version'), '1.0.0', query);
      const problem = (await res.json()) as Json;
      assert.equal(problem.status, 400);
      assert.ok(problem.title);
      assert.deepEqual([...new Set(problem.invalidParams.map((p: Json) => p.name))].sort(), [...names].sort(), query);
      for (const p of problem.invalidParams) assert.ok(p.reason && !p.reason.startsWith('directory.'), `translated reason for ${query}`);
    }
    const en = (await (await get('/api/v1/ondernemers?sdg=18&lang=en')).json()) as Json;
    assert.equal(en.invalidParams[0].reason, 'An SDG is a number from 1 to 17.');
  });

  test('GET /api/v1/openapi.json: an OpenAPI 3.1 document with both paths, and docs/openapi.json is current', async () => {
    const res = await get('/api/v1/openapi.json');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('api-version'), '1.0.0');
    const text = await res.text();
    const doc = JSON.parse(text) as Json;
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.info.title && doc.info.version);
    // Other APIs (staff support requests, events) share the document; the two open data paths are always there.
    for (const path of ['/api/v1/ondernemers', '/api/v1/ondernemers/{slug}']) assert.ok(doc.paths[path], path);
    const params = doc.paths['/api/v1/ondernemers'].get.parameters.map((p: Json) => p.name);
    for (const name of ['q', 'gemeente', 'thema', 'sdg', 'certificering', 'sort', 'page', 'pageSize']) assert.ok(params.includes(name), name);
    assert.ok(doc.paths['/api/v1/ondernemers'].get.responses['400'].content['application/problem+json']);
    // every $ref points at a schema that exists
    for (const ref of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) assert.ok(doc.components.schemas[ref[1]], ref[1]);
    assert.deepEqual(JSON.parse(readFileSync(openApiFile, 'utf8')), doc, 'the served document equals docs/openapi.json');
    assert.equal(readFileSync(openApiFile, 'utf8'), openApiText(), 'docs/openapi.json is stale: run `npm run openapi:export`');
  });

  test('every API response carries API-Version, also errors and unknown paths', async () => {
    for (const path of ['/api/v1/ondernemers', '/api/v1/ondernemers/bestaat-niet', '/api/v1/ondernemers?sdg=99', '/api/v1/bestaat-niet', '/api/v1/openapi.json']) {
      assert.equal((await get(path)).headers.get('api-version'), '1.0.0', path);
    }
  });
});
