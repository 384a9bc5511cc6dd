import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { TestClient } from '../helpers/client.ts';
import { createOrganisation, createUser, loginAs } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

const storyCount = async (t: TestContext) => Number((await t.db.$client.query('select count(*) from stories')).rows[0].count);

const validStory = (over: Record<string, string | string[]> = {}) => ({
  title: 'Zorgboerderij De Hazelaar groeit',
  kind: 'portret',
  lead: 'Op de boerderij werken twintig mensen mee.',
  body: '## Begin\n\nHet begon met **drie** kippen. Lees meer op [hun site](https://hazelaar.example.org).',
  themes: ['zorg-en-welzijn'],
  organisations: '',
  ...over,
});

describe('stories', () => {
  let t: TestContext;
  let coordinator: TestClient;
  let visitor: TestClient;
  let org: { id: string; slug: string; name: string };

  before(async () => {
    t = await createTestContext();
    const user = await createUser(t.db, { roles: ['coordinator'] });
    coordinator = new TestClient(t.app);
    await loginAs(t.db, coordinator, user, t.clock.now());
    visitor = new TestClient(t.app);
    org = await createOrganisation(t.db, { name: 'Zorgboerderij De Hazelaar', slug: 'zorgboerderij-de-hazelaar' });
  });
  after(async () => {
    await t.close();
  });

  test('unsafe Markdown is refused with a clear message, the typed text kept and nothing stored', async () => {
    const body = 'Hallo <script>alert(1)</script> en [klik](javascript:alert(1))';
    const res = await coordinator.postForm('/beheer/verhalen/nieuw', validStory({ body }));
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /Gebruik geen HTML-code/);
    assert.match(html, /Een link mag alleen naar een webadres/);
    assert.ok(html.includes('Hallo &lt;script&gt;alert(1)&lt;/script&gt;'), 'the typed text comes back, escaped');
    assert.ok(!html.includes('<script>alert(1)'), 'and never as markup');
    assert.equal(await storyCount(t), 0);
  });

  test('an unknown linked profile is named and nothing is stored', async () => {
    const res = await coordinator.postForm('/beheer/verhalen/nieuw', validStory({ organisations: 'bestaat-niet\nzorgboerderij-de-hazelaar' }));
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Deze profielen bestaan niet: bestaat-niet/);
    assert.equal(await storyCount(t), 0);
  });

  test('empty form: 422 with the errors', async () => {
    const res = await coordinator.postForm('/beheer/verhalen/nieuw', {});
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Er ging iets mis/);
  });

  let storyId = '';
  let slug = '';
  test('the coordinator writes a draft: not public until published', async () => {
    const res = await coordinator.postForm('/beheer/verhalen/nieuw', validStory({ organisations: `https://impactregio.example/ondernemers/${org.slug}` }));
    assert.equal(res.status, 303);
    storyId = res.headers.get('location')!.split('/').pop()!;
    const row = (await t.db.$client.query('select slug, status from stories where id = $1', [storyId])).rows[0];
    assert.equal(row.status, 'draft');
    slug = row.slug;
    assert.equal(slug, 'zorgboerderij-de-hazelaar-groeit');
    assert.equal((await visitor.get(`/verhalen/${slug}`)).status, 404);
    assert.doesNotMatch(await (await visitor.get('/verhalen')).text(), /De Hazelaar groeit/);
    const preview = await coordinator.get(`/beheer/verhalen/${storyId}/voorbeeld`);
    assert.equal(preview.status, 200);
    const previewHtml = await preview.text();
    assert.match(previewHtml, /Dit is een voorbeeld/);
    assert.match(previewHtml, /<strong>drie<\/strong>/);
    const audit = await t.db.$client.query("select action from audit_log where subject_type = 'story' and subject_id = $1", [storyId]);
    assert.deepEqual(audit.rows.map((r) => r.action), ['story.created']);
  });

  test('published: on /verhalen, its own page (Markdown rendered, JSON-LD Article), the profile and the home page', async () => {
    assert.equal((await coordinator.postForm(`/beheer/verhalen/${storyId}/publiceren`, {})).status, 303);
    const list = await (await visitor.get('/verhalen')).text();
    assert.match(list, new RegExp(`href="/verhalen/${slug}"`));
    const page = await visitor.get(`/verhalen/${slug}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<h2 class="utrecht-heading-2">Begin<\/h2>/);
    assert.match(html, /<strong>drie<\/strong>/);
    assert.match(html, /"@type":"Article"/);
    assert.match(html, new RegExp(`href="/ondernemers/${org.slug}"`));
    const profile = await (await visitor.get(`/ondernemers/${org.slug}`)).text();
    assert.match(profile, /Verhalen over deze ondernemer/);
    assert.match(profile, new RegExp(`href="/verhalen/${slug}"`));
    const home = await (await visitor.get('/')).text();
    assert.match(home, new RegExp(`href="/verhalen/${slug}"`));
    const atom = await visitor.get('/verhalen.atom');
    assert.equal(atom.headers.get('content-type'), 'application/atom+xml; charset=utf-8');
    const xml = await atom.text();
    assert.match(xml, /<title type="text">Zorgboerderij De Hazelaar groeit<\/title>/);
    assert.match(xml, new RegExp(`<link rel="alternate" type="text/html" href="http://localhost:3000/verhalen/${slug}"/>`));
    assert.match(xml, /<content type="html">[^<]*&lt;strong&gt;drie&lt;\/strong&gt;/);
    assert.doesNotMatch(await (await visitor.get('/verhalen.atom?thema=energie')).text(), /<entry>/);
  });

  test('an edit keeps the slug; unsafe Markdown in an edit changes nothing', async () => {
    const ok = await coordinator.postForm(`/beheer/verhalen/${storyId}`, validStory({ title: 'Nieuwe titel', organisations: org.slug }));
    assert.equal(ok.status, 303);
    const bad = await coordinator.postForm(`/beheer/verhalen/${storyId}`, validStory({ title: 'Gehackt', body: '<img src=x onerror=alert(1)>' }));
    assert.equal(bad.status, 422);
    const row = (await t.db.$client.query('select slug, title, body from stories where id = $1', [storyId])).rows[0];
    assert.equal(row.slug, slug);
    assert.equal(row.title, 'Nieuwe titel');
    assert.doesNotMatch(row.body, /onerror/);
  });

  test('an image is checked by content, re-encoded as WebP and served for the published story', async () => {
    const form = new FormData();
    form.set('image', new File([new Uint8Array(Buffer.from('<svg onload=alert(1)>'))], 'foto.png', { type: 'image/png' }));
    form.set('imageAlt', 'Een kip');
    const refused = await coordinator.postMultipart(`/beheer/verhalen/${storyId}/afbeelding`, form);
    assert.equal(refused.status, 422);
    assert.match(await refused.text(), /geen PNG-, JPEG- of WebP-afbeelding/);

    const noAlt = new FormData();
    const jpeg = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    noAlt.set('image', new File([new Uint8Array(jpeg)], 'foto.jpg', { type: 'image/jpeg' }));
    const res422 = await coordinator.postMultipart(`/beheer/verhalen/${storyId}/afbeelding`, noAlt);
    assert.equal(res422.status, 422, 'an image needs a description');

    const good = new FormData();
    good.set('image', new File([new Uint8Array(jpeg)], 'foto.jpg', { type: 'image/jpeg' }));
    good.set('imageAlt', 'Sanne tussen de kippen');
    assert.equal((await coordinator.postMultipart(`/beheer/verhalen/${storyId}/afbeelding`, good)).status, 303);
    const html = await (await visitor.get(`/verhalen/${slug}`)).text();
    const src = /<img class="ir-story__image" src="([^"]+)" alt="Sanne tussen de kippen"/.exec(html)?.[1];
    assert.ok(src, 'the page shows the image with its description');
    const img = await new TestClient(t.app).get(src!.replace(/&amp;/g, '&'));
    assert.equal(img.status, 200);
    assert.equal(img.headers.get('set-cookie'), null, 'a publicly cached image sets no cookie');
    assert.equal(img.headers.get('content-type'), 'image/webp');
    const meta = await sharp(Buffer.from(await img.arrayBuffer())).metadata();
    assert.equal(meta.width, 1200);
  });

  test('unknown or malformed filters answer 400 with a message; a page past the end shows the last page', async () => {
    const bad = await visitor.get('/verhalen?thema=onbekend');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /Dit thema bestaat niet/);
    assert.equal((await visitor.get('/verhalen?pagina=nul')).status, 400);
    assert.equal((await visitor.get('/verhalen?pagina=99')).status, 200);
    const themed = await (await visitor.get('/verhalen?thema=energie')).text();
    assert.match(themed, /nog geen verhalen over dit thema/);
  });

  test('malformed slugs and ids are a 404, never an error', async () => {
    for (const path of ['/verhalen/%00', '/verhalen/%00/afbeelding', '/verhalen/%FF', `/verhalen/${'a'.repeat(300)}`]) assert.equal((await visitor.get(path)).status, 404, path);
    assert.equal((await coordinator.get('/beheer/verhalen/%00')).status, 404);
    assert.equal((await coordinator.postForm('/beheer/verhalen/niet-een-id/publiceren', {})).status, 404);
  });

  test('only the coordinator manages stories', async () => {
    const entrepreneur = new TestClient(t.app);
    await loginAs(t.db, entrepreneur, await createUser(t.db, { roles: ['entrepreneur'] }), t.clock.now());
    assert.equal((await entrepreneur.get('/beheer/verhalen')).status, 403);
    assert.equal((await entrepreneur.postForm(`/beheer/verhalen/${storyId}/verwijderen`, {})).status, 403);
    assert.equal((await visitor.get('/beheer/verhalen')).status, 303);
  });

  test('taken offline: gone from public pages; deleted: gone', async () => {
    assert.equal((await coordinator.postForm(`/beheer/verhalen/${storyId}/offline`, {})).status, 303);
    assert.equal((await visitor.get(`/verhalen/${slug}`)).status, 404);
    assert.doesNotMatch(await (await visitor.get(`/ondernemers/${org.slug}`)).text(), /Verhalen over deze ondernemer/);
    assert.equal((await coordinator.get('/beheer/verhalen')).status, 200);
    const confirm = await coordinator.get(`/beheer/verhalen/${storyId}/verwijderen`);
    assert.equal(confirm.status, 200);
    assert.match(await confirm.text(), /Weet u het zeker\?/);
    assert.equal(await storyCount(t), 1, 'asking changes nothing');
    assert.equal((await coordinator.postForm(`/beheer/verhalen/${storyId}/verwijderen`, {})).status, 303);
    assert.equal(await storyCount(t), 0);
    const audit = await t.db.$client.query("select action from audit_log where subject_type = 'story' and subject_id = $1 order by id", [storyId]);
    assert.deepEqual(
      audit.rows.map((r) => r.action),
      ['story.created', 'story.published', 'story.updated', 'story.updated', 'story.unpublished', 'story.deleted'],
    );
    assert.equal((await coordinator.get(`/beheer/verhalen/${storyId}`)).status, 404);
  });
});

describe('demo stories', () => {
  test('the demo seed adds fictional, labelled, published stories linked to published demo profiles', async () => {
    const { seedDemoData } = await import('../../src/features/demo/demo.seed.ts');
    const t = await createTestContext();
    try {
      await seedDemoData(t.db, { clock: t.clock, passwordHash: 'x' });
      const rows = (await t.db.$client.query('select id, slug, is_demo, status, body from stories order by published_at desc')).rows;
      assert.equal(rows.length, 5);
      assert.ok(rows.every((r) => r.is_demo && r.status === 'published'));
      assert.ok(rows.every((r) => /verzonnen/.test(r.body)), 'every text says it is made up');
      const links = (await t.db.$client.query("select o.status from story_organisations so join organisations o on o.id = so.organisation_id")).rows;
      assert.equal(links.length, 3);
      assert.ok(links.every((l) => l.status === 'published'));
      const client = new TestClient(t.app);
      const home = await (await client.get('/')).text();
      assert.match(home, /demoverhaal \(verzonnen\)/);
      const page = await client.get(`/verhalen/${rows[0].slug}`);
      assert.equal(page.status, 200);
    } finally {
      await t.close();
    }
  });
});
