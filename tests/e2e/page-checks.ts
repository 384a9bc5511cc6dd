import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, browserSkipReason, launchBrowser } from '../helpers/browser.ts';
import { startE2eApp, type E2eApp, type Who } from './fixture.ts';
import type { PageCase } from './pages.ts';

/**
 * For each page of the table, in one visit: axe (WCAG 2.0/2.1 A+AA, 2.2 AA) finds nothing at desktop width, there
 * is exactly one h1; then at 360 x 740 nothing scrolls sideways and every main navigation link is on screen.
 * One browser and one app per test file; the table is split over files so they run side by side.
 */
export function describePageChecks(title: string, cases: PageCase[], options: { paged?: boolean } = {}): void {
  describe(title, { skip: browserSkipReason() }, () => {
    let browser: Browser;
    let app: E2eApp;
    const contexts = new Map<Who, BrowserContext>();

    before(async () => {
      browser = (await launchBrowser())!;
      app = await startE2eApp(browser, { demo: true, paged: options.paged });
    });
    after(async () => {
      await app?.close();
      await browser?.close();
    });

    async function open(c: PageCase): Promise<Page> {
      let context = contexts.get(c.who);
      if (!context) {
        context = await app.contextFor(c.who, { viewport: { width: 1280, height: 800 } });
        contexts.set(c.who, context);
      }
      const page = await context.newPage();
      const path = typeof c.path === 'function' ? c.path(app.fixture) : c.path;
      const res = await page.goto(path);
      assert.equal(res?.status(), c.status ?? 200, `${path} answers ${c.status ?? 200}`);
      if (c.act) {
        const status = await c.act(page);
        if (c.statusAfter) assert.equal(status, c.statusAfter, `${path}, after the action, answers ${c.statusAfter}`);
      }
      return page;
    }

    for (const c of cases) {
      test(`${c.name}: no axe violations; fits 360 px with the navigation reachable`, async () => {
        const page = await open(c);
        try {
          assert.deepEqual(await axeViolations(page), [], `axe on ${page.url()}`);
          const h1 = await page.locator('h1').allInnerTexts();
          assert.equal(h1.length, 1, `one h1 on ${page.url()}, found ${h1.length}`);
          assert.ok(h1[0].trim().length > 0, 'the h1 says something');

          await page.setViewportSize({ width: 360, height: 740 });
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(scrollWidth <= 360, `${page.url()} is ${scrollWidth} px wide at 360 px`);
          const links = await page
            .getByRole('navigation', { name: /^(Hoofdmenu|Main menu)$/ })
            .getByRole('link')
            .evaluateAll((els) =>
              els.map((el) => {
                const r = el.getBoundingClientRect();
                const visible = r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
                return { text: el.textContent?.trim() ?? '', visible, left: r.left, right: r.right, height: r.height };
              }),
            );
          assert.equal(links.length, 6, 'six main navigation links');
          for (const l of links) {
            assert.ok(l.visible, `${l.text} is visible at 360 px`);
            assert.ok(l.left >= 0 && l.right <= 360, `${l.text} lies inside the screen (${l.left}..${l.right})`);
            assert.ok(l.height >= 24, `${l.text} is a big enough target (${l.height} px)`);
          }
        } finally {
          await page.close();
        }
      });
    }
  });
}
