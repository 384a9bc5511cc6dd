import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { organisationCertifications, organisationLogos } from '../../src/features/directory/directory.schema.ts';
import { createOrganisation } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

const TILE_URL = 'https://tiles.example.test/{z}/{x}/{y}.png';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082', 'hex');

/** Every result list item's link target on a directory page, in order. */
const resultSlugs = (html: string) => [...html.matchAll(/<li class="ir-result"[^>]*data-href="\/ondernemers\/([^"]+)"/g)].map((m) => m[1]);

describe('directory pages', () => {
  let t: TestContext;
  const get = (path: string) => t.app.request(path);
  const html = async (path: string, status = 200) => {
    const res = await get(path);
    const text = await res.text();
    assert.equal(res.status, status, `${path}: ${res.status}`);
    return text;
  };

  before(async () => {
    t = await createTestContext({ env: { MAP_TILE_URL: TILE_URL, MAP_TILE_ATTRIBUTION: 'Kaart © Voorbeeld <b>bold</b>', PUBLIC_URL: 'https://impactregio.example' } });
    const db = t.db;
    const full = await createOrganisation(db, {
      slug: 'de-groene-werkplaats',
      name: 'De Groene Werkplaats',
      legalForm: 'stichting',
      kvkNumber: '90000001',
      pitch: 'Wij repareren fietsen met mensen die werk zoeken.',
      description: 'Eerste alinea over ons.\n\nTweede alinea.',
      impactProblem: 'Mensen staan langs de kant.',
      impactTargetGroup: 'Jongeren zonder startkwalificatie.',
      impactMeasurement: 'Aantal mensen dat binnen een jaar betaald werk vindt.',
      municipalitySlug: 'emmen',
      streetAddress: 'Hoofdstraat 1',
      postcode: '7811 AA',
      city: 'Emmen',
      lat: 52.78,
      lng: 6.9,
      website: 'https://groene-werkplaats.example',
      email: 'info@groene-werkplaats.example',
      phone: '0591 123 456',
      themeSlugs: ['inclusief-werk', 'mobiliteit'],
      sdgs: [8, 10],
      certificationCodes: ['pso', 'b-corp'],
      foundedYear: 2015,
      employees: 12,
      employeesDistanceToLabourMarket: 7,
      offer: 'Fietsreparatie voor bedrijven.',
      needs: 'Een grotere werkplaats.',
      hasLogo: true,
    });
    await db.insert(organisationCertifications).values([
      { organisationId: full.id, code: 'pso', verified: true, verifiedAt: new Date('2026-02-01T00:00:00Z') },
      { organisationId: full.id, code: 'b-corp', verified: false },
    ]);
    await db.insert(organisationLogos).values({ organisationId: full.id, contentType: 'image/png', bytes: PNG });
    await createOrganisation(db, { slug: 'zonder-plek', name: 'Zonder Plek', pitch: 'Geen coördinaten bekend.', municipalitySlug: 'coevorden', lat: null, lng: null });
    await createOrganisation(db, { slug: 'gevaarlijke-naam', name: 'Gevaar </script><script>alert(1)</script> & Co', pitch: 'Test <b>vet</b>', municipalitySlug: 'hoogeveen' });
    const draft = await createOrganisation(db, { slug: 'nog-concept', name: 'Nog Concept', status: 'draft', hasLogo: true, municipalitySlug: 'emmen' });
    await db.insert(organisationLogos).values({ organisationId: draft.id, contentType: 'image/png', bytes: PNG });
    for (let n = 1; n <= 25; n++) {
      await createOrganisation(db, {
        slug: `reeks-${String(n).padStart(2, '0')}`,
        name: `Reeks ${String(n).padStart(2, '0')} Zorg`,
        pitch: 'Zorg in de buurt.',
        municipalitySlug: 'borger-odoorn',
        themeSlugs: ['zorg-en-welzijn'],
        sdgs: [3],
      });
    }
  });
  after(async () => {
    await t.close();
  });

  test('GET /ondernemers lists published organisations with count, link, municipality, pitch and theme badges', async () => {
    const page = await html('/ondernemers?gemeente=emmen');
    assert.match(page, /<h1[^>]*>Ondernemers<\/h1>/);
    assert.match(page, />1 ondernemer gevonden</);
    assert.match(page, /<a class="utrecht-link" href="\/ondernemers\/de-groene-werkplaats">De Groene Werkplaats<\/a>/);
    assert.match(page, /Wij repareren fietsen/);
    assert.match(page, /Gemeente: <\/span>Emmen/);
    assert.match(page, /nl-data-badge">Inclusief werk</);
    assert.doesNotMatch(page, /Nog Concept/);
    assert.equal((page.match(/<h1/g) ?? []).length, 1);
    assert.match(await html('/ondernemers?q=zorg'), />25 ondernemers gevonden</);
  });

  test('the form shows the current search, and pagination keeps every filter in the URL', async () => {
    const page = await html('/ondernemers?q=zorg&gemeente=borger-odoorn&thema=zorg-en-welzijn&sdg=3');
    assert.match(page, /name="q" value="zorg"/);
    assert.match(page, /<option value="borger-odoorn" selected="">/);
    assert.match(page, /value="zorg-en-welzijn" checked=""/);
    assert.match(page, /name="sdg" value="3" checked=""/);
    assert.equal(resultSlugs(page).length, 20);
    assert.ok(page.includes('href="/ondernemers?q=zorg&amp;gemeente=borger-odoorn&amp;thema=zorg-en-welzijn&amp;sdg=3&amp;page=2"'), 'link to page 2 keeps the filters');
    const second = await html('/ondernemers?q=zorg&gemeente=borger-odoorn&thema=zorg-en-welzijn&sdg=3&page=2');
    assert.equal(resultSlugs(second).length, 5);
    assert.deepEqual([...resultSlugs(page), ...resultSlugs(second)].sort(), Array.from({ length: 25 }, (_, k) => `reeks-${String(k + 1).padStart(2, '0')}`));
    assert.match(second, /<title>Ondernemers: zorg \(Pagina 2\)/);
  });

  test('no results: an empty state that says what to do', async () => {
    const page = await html('/ondernemers?q=nergensvoorkomendwoord');
    assert.match(page, /We hebben geen ondernemers gevonden/);
    assert.match(page, /Controleer de spelling/);
    assert.match(page, /href="\/ondernemers">Bekijk alle ondernemers/);
  });

  test('unknown filter values: the form again with status 400, the message, and the typed text kept', async () => {
    for (const [query, message] of [
      ['gemeente=atlantis', 'Deze gemeente kennen we niet'],
      ['sdg=18', 'Een SDG is een nummer van 1 tot en met 17'],
      ['sdg=acht', 'Een SDG is een nummer van 1 tot en met 17'],
      ['thema=xyz', 'Dit thema kennen we niet'],
      ['certificering=iso9001', 'Deze certificering kennen we niet'],
      ['sort=willekeurig', 'Kies een volgorde uit de lijst'],
      ['page=0', 'Het paginanummer moet'],
    ] as const) {
      const page = await html(`/ondernemers?q=mijn+zoekwoord&${query}`, 400);
      assert.ok(page.includes(message), `${query} says "${message}"`);
      assert.match(page, /data-error-summary/);
      assert.match(page, /name="q" value="mijn zoekwoord"/);
      assert.doesNotMatch(page, /ondernemers gevonden/);
    }
  });

  test('any search text is accepted: quotes, operators, SQL, emoji, 10,000 characters, bad encoding', async () => {
    const inputs = [
      '"', "'", '""', '&', '|', '!', ':*', '&|!:*()', "'; DROP TABLE organisations; --", '1 OR 1=1', 'zorg & !werk', '(zorg', '<->', '\\',
      '🙂🌍', 'zorg 🙂', 'a'.repeat(10_000), 'zorg '.repeat(2000), '%', '\u0000zorg', 'de het een', '-', '"zorg', 'or', 'zorg or', '*',
    ];
    for (const q of inputs) {
      const res = await get(`/ondernemers?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200, `q=${JSON.stringify(q.slice(0, 40))}`);
      const api = await get(`/api/v1/ondernemers?q=${encodeURIComponent(q)}`);
      assert.equal(api.status, 200, `API q=${JSON.stringify(q.slice(0, 40))}`);
    }
    for (const raw of ['%FF', '%E2%82', '%', 'zorg%00']) {
      assert.equal((await get(`/ondernemers?q=${raw}`)).status, 200, raw);
      assert.equal((await get(`/api/v1/ondernemers?q=${raw}`)).status, 200, raw);
    }
    assert.equal(resultSlugs(await html(`/ondernemers?q=${encodeURIComponent('zorg -werkplaats')}&sort=naam`)).length, 20, 'websearch negation works');
    assert.equal(resultSlugs(await html(`/ondernemers?q=${encodeURIComponent("'; DROP TABLE organisations; --")}`)).length, 0);
    assert.match(await html('/ondernemers'), /ondernemers gevonden/, 'the table is still there');
  });

  test('map view: same results on a Leaflet map, tile server from config, list stays; list view loads no map code', async () => {
    const page = await html('/ondernemers?gemeente=emmen&weergave=kaart');
    assert.match(page, /<script src="\/static\/vendor\/leaflet\/leaflet.js" defer/);
    assert.match(page, /<script src="\/static\/js\/map.js" defer/);
    assert.match(page, /href="\/static\/vendor\/leaflet\/leaflet.css"/);
    assert.ok(page.includes(`data-tile-url="${TILE_URL}"`));
    assert.match(page, /data-attribution="Kaart © Voorbeeld &lt;b&gt;bold&lt;\/b&gt;"/);
    assert.match(page, /data-lat="52.78" data-lng="6.9"/);
    assert.match(page, /De kaart werkt alleen met JavaScript. In de lijst hieronder staan dezelfde ondernemers./);
    assert.deepEqual(resultSlugs(page), ['de-groene-werkplaats']);
    assert.match(page, /href="\/ondernemers\?gemeente=emmen" *>Lijst<|href="\/ondernemers\?gemeente=emmen">Lijst</);
    const list = await html('/ondernemers?gemeente=emmen');
    assert.doesNotMatch(list, /leaflet/);
    assert.match(list, /href="\/ondernemers\?gemeente=emmen&amp;weergave=kaart">Kaart</);
    const noPlace = await html('/ondernemers?gemeente=coevorden&weergave=kaart');
    assert.match(noPlace, /0 van de 1 ondernemers op deze pagina staan op de kaart/);
    const csp = (await get('/ondernemers?weergave=kaart')).headers.get('content-security-policy') ?? '';
    assert.match(csp, /img-src [^;]*https:\/\/tiles\.example\.test/);
    assert.equal((await get('/static/js/map.js')).status, 200);
    assert.equal((await get('/static/vendor/leaflet/leaflet.js')).status, 200);
  });

  test('profile page: everything the entrepreneur published, with badges and verified mark', async () => {
    const page = await html('/ondernemers/de-groene-werkplaats');
    for (const text of [
      '<h1 class="utrecht-heading-1">De Groene Werkplaats</h1>',
      'Wij repareren fietsen met mensen die werk zoeken.',
      'Eerste alinea over ons.',
      'Tweede alinea.',
      'Welk probleem lossen we op?',
      'Mensen staan langs de kant.',
      'Jongeren zonder startkwalificatie.',
      'Aantal mensen dat binnen een jaar betaald werk vindt.',
      'Inclusief werk',
      'SDG 8: Eerlijk werk en economische groei',
      'SDG 10: Ongelijkheid verminderen',
      'PSO (Prestatieladder Socialer Ondernemen)',
      'gecontroleerd door de coördinator',
      '(nog niet gecontroleerd)',
      '2015',
      '12, van wie 7 met een afstand tot de arbeidsmarkt',
      'Fietsreparatie voor bedrijven.',
      'Een grotere werkplaats.',
      'Hoofdstraat 1',
      '7811 AA Emmen',
      'href="https://groene-werkplaats.example/"',
      'href="mailto:info@groene-werkplaats.example"',
      'href="tel:0591123456"',
      'src="/ondernemers/de-groene-werkplaats/logo" alt="Logo van De Groene Werkplaats"',
    ]) {
      assert.ok(page.includes(text), `profile shows ${text}`);
    }
    const verifiedLine = /<li class="ir-certification">.*?<\/li>/gs;
    const certs = page.match(verifiedLine) ?? [];
    assert.equal(certs.length, 2);
    assert.ok(certs.some((c) => c.includes('PSO') && c.includes('gecontroleerd door de coördinator')));
    assert.ok(certs.some((c) => c.includes('B Corp') && c.includes('nog niet gecontroleerd')));
    const en = await html('/ondernemers/de-groene-werkplaats?lang=en');
    assert.match(en, /SDG 8: Decent work and economic growth/);
    assert.match(en, /verified by the coordinator/);
  });

  test('profile page: schema.org Organization JSON-LD that parses, has the name, and cannot be broken out of', async () => {
    const page = await html('/ondernemers/de-groene-werkplaats');
    const scripts = [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => m[1]);
    assert.equal(scripts.length, 1);
    const data = JSON.parse(scripts[0]);
    assert.equal(data['@context'], 'https://schema.org');
    assert.equal(data['@type'], 'Organization');
    assert.equal(data.name, 'De Groene Werkplaats');
    assert.equal(data['@id'], 'https://impactregio.example/ondernemers/de-groene-werkplaats');
    assert.equal(data.address.postalCode, '7811 AA');
    assert.equal(data.logo, 'https://impactregio.example/ondernemers/de-groene-werkplaats/logo');

    const dangerous = await html('/ondernemers/gevaarlijke-naam');
    const [json] = [...dangerous.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => m[1]);
    assert.ok(!json.includes('<'), 'no raw < inside the JSON-LD');
    assert.equal(JSON.parse(json).name, 'Gevaar </script><script>alert(1)</script> & Co');
    assert.equal((dangerous.match(/<script>/g) ?? []).length, 0, 'no inline script anywhere');
    assert.match(dangerous, /Gevaar &lt;\/script&gt;/);
  });

  test('unknown or unpublished slug: the 404 page; logo only for published organisations', async () => {
    const unknown = await get('/ondernemers/bestaat-niet');
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /Deze ondernemer bestaat niet/);
    assert.equal((await get('/ondernemers/nog-concept')).status, 404);
    assert.equal((await get('/ondernemers/nog-concept/logo')).status, 404);
    assert.equal((await get('/ondernemers/zonder-plek/logo')).status, 404);
    assert.equal((await get(`/ondernemers/${'x'.repeat(5000)}`)).status, 404);
    assert.equal((await get('/ondernemers/%FF%FE')).status, 404);
    // PostgreSQL text cannot hold NUL: it must never reach a query.
    for (const path of ['/ondernemers/%00', '/ondernemers/%00/logo', '/ondernemers/a%00b', '/agenda/%00', '/api/v1/ondernemers/%00']) {
      assert.equal((await get(path)).status, 404, path);
    }
  });

  test('logo: the stored bytes with the right type, caching headers and nosniff', async () => {
    const res = await get('/ondernemers/de-groene-werkplaats/logo');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('cache-control') ?? '', /public, max-age=\d+/);
    // Publicly cacheable, so no per-visitor cookie may ride along with it.
    assert.equal(res.headers.get('set-cookie'), null);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), PNG);
    const etag = res.headers.get('etag')!;
    assert.ok(etag);
    assert.equal((await t.app.request('/ondernemers/de-groene-werkplaats/logo', { headers: { 'if-none-match': etag } })).status, 304);
  });
});
