import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { createStory, setStoryPublished } from '../../src/features/stories/stories.service.ts';
import { storyInputSchema } from '../../src/features/stories/stories.validation.ts';
import { browserSkipReason, launchBrowser } from '../helpers/browser.ts';
import { TestClient } from '../helpers/client.ts';
import { createUser } from '../helpers/factories.ts';
import { insertEvent } from '../helpers/feed-events.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

/**
 * The Atom feeds read by an independent XML parser (Chromium's DOMParser): well-formed, in the Atom namespace, with
 * the entries expected, even when titles and texts hold characters that must be escaped.
 */
describe('Atom feeds in an XML parser', { skip: browserSkipReason() }, () => {
  let browser: Browser;
  let t: TestContext;
  let client: TestClient;

  before(async () => {
    browser = (await launchBrowser())!;
    t = await createTestContext();
    client = new TestClient(t.app);
    const coordinator = await createUser(t.db, { roles: ['coordinator'] });
    const ctx = t.ctx(coordinator);
    const story = await createStory(
      ctx,
      storyInputSchema.parse({ title: 'Zorg & welzijn <samen> "sterk"', kind: 'nieuws', lead: 'Lead met ]]> en \u0001 stuurteken', body: 'Tekst', themes: ['zorg-en-welzijn'], organisations: '' }),
    );
    assert.ok(story.ok);
    await setStoryPublished(ctx, story.story.id, true);
    await insertEvent(t.db, { title: 'Markt & meer <gratis>', description: '**Vet** & <niet echt html>', firstStartLocal: '2026-12-05T10:00' });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const path of ['/verhalen.atom', '/agenda.atom', '/verhalen.atom?thema=energie']) {
    test(`${path} is well-formed Atom`, async () => {
      const res = await client.get(path);
      assert.equal(res.status, 200);
      const xml = await res.text();
      const context = await browser.newContext();
      const page = await context.newPage();
      const parsed = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, 'application/xml');
        const error = doc.getElementsByTagName('parsererror')[0];
        const ns = 'http://www.w3.org/2005/Atom';
        return {
          error: error ? error.textContent : null,
          root: doc.documentElement.namespaceURI + ' ' + doc.documentElement.localName,
          titles: [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => e.getElementsByTagNameNS(ns, 'title')[0]?.textContent),
          self: doc.querySelector('link[rel="self"]')?.getAttribute('href'),
        };
      }, xml);
      await context.close();
      assert.equal(parsed.error, null);
      assert.equal(parsed.root, 'http://www.w3.org/2005/Atom feed');
      assert.ok(parsed.self?.startsWith('http://localhost:3000/'));
      if (path === '/verhalen.atom') assert.deepEqual(parsed.titles, ['Zorg & welzijn <samen> "sterk"']);
      if (path === '/agenda.atom') assert.deepEqual(parsed.titles, ['Markt & meer <gratis>']);
      if (path === '/verhalen.atom?thema=energie') assert.deepEqual(parsed.titles, []);
    });
  }
});
