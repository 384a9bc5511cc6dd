import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import type { Fixture } from './fixture.ts';
import { ALL_PAGES } from './pages.ts';

/** GET routes that answer with something other than an HTML page template. */
const NOT_PAGES = new Set([
  '/healthz',
  '/readyz',
  '/static/*',
  '/.well-known/security.txt',
  '/ondernemers/:slug/logo',
  '/mijn/organisaties/:id/logo/afbeelding',
  '/beheer/moderatie/organisaties/:id/logo',
  '/beheer/hulpvragen/rapportage.csv',
  '/mijn/hulpvragen/download',
  // Attachment downloads of the support desk (helper D)
  '/mijn/hulpvragen/:id/bijlagen/:attachmentId',
  '/beheer/hulpvragen/:id/bijlagen/:attachmentId',
  // Feeds and images of helper C
  '/agenda.ics',
  '/agenda.atom',
  '/agenda/:file{[^/]+\\.ics}',
  '/ondernemers/:slug/agenda.ics',
  '/verhalen.atom',
  '/verhalen/:slug/afbeelding',
  '/beheer/verhalen/:id/afbeelding',
  '/agenda/:slug/deelnemers.csv',
]);

const patternOf = (route: string) => new RegExp(`^${route.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+')}$`);

/**
 * The browser tests can only check the pages their table lists. This test needs no browser: it fails when the app
 * gets an HTML page (a GET route outside /api) that no table entry visits, so a new template cannot slip past axe.
 */
describe('the page table of the browser tests', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(async () => {
    await t.close();
  });

  test('visits every HTML page route of the app', () => {
    const dummy = new Proxy({} as Fixture, { get: () => 'x' });
    const visited = ALL_PAGES.map((c) =>
      new URL(typeof c.path === 'function' ? c.path(dummy) : c.path, 'http://x').pathname,
    );
    const routes = [...new Set(t.app.routes.filter((r) => r.method === 'GET' && !r.path.startsWith('/api/') && !r.path.endsWith('*')).map((r) => r.path))];
    assert.ok(routes.includes('/ondernemers'), 'the route list is read');
    const unvisited = routes.filter((r) => !NOT_PAGES.has(r) && !visited.some((p) => patternOf(r).test(p)));
    assert.deepEqual(unvisited, [], 'add these pages to tests/e2e/pages.ts');
  });
});
