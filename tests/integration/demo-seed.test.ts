import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { verify } from '@node-rs/argon2';
import { region } from '../../src/data/reference.ts';
import { createDb } from '../../src/db/client.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { DEMO_PARTNERS } from '../../src/features/demo/demo.partners.ts';
import { PLACES } from '../../src/features/demo/demo.places.ts';
import { CONSENT_TEXT_VERSION } from '../../src/features/profiles/profiles.validation.ts';
import { DEMO_PASSWORD, demoLogins, demoLoginsIn, hasDemoData, seedDemoData } from '../../src/features/demo/demo.seed.ts';
import { TestClient } from '../helpers/client.ts';
import { createTestContext, createTestDatabase, type TestContext } from '../helpers/test-app.ts';

const NOW = '2026-11-28T10:00:00.000Z';

type OrgRow = {
  id: string;
  slug: string;
  name: string;
  kvk_number: string | null;
  municipality_slug: string;
  postcode: string | null;
  lat: number | null;
  lng: number | null;
  status: string;
  is_demo: boolean;
  is_partner: boolean;
  rejection_reason: string | null;
  pitch: string;
  description: string;
  impact_problem: string;
  impact_target_group: string;
  impact_measurement: string;
  theme_slugs: string[];
  sdgs: number[];
  certification_codes: string[];
  founded_year: number | null;
  employees: number | null;
};

