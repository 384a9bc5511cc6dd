import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { TestClient } from '../helpers/client.ts';
import { createOrganisation, createUser, loginAs } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

/** Test images made with sharp itself: a real PNG/JPEG/WebP of the given size. */
const image = (format: 'png' | 'jpeg' | 'webp' | 'gif', width = 800, height = 600) =>
  sharp({ create: { width, height, channels: 3, background: { r: 29, g: 91, b: 58 } } })
    .toFormat(format)
    .toBuffer();

const isWebp = (b: Buffer) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP';

function upload(bytes: Uint8Array, name: string, type: string): FormData {
  const form = new FormData();
  form.set('logo', new File([new Uint8Array(bytes)], name, { type }));
  return form;
}

describe('logo upload', () => {
  let t: TestContext;
  let client: TestClient;
  let orgId: string;
  let ownerId: string;

  before(async () => {
    t = await createTestContext();
    const owner = await createUser(t.db, { roles: ['entrepreneur'] });
    ownerId = owner.id;
    client = new TestClient(t.app);
    await loginAs(t.db, client, owner, t.clock.now());
    orgId = (await createOrganisation(t.db, { name: 'Logo BV', status: 'draft', publishedAt: null, ownerId })).id;
  });
  after(async () => {
    await t.close();
  });

  const stored = async () => (await t.db.$client.query('select content_type, bytes from organisation_logos where organisation_id = $1', [orgId])).rows[0] as { content_type: string; bytes: Buffer } | undefined;
  const hasLogo = async () => (await t.db.$client.query('select has_logo from organisations where id = $1', [orgId])).rows[0].has_logo as boolean;

  test('the logo page has a labelled file input in a multipart form', async () => {
    const res = await client.get(`/mijn/organisaties/${orgId}/logo`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /enctype="multipart\/form-data"/);
    assert.match(html, /<label class="utrecht-form-label" for="veld-logo">/);
    assert.match(html, /id="veld-logo" name="logo" accept="image\/png,image\/jpeg,image\/webp"/);
  });

  for (const format of ['png', 'jpeg', 'webp'] as const) {
    test(`a ${format.toUpperCase()} logo is accepted and re-encoded as WebP, fitted in 512x512`, async () => {
      const res = await client.postMultipart(`/mijn/organisaties/${orgId}/logo`, upload(await image(format, 1600, 800), `logo.${format}`, `image/${format}`));
      assert.equal(res.status, 303);
      const row = await stored();
      assert.ok(row, 'a logo is stored');
      assert.equal(row.content_type, 'image/webp');
      assert.ok(isWebp(row.bytes), 'the stored bytes are WebP');
      const meta = await sharp(row.bytes).metadata();
      assert.equal(meta.width, 512);
      assert.equal(meta.height, 256);
      assert.equal(await hasLogo(), true);
    });
  }

  test('metadata of the original (EXIF) is stripped', async () => {
    const jpeg = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#336699' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'Geheime Fotograaf', Artist: 'Jan Jansen' } })
      .toBuffer();
    assert.ok((await sharp(jpeg).metadata()).exif, 'the test image really carries EXIF');
    const res = await client.postMultipart(`/mijn/organisaties/${orgId}/logo`, upload(jpeg, 'foto.jpg', 'image/jpeg'));
    assert.equal(res.status, 303);
    const row = await stored();
    const meta = await sharp(row!.bytes).metadata();
    assert.equal(meta.exif, undefined);
    assert.ok(!row!.bytes.includes(Buffer.from('Geheime Fotograaf')));
    assert.equal(meta.width, 300, 'a small logo is not enlarged');
  });

  test('the member can see the stored logo; a stranger cannot', async () => {
    const res = await client.get(`/mijn/organisaties/${orgId}/logo/afbeelding`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/webp');
    assert.ok(isWebp(Buffer.from(await res.arrayBuffer())));
    const stranger = new TestClient(t.app);
    await loginAs(t.db, stranger, await createUser(t.db, { roles: ['entrepreneur'] }), t.clock.now());
    assert.equal((await stranger.get(`/mijn/organisaties/${orgId}/logo/afbeelding`)).status, 404);
    const before = (await stored())!.bytes;
    const attempt = await stranger.postMultipart(`/mijn/organisaties/${orgId}/logo`, upload(await image('png'), 'x.png', 'image/png'));
    assert.equal(attempt.status, 404);
    assert.ok((await stored())!.bytes.equals(before), 'a stranger changes nothing');
  });

  const refusals: Array<{ label: string; make: () => Promise<FormData>; message: RegExp }> = [
    { label: 'a text file renamed .png (sent as image/png)', make: async () => upload(Buffer.from('Dit is geen plaatje.\n'.repeat(20)), 'logo.png', 'image/png'), message: /geen PNG-, JPEG- of WebP-afbeelding/ },
    { label: 'a GIF image', make: async () => upload(await image('gif', 50, 50), 'logo.gif', 'image/gif'), message: /geen PNG-, JPEG- of WebP-afbeelding/ },
    { label: 'an SVG file named .png', make: async () => upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.png', 'image/png'), message: /geen PNG-, JPEG- of WebP-afbeelding/ },
    {
      label: 'a PNG header on broken data',
      make: async () => upload(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2000)]), 'kapot.png', 'image/png'),
      message: /kunnen deze afbeelding niet lezen/,
    },
    {
      label: 'a real PNG over 2 MB',
      make: async () => {
        // Random pixels do not compress, so this PNG is really larger than 2 MB (and under the 3 MB body limit).
        const png = await sharp(randomBytes(860 * 860 * 3), { raw: { width: 860, height: 860, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
        assert.ok(png.length > 2 * 1024 * 1024 && png.length < 2.9 * 1024 * 1024, `test PNG is ${png.length} bytes`);
        return upload(png, 'groot.png', 'image/png');
      },
      message: /groter dan 2 MB/,
    },
    { label: 'no file at all', make: async () => upload(new Uint8Array(0), '', 'application/octet-stream'), message: /Kies een bestand met uw logo/ },
  ];

  for (const r of refusals) {
    test(`${r.label} is refused with 422 and a clear message; the stored logo stays`, async () => {
      const before = await stored();
      assert.ok(before, 'an earlier logo is stored');
      const res = await client.postMultipart(`/mijn/organisaties/${orgId}/logo`, await r.make());
      assert.equal(res.status, 422);
      const html = await res.text();
      assert.match(html, /data-error-summary/);
      assert.match(html, /href="#veld-logo"/);
      assert.match(html, r.message);
      const after = await stored();
      assert.ok(after!.bytes.equals(before.bytes), 'nothing changed');
      assert.equal(await hasLogo(), true);
    });
  }

  test('an upload over the 3 MB body limit gets a clear message (not a 500) and changes nothing', async () => {
    const before = (await stored())!.bytes;
    const res = await client.postMultipart(`/mijn/organisaties/${orgId}/logo`, upload(randomBytes(3.5 * 1024 * 1024), 'enorm.png', 'image/png'));
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Wat u stuurde is te groot/);
    assert.ok((await stored())!.bytes.equals(before));
  });

  test('the logo can be removed', async () => {
    const res = await client.postForm(`/mijn/organisaties/${orgId}/logo/verwijderen`, {});
    assert.equal(res.status, 303);
    assert.equal(await stored(), undefined);
    assert.equal(await hasLogo(), false);
    assert.match(await (await client.follow(res)).text(), /Het logo is verwijderd/);
    assert.equal((await client.get(`/mijn/organisaties/${orgId}/logo/afbeelding`)).status, 404);
    const audits = await t.db.$client.query(`select details from audit_log where action = 'organisation.updated' and subject_id = $1`, [orgId]);
    assert.ok(audits.rows.length >= 5 && audits.rows.every((r) => JSON.stringify(r.details.fields) === '["logo"]'));
  });
});
