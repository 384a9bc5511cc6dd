import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TestClient } from '../helpers/client.ts';
import { createOrganisation, createUser, loginAs } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

/** A complete, valid profile as typed in the form (strings, repeated fields as arrays). */
const validFields = (over: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
  name: 'Groene Kracht Emmen',
  kvkNumber: '87654321',
  legalForm: 'bv',
  municipality: 'emmen',
  streetAddress: 'Hoofdstraat 1',
  postcode: '7811ab',
  city: 'Emmen',
  lat: '52,7858',
  lng: '6.8976',
  website: 'www.groenekracht.example',
  email: 'info@groenekracht.example',
  phone: '0591 123 456',
  pitch: 'Wij maken van afval nieuwe meubels.',
  description: 'Wij halen oud hout op.\n\nIn onze werkplaats maken mensen er meubels van.',
  impactProblem: 'Veel hout wordt verbrand.',
  impactTargetGroup: 'Mensen die lang geen werk hadden.',
  impactMeasurement: 'Kilo hout dat wij hergebruiken en het aantal mensen aan het werk.',
  themes: ['circulaire-economie', 'inclusief-werk'],
  sdgs: ['12', '8'],
  certifications: ['pso', 'anders'],
  certificationOther: 'Keurmerk Hout',
  foundedYear: '2019',
  employees: '12',
  employeesDistance: '5',
  offer: 'Meubels op maat.',
  needs: 'Een grotere werkplaats.',
  ...over,
});

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('profile management by entrepreneurs', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(async () => {
    await t.close();
  });

  const count = async (sqlText: string, params: unknown[] = []) => (await t.db.$client.query(sqlText, params)).rows[0].n as number;
  const orgCount = () => count('select count(*)::int as n from organisations');

  async function entrepreneur() {
    const user = await createUser(t.db, { roles: ['entrepreneur'] });
    const client = new TestClient(t.app);
    await loginAs(t.db, client, user, t.clock.now());
    return { user, client };
  }

  test('a visitor is sent to the login page; someone without the entrepreneur role cannot create', async () => {
    const visitor = new TestClient(t.app);
    const res = await visitor.get('/mijn/organisaties');
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /^\/inloggen\?terug=%2Fmijn%2Forganisaties/);

    const user = await createUser(t.db);
    const client = new TestClient(t.app);
    await loginAs(t.db, client, user, t.clock.now());
    const list = await client.get('/mijn/organisaties');
    assert.equal(list.status, 200);
    assert.match(await list.text(), /de rol impactondernemer nodig/);
    assert.equal((await client.get('/mijn/organisaties/nieuw')).status, 403);
    const before = await orgCount();
    assert.equal((await client.postForm('/mijn/organisaties/nieuw', validFields({ kvkNumber: '11112222' }))).status, 403);
    assert.equal(await orgCount(), before);
  });

  test('the empty list says what to do', async () => {
    const { client } = await entrepreneur();
    const html = await (await client.get('/mijn/organisaties')).text();
    assert.match(html, /U heeft nog geen organisatie op dit platform/);
    assert.match(html, /href="\/mijn\/organisaties\/nieuw"/);
    assert.match(html, /href="\/mijn\/organisaties\/claimen"/);
  });

  test('a valid profile is created as a draft with the creator as owner, normalised and with certifications in sync', async () => {
    const { user, client } = await entrepreneur();
    const form = await client.get('/mijn/organisaties/nieuw');
    assert.equal(form.status, 200);
    const formHtml = await form.text();
    assert.match(formHtml, /<label class="utrecht-form-label" for="veld-kvkNumber">/);

    const res = await client.postForm('/mijn/organisaties/nieuw', validFields());
    assert.equal(res.status, 303);
    const location = res.headers.get('location') ?? '';
    const id = /^\/mijn\/organisaties\/([0-9a-f-]{36})$/.exec(location)?.[1];
    assert.ok(id, `redirects to the new organisation (${location})`);

    const { rows } = await t.db.$client.query('select * from organisations where id = $1', [id]);
    const o = rows[0];
    assert.equal(o.status, 'draft');
    assert.equal(o.slug, 'groene-kracht-emmen');
    assert.equal(o.kvk_number, '87654321');
    assert.equal(o.postcode, '7811 AB');
    assert.equal(o.website, 'https://www.groenekracht.example');
    assert.equal(o.lat, 52.7858);
    assert.equal(o.lng, 6.8976);
    assert.deepEqual(o.sdgs, [8, 12]);
    assert.deepEqual(o.theme_slugs, ['circulaire-economie', 'inclusief-werk']);
    assert.deepEqual(o.certification_codes, ['anders', 'pso']);
    assert.equal(o.employees, 12);
    assert.equal(o.employees_distance_to_labour_market, 5);
    assert.equal(o.published_at, null);
    const certs = await t.db.$client.query('select code, other_name, verified from organisation_certifications where organisation_id = $1 order by code', [id]);
    assert.deepEqual(certs.rows, [
      { code: 'anders', other_name: 'Keurmerk Hout', verified: false },
      { code: 'pso', other_name: null, verified: false },
    ]);
    const m = await t.db.$client.query('select role from memberships where user_id = $1 and organisation_id = $2', [user.id, id]);
    assert.equal(m.rows[0]?.role, 'owner');
    assert.equal(await count(`select count(*)::int as n from audit_log where action = 'organisation.created' and subject_id = $1 and actor_user_id = $2`, [id, user.id]), 1);

    const page = await client.follow(res);
    const html = await page.text();
    assert.match(html, /Uw organisatie is opgeslagen als concept/);
    assert.match(html, /Concept/);
    const list = await (await client.get('/mijn/organisaties')).text();
    assert.match(list, /Groene Kracht Emmen/);
    assert.match(list, new RegExp(`href="/mijn/organisaties/${id}/bewerken"`));
  });

  test('a second organisation with the same name gets the next free slug', async () => {
    const { client } = await entrepreneur();
    await createOrganisation(t.db, { slug: 'zorgboerderij-de-es', name: 'Zorgboerderij De Es', kvkNumber: '20000001' });
    await createOrganisation(t.db, { slug: 'zorgboerderij-de-es-2', name: 'Zorgboerderij De Es', kvkNumber: '20000002' });
    const res = await client.postForm('/mijn/organisaties/nieuw', validFields({ name: 'Zorgboerderij De Es', kvkNumber: '20000003' }));
    assert.equal(res.status, 303);
    const { rows } = await t.db.$client.query(`select slug from organisations where kvk_number = '20000003'`);
    assert.equal(rows[0].slug, 'zorgboerderij-de-es-3');
  });

  const invalidCases: Array<{ label: string; over: Record<string, string | string[]>; field: string; message: RegExp; shown?: string }> = [
    { label: 'KvK number of 7 digits', over: { kvkNumber: '1234567' }, field: 'kvkNumber', message: /precies 8 cijfers/, shown: '1234567' },
    { label: 'KvK number with letters', over: { kvkNumber: '1234567a' }, field: 'kvkNumber', message: /precies 8 cijfers/, shown: '1234567a' },
    { label: 'no name', over: { name: '   ' }, field: 'name', message: /Vul dit veld in/ },
    { label: 'an unknown legal form', over: { legalForm: 'nv' }, field: 'legalForm', message: /Kies een rechtsvorm/ },
    { label: 'a municipality outside the region', over: { municipality: 'amsterdam' }, field: 'municipality', message: /Kies een gemeente/ },
    { label: 'a postcode that is not Dutch', over: { postcode: '12345' }, field: 'postcode', message: /Nederlandse postcode/, shown: '12345' },
    { label: 'latitude out of range', over: { lat: '95' }, field: 'lat', message: /tussen -90 en 90/, shown: '95' },
    { label: 'longitude out of range', over: { lng: '-181' }, field: 'lng', message: /tussen -180 en 180/, shown: '-181' },
    { label: 'latitude without longitude', over: { lng: '' }, field: 'lng', message: /allebei in/ },
    { label: 'a coordinate that is no number', over: { lat: 'noord' }, field: 'lat', message: /Vul een getal in/, shown: 'noord' },
    { label: 'a javascript: website', over: { website: 'javascript:alert(1)' }, field: 'website', message: /volledig webadres/, shown: 'javascript:alert(1)' },
    { label: 'an ftp website', over: { website: 'ftp://bestanden.example.nl' }, field: 'website', message: /volledig webadres/, shown: 'ftp://bestanden.example.nl' },
    { label: 'a malformed email', over: { email: 'geen-adres' }, field: 'email', message: /geldig e-mailadres/, shown: 'geen-adres' },
    { label: 'a phone number that is too short', over: { phone: '12345' }, field: 'phone', message: /10 tot 15 cijfers/, shown: '12345' },
    { label: 'a pitch over 200 characters', over: { pitch: 'a'.repeat(201) }, field: 'pitch', message: /hoogstens 200 tekens/, shown: 'a'.repeat(201) },
    { label: 'an unknown theme', over: { themes: ['circulaire-economie', 'ruimtevaart'] }, field: 'themes', message: /Kies een van de mogelijkheden/ },
    { label: 'SDG 18', over: { sdgs: ['8', '18'] }, field: 'sdgs', message: /Kies een van de mogelijkheden/ },
    { label: '"other" certification without a name', over: { certificationOther: '' }, field: 'certificationOther', message: /naam van het keurmerk/ },
    { label: 'a founding year in the future', over: { foundedYear: '2099' }, field: 'foundedYear', message: /niet later dan dit jaar/, shown: '2099' },
    { label: 'more employees at a distance than employees', over: { employees: '5', employeesDistance: '6' }, field: 'employeesDistance', message: /niet meer zijn dan het aantal medewerkers/, shown: '6' },
    { label: 'a negative number of employees', over: { employees: '-1', employeesDistance: '' }, field: 'employees', message: /0 of meer/, shown: '-1' },
    { label: 'employees as words', over: { employees: 'twaalf', employeesDistance: '' }, field: 'employees', message: /heel getal/, shown: 'twaalf' },
  ];

  for (const c of invalidCases) {
    test(`create: ${c.label} comes back with 422, a message, every value kept and nothing written`, async () => {
      const { client } = await entrepreneur();
      const before = await orgCount();
      const fields = validFields({ kvkNumber: '30000001', ...c.over });
      const res = await client.postForm('/mijn/organisaties/nieuw', fields);
      assert.equal(res.status, 422);
      const html = await res.text();
      assert.match(html, /data-error-summary/);
      assert.match(html, new RegExp(`href="#veld-${c.field}"`), 'the summary links to the field');
      assert.match(html, c.message);
      assert.match(html, /value="Groene Kracht Emmen"|value="   "/, 'the name is kept');
      assert.match(html, /Wij halen oud hout op\./, 'the description is kept');
      assert.match(html, /value="circulaire-economie" checked=""/, 'checked themes stay checked');
      if (c.shown) assert.ok(html.includes(`value="${escapeHtml(c.shown)}"`), `the typed value ${c.shown} is kept`);
      assert.equal(await orgCount(), before, 'nothing was written');
    });
  }

  test('an existing KvK number creates nothing; the form explains it and offers a claim that goes to the coordinator', async () => {
    const owner = await createUser(t.db, { roles: ['entrepreneur'] });
    const existing = await createOrganisation(t.db, { name: 'Geheime Stichting', kvkNumber: '40000001', status: 'draft', publishedAt: null, ownerId: owner.id });
    const { user, client } = await entrepreneur();
    const before = await orgCount();
    const res = await client.postForm('/mijn/organisaties/nieuw', validFields({ name: 'Mijn Stichting', kvkNumber: '4000 0001' }));
    assert.equal(res.status, 409);
    const html = await res.text();
    assert.match(html, /Deze organisatie staat al op het platform/);
    assert.match(html, /Er is al een organisatie met KvK-nummer 40000001/);
    assert.doesNotMatch(html, /Geheime Stichting/, 'the name of an unpublished organisation is not revealed');
    assert.match(html, /action="\/mijn\/organisaties\/claimen"/);
    assert.match(html, /value="Mijn Stichting"/, 'typed values are kept');
    assert.equal(await orgCount(), before);

    const claim = await client.postForm('/mijn/organisaties/claimen', { kvkNumber: '40000001', message: 'Ik ben de penningmeester.' });
    assert.equal(claim.status, 303);
    assert.equal(claim.headers.get('location'), '/mijn/organisaties');
    const again = await client.postForm('/mijn/organisaties/claimen', { kvkNumber: '40000001', message: 'Nog een keer.' });
    assert.equal(again.status, 303);
    const claims = await t.db.$client.query('select status, message from organisation_claims where organisation_id = $1 and user_id = $2', [existing.id, user.id]);
    assert.deepEqual(claims.rows, [{ status: 'pending', message: 'Ik ben de penningmeester.' }], 'one pending claim, not two');
    assert.equal(await count(`select count(*)::int as n from audit_log where action = 'claim.requested' and actor_user_id = $1`, [user.id]), 1);
    const list = await (await client.follow(again)).text();
    assert.match(list, /U heeft dit al gevraagd/);
    assert.match(list, /Organisatie met KvK-nummer 40000001/);
    assert.match(list, /De makelaar bekijkt uw aanvraag/);
  });

  test('the name of a published organisation is shown in the KvK offer; a claim on an unknown KvK number is refused', async () => {
    await createOrganisation(t.db, { name: 'Openbaar Bedrijf', kvkNumber: '40000002' });
    const { client } = await entrepreneur();
    const res = await client.postForm('/mijn/organisaties/nieuw', validFields({ kvkNumber: '40000002' }));
    assert.equal(res.status, 409);
    assert.match(await res.text(), /Openbaar Bedrijf/);
    const unknown = await client.postForm('/mijn/organisaties/claimen', { kvkNumber: '49999999', message: '' });
    assert.equal(unknown.status, 422);
    assert.match(await unknown.text(), /geen organisatie met dit KvK-nummer/);
    assert.equal(await count(`select count(*)::int as n from organisation_claims c join organisations o on o.id = c.organisation_id where o.kvk_number = '49999999'`), 0);
  });

  test('two people registering one KvK number at the same moment: the unique index decides and the loser gets the claim offer, not a 500', async () => {
    const { client } = await entrepreneur();
    // Another transaction has inserted the KvK number but not committed: the form's pre-check cannot see it,
    // so the form's own insert waits on the unique index and then fails with a unique violation.
    const blocker = await t.db.$client.connect();
    try {
      await blocker.query('begin');
      await blocker.query(`insert into organisations (slug, name, kvk_number, municipality_slug) values ('race-winnaar', 'Race Winnaar', '50000001', 'emmen')`);
      const pending = client.postForm('/mijn/organisaties/nieuw', validFields({ name: 'Race Verliezer', kvkNumber: '50000001' }));
      const deadline = Date.now() + 10_000;
      for (;;) {
        const waiting = await count(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
        if (waiting > 0) break;
        assert.ok(Date.now() < deadline, 'the form insert ends up waiting on the unique index');
        await new Promise((r) => setTimeout(r, 20));
      }
      await blocker.query('commit');
      const res = await pending;
      assert.equal(res.status, 409);
      assert.match(await res.text(), /Er is al een organisatie met KvK-nummer 50000001/);
    } finally {
      blocker.release();
    }
    assert.equal(await count(`select count(*)::int as n from organisations where kvk_number = '50000001'`), 1);
    assert.equal(await count(`select count(*)::int as n from organisations where name = 'Race Verliezer'`), 0);
  });

  test('only members can open or edit an organisation; others get 404 and nothing changes', async () => {
    const owner = await entrepreneur();
    const org = await createOrganisation(t.db, { name: 'Van Iemand Anders', kvkNumber: '60000001', status: 'draft', publishedAt: null, ownerId: owner.user.id });
    const stranger = await entrepreneur();
    for (const path of [`/mijn/organisaties/${org.id}`, `/mijn/organisaties/${org.id}/bewerken`, `/mijn/organisaties/${org.id}/logo`, '/mijn/organisaties/geen-uuid/bewerken']) {
      const res = await stranger.client.get(path);
      assert.equal(res.status, 404, path);
      assert.doesNotMatch(await res.text(), /Van Iemand Anders/);
    }
    const post = await stranger.client.postForm(`/mijn/organisaties/${org.id}/bewerken`, validFields({ name: 'Gekaapt', kvkNumber: '60000001' }));
    assert.equal(post.status, 404);
    const consent = await stranger.client.postForm(`/mijn/organisaties/${org.id}/toestemming`, { consent: 'on' });
    assert.equal(consent.status, 404);
    const { rows } = await t.db.$client.query('select name from organisations where id = $1', [org.id]);
    assert.equal(rows[0].name, 'Van Iemand Anders');
    assert.equal(await count('select count(*)::int as n from publish_consents where organisation_id = $1', [org.id]), 0);

    const own = await owner.client.get(`/mijn/organisaties/${org.id}/bewerken`);
    assert.equal(own.status, 200);
    assert.match(await own.text(), /value="Van Iemand Anders"/);
  });

  test('a member edits the profile: values are saved, certifications stay in sync, the change is audited by field name', async () => {
    const { user, client } = await entrepreneur();
    const created = await client.postForm('/mijn/organisaties/nieuw', validFields({ kvkNumber: '70000001', name: 'Bewerk Mij' }));
    const id = created.headers.get('location')!.split('/').pop()!;
    const invalid = await client.postForm(`/mijn/organisaties/${id}/bewerken`, validFields({ kvkNumber: '70000001', name: 'Bewerk Mij', email: 'fout' }));
    assert.equal(invalid.status, 422);
    assert.match(await invalid.text(), /value="fout"/);

    const res = await client.postForm(
      `/mijn/organisaties/${id}/bewerken`,
      validFields({ kvkNumber: '70000001', name: 'Bewerk Mij', pitch: 'Een nieuwe zin.', certifications: ['b-corp'], certificationOther: '' }),
    );
    assert.equal(res.status, 303);
    const { rows } = await t.db.$client.query('select pitch, certification_codes, status from organisations where id = $1', [id]);
    assert.equal(rows[0].pitch, 'Een nieuwe zin.');
    assert.deepEqual(rows[0].certification_codes, ['b-corp']);
    assert.equal(rows[0].status, 'draft');
    const certs = await t.db.$client.query('select code from organisation_certifications where organisation_id = $1', [id]);
    assert.deepEqual(certs.rows.map((r) => r.code), ['b-corp']);
    const audit = await t.db.$client.query(`select details from audit_log where action = 'organisation.updated' and subject_id = $1 and actor_user_id = $2`, [id, user.id]);
    assert.equal(audit.rows.length, 1);
    assert.deepEqual(audit.rows[0].details.fields.sort(), ['certifications', 'pitch']);
    assert.doesNotMatch(JSON.stringify(audit.rows[0].details), /nieuwe zin/, 'the audit log holds field names, not content');

    const same = await client.postForm(`/mijn/organisaties/${id}/bewerken`, validFields({ kvkNumber: '70000001', name: 'Bewerk Mij', pitch: 'Een nieuwe zin.', certifications: ['b-corp'], certificationOther: '' }));
    assert.match(await (await client.follow(same)).text(), /Er was niets veranderd/);
  });

  test('changing the KvK number to one that exists is refused with a field error', async () => {
    await createOrganisation(t.db, { kvkNumber: '70000009' });
    const { client } = await entrepreneur();
    const created = await client.postForm('/mijn/organisaties/nieuw', validFields({ kvkNumber: '70000002' }));
    const id = created.headers.get('location')!.split('/').pop()!;
    const res = await client.postForm(`/mijn/organisaties/${id}/bewerken`, validFields({ kvkNumber: '70000009' }));
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Er staat al een organisatie met KvK-nummer 70000009/);
    const { rows } = await t.db.$client.query('select kvk_number from organisations where id = $1', [id]);
    assert.equal(rows[0].kvk_number, '70000002');
  });

  test('submitting needs consent first; consent is stored with user, text version and the service clock time', async () => {
    const { user, client } = await entrepreneur();
    const created = await client.postForm('/mijn/organisaties/nieuw', validFields({ kvkNumber: '80000001' }));
    const id = created.headers.get('location')!.split('/').pop()!;

    const early = await client.postForm(`/mijn/organisaties/${id}/indienen`, {});
    assert.equal(early.status, 422);
    assert.match(await early.text(), /Geef eerst toestemming om te publiceren/);
    assert.equal((await t.db.$client.query('select status from organisations where id = $1', [id])).rows[0].status, 'draft');

    const unticked = await client.postForm(`/mijn/organisaties/${id}/toestemming`, {});
    assert.equal(unticked.status, 422);
    assert.match(await unticked.text(), /Zet een vinkje als u toestemming geeft/);
    assert.equal(await count('select count(*)::int as n from publish_consents where organisation_id = $1', [id]), 0);

    t.clock.set('2026-11-28T10:15:00.000Z');
    const given = await client.postForm(`/mijn/organisaties/${id}/toestemming`, { consent: 'on' });
    assert.equal(given.status, 303);
    await client.postForm(`/mijn/organisaties/${id}/toestemming`, { consent: 'on' });
    const consents = await t.db.$client.query('select user_id, text_version, given_at, withdrawn_at from publish_consents where organisation_id = $1', [id]);
    assert.equal(consents.rows.length, 1, 'giving consent twice keeps one record');
    assert.equal(consents.rows[0].user_id, user.id);
    assert.equal(consents.rows[0].text_version, '2026-11-v1');
    assert.equal(consents.rows[0].given_at.toISOString(), '2026-11-28T10:15:00.000Z');
    assert.equal(consents.rows[0].withdrawn_at, null);
    const page = await (await client.get(`/mijn/organisaties/${id}`)).text();
    assert.match(page, /U gaf toestemming op 28 november 2026 (om )?11:15 \(versie 2026-11-v1\)/);

    t.clock.set('2026-11-28T10:20:00.000Z');
    const submitted = await client.postForm(`/mijn/organisaties/${id}/indienen`, {});
    assert.equal(submitted.status, 303);
    const { rows } = await t.db.$client.query('select status, submitted_at from organisations where id = $1', [id]);
    assert.equal(rows[0].status, 'in_review');
    assert.equal(rows[0].submitted_at.toISOString(), '2026-11-28T10:20:00.000Z');
    assert.equal(await count(`select count(*)::int as n from audit_log where action = 'organisation.submitted' and subject_id = $1`, [id]), 1);
    const twice = await client.postForm(`/mijn/organisaties/${id}/indienen`, {});
    assert.equal(twice.status, 409);
    assert.match(await twice.text(), /al naar de makelaar gestuurd/);
    t.clock.set('2026-11-28T10:00:00.000Z');
  });

  test('an incomplete draft cannot be submitted; the page lists what is missing', async () => {
    const { client } = await entrepreneur();
    const created = await client.postForm(
      '/mijn/organisaties/nieuw',
      validFields({ kvkNumber: '80000002', city: '', description: '', impactMeasurement: '', themes: [] }),
    );
    assert.equal(created.status, 303, 'a draft may be incomplete');
    const id = created.headers.get('location')!.split('/').pop()!;
    await client.postForm(`/mijn/organisaties/${id}/toestemming`, { consent: 'on' });
    const res = await client.postForm(`/mijn/organisaties/${id}/indienen`, {});
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /Vul eerst deze gegevens in: Plaats, Beschrijving, Hoe meet u uw impact\?, Thema&#39;s\./);
    assert.match(html, new RegExp(`href="/mijn/organisaties/${id}/bewerken#veld-city"`));
    assert.equal((await t.db.$client.query('select status from organisations where id = $1', [id])).rows[0].status, 'draft');
  });

  test('withdrawing consent takes a published profile offline at once', async (tc) => {
    const { user, client } = await entrepreneur();
    const org = await createOrganisation(t.db, { name: 'Zo Weer Weg', slug: 'zo-weer-weg', kvkNumber: '90000001', ownerId: user.id });
    await t.db.$client.query(`insert into publish_consents (organisation_id, user_id, text_version, given_at) values ($1, $2, '2026-11-v1', now())`, [org.id, user.id]);
    const publicBefore = await new TestClient(t.app).get('/ondernemers/zo-weer-weg');
    const directoryPageExists = publicBefore.status === 200;

    const res = await client.postForm(`/mijn/organisaties/${org.id}/toestemming/intrekken`, {});
    assert.equal(res.status, 303);
    const { rows } = await t.db.$client.query('select status, published_at from organisations where id = $1', [org.id]);
    assert.equal(rows[0].status, 'draft');
    assert.equal(rows[0].published_at, null);
    const consent = await t.db.$client.query('select withdrawn_at from publish_consents where organisation_id = $1', [org.id]);
    assert.equal(consent.rows[0].withdrawn_at.toISOString(), t.clock.now().toISOString());
    assert.equal(await count(`select count(*)::int as n from audit_log where action = 'organisation.consent_withdrawn' and subject_id = $1`, [org.id]), 1);
    assert.match(await (await client.follow(res)).text(), /Het profiel is offline gehaald/);
    assert.equal(await count(`select count(*)::int as n from organisations where status = 'published' and id = $1`, [org.id]), 0);
    const publicAfter = await new TestClient(t.app).get('/ondernemers/zo-weer-weg');
    assert.equal(publicAfter.status, 404);
    if (!directoryPageExists) tc.diagnostic('GET /ondernemers/:slug did not exist yet: only the database status was a real check');
  });

  test('a rejected profile shows the coordinator\'s reason on /mijn/organisaties', async () => {
    const { user, client } = await entrepreneur();
    await createOrganisation(t.db, {
      name: 'Nog Niet Goed',
      kvkNumber: '90000002',
      status: 'rejected',
      publishedAt: null,
      rejectionReason: 'Beschrijf beter hoe u uw impact meet.',
      ownerId: user.id,
    });
    const html = await (await client.get('/mijn/organisaties')).text();
    assert.match(html, /Afgewezen/);
    assert.match(html, /Reden van de makelaar:/);
    assert.match(html, /Beschrijf beter hoe u uw impact meet\./);
  });

  test('every profile page renders in English as well', async () => {
    const { client } = await entrepreneur();
    const created = await client.postForm('/mijn/organisaties/nieuw', validFields({ kvkNumber: '90000003' }));
    const id = created.headers.get('location')!.split('/').pop()!;
    await client.get('/mijn/organisaties?lang=en');
    for (const [path, text] of [
      ['/mijn/organisaties', /My organisations/],
      ['/mijn/organisaties/nieuw', /Add an organisation/],
      [`/mijn/organisaties/${id}`, /Consent to publish/],
      [`/mijn/organisaties/${id}/bewerken`, /Edit Groene Kracht Emmen/],
      [`/mijn/organisaties/${id}/logo`, /Logo of Groene Kracht Emmen/],
      ['/mijn/organisaties/claimen', /Become a member of an organisation/],
    ] as const) {
      const res = await client.get(path);
      assert.equal(res.status, 200, path);
      const html = await res.text();
      assert.match(html, text, path);
      assert.doesNotMatch(html, /profiles\.[a-zA-Z]+\.[a-zA-Z]/, `${path} shows no raw message keys`);
      assert.equal((html.match(/<h1[\s>]/g) ?? []).length, 1, `${path} has one h1`);
    }
  });
});