describe('demo data', () => {
  let t: TestContext;
  let orgs: OrgRow[];

  before(async () => {
    t = await createTestContext({ now: NOW });
    assert.equal(await hasDemoData(t.db), false, 'a fresh database holds no demo data');
    const result = await seedDemoData(t.db, { clock: t.clock });
    assert.equal(result.loaded, true);
    orgs = (await t.db.$client.query<OrgRow>('select * from organisations order by slug')).rows;
  });
  after(async () => {
    await t.close();
  });

  test('about 80 fictional impact organisations, spread over all six municipalities, all labelled demo', async () => {
    const entrepreneurs = orgs.filter((o) => !o.is_partner);
    assert.ok(entrepreneurs.length >= 75 && entrepreneurs.length <= 90, `got ${entrepreneurs.length}`);
    assert.ok(orgs.every((o) => o.is_demo), 'every organisation is labelled demo');
    assert.equal(await hasDemoData(t.db), true);
    for (const m of region.municipalities) {
      const n = entrepreneurs.filter((o) => o.municipality_slug === m.slug).length;
      assert.ok(n >= 5, `${m.slug} has ${n} organisations`);
    }
    assert.equal(new Set(orgs.map((o) => o.slug)).size, orgs.length, 'slugs are unique');
  });

  test('profiles are complete, with valid KvK numbers, postcodes and coordinates in the right area', () => {
    for (const o of orgs.filter((x) => !x.is_partner)) {
      assert.match(o.kvk_number ?? '', /^0000[0-9]{4}$/, `${o.slug}: KvK is 8 digits and obviously fictional`);
      assert.match(o.postcode ?? '', /^[1-9][0-9]{3} [A-Z]{2}$/, `${o.slug}: postcode format`);
      const prefixes = PLACES[o.municipality_slug].map((p) => p.postcode);
      assert.ok(prefixes.includes(o.postcode!.slice(0, 4)), `${o.slug}: postcode ${o.postcode} lies in ${o.municipality_slug}`);
      const centre = region.municipalities.find((m) => m.slug === o.municipality_slug)!;
      assert.ok(Math.abs(o.lat! - centre.lat) < 0.3 && Math.abs(o.lng! - centre.lng) < 0.3, `${o.slug}: in ${centre.name}`);
      assert.ok(
        PLACES[o.municipality_slug].some((p) => Math.abs(o.lat! - p.lat) < 0.03 && Math.abs(o.lng! - p.lng) < 0.03),
        `${o.slug}: near a village of ${centre.name}`,
      );
      for (const field of ['pitch', 'description', 'impact_problem', 'impact_target_group', 'impact_measurement'] as const) {
        assert.ok(o[field].length > 20, `${o.slug}: ${field} filled`);
        assert.doesNotMatch(o[field], /\{(plaats|gemeente)\}/, `${o.slug}: ${field} has no left-over placeholder`);
      }
      assert.ok(o.theme_slugs.length >= 1 && o.sdgs.length >= 1, `${o.slug}: themes and SDGs`);
      assert.ok(o.sdgs.every((n) => n >= 1 && n <= 17));
      assert.ok(o.founded_year! >= 2000 && o.founded_year! <= 2026 && o.employees! >= 1);
    }
    const allThemes = new Set(orgs.flatMap((o) => o.theme_slugs));
    assert.ok(allThemes.size >= 12, `themes used: ${allThemes.size}`);
  });

  test('mostly published, with some in review, draft and rejected (with a reason) for moderation', () => {
    const by = (s: string) => orgs.filter((o) => !o.is_partner && o.status === s);
    assert.ok(by('published').length >= 60);
    assert.ok(by('in_review').length >= 3);
    assert.ok(by('draft').length >= 2);
    assert.ok(by('rejected').length >= 2);
    assert.ok(by('rejected').every((o) => (o.rejection_reason ?? '').length > 10));
  });

  test('certifications: stored in both places, some verified by the coordinator', async () => {
    const { rows } = await t.db.$client.query<{ organisation_id: string; code: string; verified: boolean; verified_by: string | null }>(
      'select organisation_id, code, verified, verified_by from organisation_certifications',
    );
    assert.ok(rows.length >= 20);
    for (const o of orgs) {
      const stored = rows.filter((r) => r.organisation_id === o.id).map((r) => r.code).sort();
      assert.deepEqual(stored, [...o.certification_codes].sort(), `${o.slug}: certification codes agree`);
    }
    const verified = rows.filter((r) => r.verified);
    assert.ok(verified.length >= 5);
    const { rows: coord } = await t.db.$client.query<{ id: string }>("select id from users where email = 'coordinator@demo.impactregio.nl'");
    assert.ok(verified.every((r) => r.verified_by === coord[0].id));
  });

  test('the partners named by the programme are present, marked as partner, without KvK numbers', () => {
    const partners = orgs.filter((o) => o.is_partner);
    assert.deepEqual(partners.map((p) => p.name).sort(), DEMO_PARTNERS.map((p) => p.name).sort());
    for (const name of ['Impact Noord', 'Growing Emmen', 'Greendrinks Zuidoost-Drenthe', 'Ik Ben Drents Ondernemer (IBDO)', 'NHL Stenden']) {
      const p = partners.find((x) => x.name === name);
      assert.ok(p, name);
      assert.equal(p.kvk_number, null);
      assert.equal(p.status, 'published');
    }
  });

  test('every published or in-review demo organisation has a current consent row (so moderation can approve it)', async () => {
    const { rows } = await t.db.$client.query<{ slug: string }>(
      `select o.slug from organisations o
        where o.status in ('published', 'in_review')
          and not exists (select 1 from publish_consents c
                           where c.organisation_id = o.id and c.withdrawn_at is null and c.text_version = $1
                             and c.given_at <= coalesce(o.published_at, o.submitted_at))`,
      [CONSENT_TEXT_VERSION],
    );
    assert.deepEqual(rows, []);
    const { rows: drafts } = await t.db.$client.query<{ n: number }>(
      "select count(*)::int n from publish_consents c join organisations o on o.id = c.organisation_id where o.status = 'draft'",
    );
    assert.equal(drafts[0].n, 0, 'drafts have no consent yet');
  });

  test('every demo login exists, is verified and demo, has the right roles and scope, and takes the demo password', async () => {
    const logins = demoLogins();
    const expected: Record<string, Array<{ role: string; municipality: string | null }>> = {
      'coordinator@demo.impactregio.nl': [{ role: 'coordinator', municipality: null }],
      'admin@demo.impactregio.nl': [{ role: 'admin', municipality: null }],
      'ondernemer@demo.impactregio.nl': [{ role: 'entrepreneur', municipality: null }],
      'inkoper.emmen@demo.impactregio.nl': [{ role: 'procurement_officer', municipality: 'emmen' }],
      'partner@demo.impactregio.nl': [{ role: 'partner', municipality: null }],
      'deelnemer@demo.impactregio.nl': [{ role: 'learner', municipality: null }],
    };
    for (const m of region.municipalities) expected[`accountmanager.${m.slug}@demo.impactregio.nl`] = [{ role: 'account_manager', municipality: m.slug }];
    assert.deepEqual(logins.map((l) => l.email).sort(), Object.keys(expected).sort());
    assert.deepEqual(await demoLoginsIn(t.db), logins, 'all of them exist in this database');
    assert.ok(logins.every((l) => l.description.length > 3 && l.description.length < 70));

    const { rows } = await t.db.$client.query<{ email: string; password_hash: string; email_verified_at: Date | null; is_demo: boolean }>(
      'select email, password_hash, email_verified_at, is_demo from users',
    );
    assert.equal(rows.length, logins.length);
    const hashes = new Set(rows.map((r) => r.password_hash));
    assert.equal(hashes.size, 1, 'the password was hashed once and the hash reused');
    assert.match([...hashes][0], /^\$argon2id\$/);
    assert.equal(await verify([...hashes][0], DEMO_PASSWORD), true);
    assert.equal(await verify([...hashes][0], 'wrong-password'), false);

    for (const [email, roles] of Object.entries(expected)) {
      const u = rows.find((r) => r.email === email);
      assert.ok(u, email);
      assert.ok(u.email_verified_at && u.is_demo, `${email} verified and demo`);
      const { rows: got } = await t.db.$client.query<{ role: string; municipality: string | null }>(
        'select ra.role::text as role, ra.municipality_slug as municipality from role_assignments ra join users u on u.id = ra.user_id where u.email = $1',
        [email],
      );
      assert.deepEqual(got, roles, `${email} roles`);
    }
  });

  test('the demo entrepreneur owns a few organisations, one of them a draft; the partner login works for IBDO', async () => {
    const { rows } = await t.db.$client.query<{ status: string; role: string }>(
      `select o.status::text as status, m.role::text as role from memberships m
         join users u on u.id = m.user_id join organisations o on o.id = m.organisation_id
        where u.email = 'ondernemer@demo.impactregio.nl'`,
    );
    assert.ok(rows.length >= 2);
    assert.ok(rows.some((r) => r.status === 'draft'));
    assert.ok(rows.some((r) => r.status === 'published'));
    assert.ok(rows.every((r) => r.role === 'owner'));
    const { rows: partner } = await t.db.$client.query<{ name: string }>(
      `select o.name from memberships m join users u on u.id = m.user_id join organisations o on o.id = m.organisation_id
        where u.email = 'partner@demo.impactregio.nl'`,
    );
    assert.deepEqual(partner.map((p) => p.name), ['Ik Ben Drents Ondernemer (IBDO)']);
  });

  test('a second run finds the data and adds nothing', async () => {
    const count = async () => (await t.db.$client.query<{ o: number; u: number; c: number; r: number }>(
      'select (select count(*) from organisations)::int o, (select count(*) from users)::int u, (select count(*) from publish_consents)::int c, (select count(*) from role_assignments)::int r',
    )).rows[0];
    const before = await count();
    const again = await seedDemoData(t.db, { clock: fixedClock('2027-03-01T00:00:00Z') });
    assert.equal(again.loaded, false);
    assert.deepEqual(await count(), before);
  });

  test('the data is deterministic: a fresh database gets the same organisations', async () => {
    const other = await createTestDatabase();
    const db = createDb(other.url, { max: 2 });
    try {
      await seedDemoData(db, { clock: fixedClock(NOW) });
      const cols = 'slug, name, kvk_number, municipality_slug, postcode, lat, lng, status, pitch, theme_slugs, sdgs, certification_codes, created_at, published_at';
      const a = (await t.db.$client.query(`select ${cols} from organisations order by slug`)).rows;
      const b = (await db.$client.query(`select ${cols} from organisations order by slug`)).rows;
      assert.deepEqual(b, a);
      const ua = (await t.db.$client.query('select email, name from users order by email')).rows;
      const ub = (await db.$client.query('select email, name from users order by email')).rows;
      assert.deepEqual(ub, ua);
    } finally {
      await db.$client.end();
      await other.drop();
    }
  });

  test('the directory finds published demo profiles and partners, and never drafts', async () => {
    const found = await t.app.request('/ondernemers?q=zoemerij');
    assert.equal(found.status, 200);
    assert.match(await found.text(), /Imkerij De Zoemerij/);
    const draft = orgs.find((o) => o.slug === 'woonhof-samen')!;
    assert.equal(draft.status, 'draft');
    assert.doesNotMatch(await (await t.app.request('/ondernemers?q=woonhof')).text(), /Woonhof Samen/);
    assert.equal((await t.app.request('/ondernemers/woonhof-samen')).status, 404);
    const partner = await t.app.request('/ondernemers/nhl-stenden');
    assert.equal(partner.status, 200);
    assert.match(await partner.text(), /NHL Stenden/);
  });

  // Last: it changes the data (approves a profile).
  test('the demo coordinator logs in with the demo password and finds the in-review profiles in the moderation queue', async () => {
    const client = new TestClient(t.app);
    const wrong = await client.postForm('/inloggen', { email: 'coordinator@demo.impactregio.nl', password: 'not-the-password' });
    assert.equal(wrong.status, 422);
    const res = await client.postForm('/inloggen', { email: 'coordinator@demo.impactregio.nl', password: DEMO_PASSWORD });
    assert.equal(res.status, 303);
    const queue = await client.get('/beheer/moderatie');
    assert.equal(queue.status, 200);
    const html = await queue.text();
    const inReview = orgs.filter((o) => o.status === 'in_review');
    for (const o of inReview) assert.ok(html.includes(o.name.replaceAll('&', '&amp;')), `${o.name} waits in the queue`);

    // The recorded consent is the current text version, so approving works.
    const approve = await client.postForm(`/beheer/moderatie/organisaties/${inReview[0].id}/goedkeuren`, {});
    assert.equal(approve.status, 303);
    const { rows } = await t.db.$client.query<{ status: string }>('select status::text from organisations where id = $1', [inReview[0].id]);
    assert.equal(rows[0].status, 'published');
  });
});
