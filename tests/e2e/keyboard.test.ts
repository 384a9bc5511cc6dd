import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser } from '../helpers/browser.ts';
import { startE2eApp, type E2eApp } from './fixture.ts';

/** The site by keyboard: skip link first, focus lands in main; the language switch works and is remembered. */
describe('keyboard use and the language switch', { skip: browserSkipReason() }, () => {
  let browser: Browser;
  let app: E2eApp;

  before(async () => {
    browser = (await launchBrowser())!;
    app = await startE2eApp(browser);
  });
  after(async () => {
    await app?.close();
    await browser?.close();
  });

  const focused = (page: import('playwright-core').Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName.toLowerCase(), id: el?.id ?? '', text: el?.textContent?.trim() ?? '', href: el?.getAttribute('href') ?? '' };
    });

  for (const path of ['/', '/over', '/toegankelijkheid']) {
    test(`${path}: the first Tab focuses the skip link, Enter moves focus to main`, async () => {
      const context = await app.contextFor('visitor');
      const page = await context.newPage();
      try {
        await page.goto(path);
        await page.keyboard.press('Tab');
        const first = await focused(page);
        assert.equal(first.href, '#main');
        assert.equal(first.text, 'Direct naar de inhoud');
        // The skip link is hidden until focused, then visible on screen.
        const link = page.locator('a[href="#main"]');
        const box = (await link.boundingBox())!;
        assert.ok(box.y >= 0 && box.height > 20, `skip link visible when focused (y=${box.y})`);

        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'main');
        assert.equal((await focused(page)).tag, 'main');
        // The next Tab continues from main onwards (its first link, or the footer when main has none), not the header.
        await page.keyboard.press('Tab');
        const next = await page.evaluate(() => {
          const main = document.getElementById('main')!;
          const el = document.activeElement!;
          return main.contains(el) || !!(main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        });
        assert.ok(next, 'Tab after the skip link goes on from main');
      } finally {
        await context.close();
      }
    });
  }

  test('every link and button in the header and the main navigation can be reached with Tab, in order', async () => {
    const context = await app.contextFor('visitor');
    const page = await context.newPage();
    try {
      await page.goto('/');
      const seen: string[] = [];
      for (let n = 0; n < 20; n++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        seen.push(f.href || f.text);
        if (f.href === '/over') break;
      }
      const expected = ['#main', '/', '/?lang=en', '/inloggen', '/ondernemers', '/agenda', '/hulp-vragen', '/inkoop', '/kennis', '/over'];
      assert.deepEqual(seen, expected);
    } finally {
      await context.close();
    }
  });

  test('the focused element always has a visible focus indicator', async () => {
    const context = await app.contextFor('visitor');
    const page = await context.newPage();
    try {
      await page.goto('/');
      for (let n = 0; n < 12; n++) {
        await page.keyboard.press('Tab');
        const style = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const cs = getComputedStyle(el);
          return { what: el.getAttribute('href') ?? el.tagName, outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth), shadow: cs.boxShadow };
        });
        const visible = (style.outline !== 'none' && style.width >= 2) || style.shadow !== 'none';
        assert.ok(visible, `${style.what} shows focus (outline ${style.outline} ${style.width}px, shadow ${style.shadow})`);
      }
    } finally {
      await context.close();
    }
  });

  test('a form that comes back with errors puts focus on the error summary; its links lead to the fields', async () => {
    const context = await app.contextFor('visitor');
    const page = await context.newPage();
    try {
      await page.goto('/registreren');
      await page.getByRole('textbox', { name: /e-mailadres/i }).fill('geen-adres');
      await Promise.all([page.waitForNavigation(), page.getByRole('main').getByRole('button').last().press('Enter')]);
      await page.waitForFunction(() => document.activeElement?.hasAttribute('data-error-summary'));
      const summary = page.locator('[data-error-summary]');
      assert.match(await summary.innerText(), /Verbeter de volgende punten/);
      // What was typed is kept.
      assert.equal(await page.getByRole('textbox', { name: /e-mailadres/i }).inputValue(), 'geen-adres');

      await page.keyboard.press('Tab');
      const link = await focused(page);
      assert.match(link.href, /^#veld-/, 'Tab goes to the first error link');
      await page.keyboard.press('Enter');
      await page.waitForFunction((id) => document.activeElement?.id === id, link.href.slice(1));
      const field = await focused(page);
      assert.equal(field.tag, 'input', 'Enter on the error link puts the cursor in the field');
    } finally {
      await context.close();
    }
  });

  test('the language switch, used by keyboard, changes the page to English and is remembered', async () => {
    const context = await app.contextFor('visitor');
    const page = await context.newPage();
    try {
      await page.goto('/over');
      assert.equal(await page.getAttribute('html', 'lang'), 'nl');
      const sw = page.getByRole('link', { name: 'English' });
      await sw.focus();
      await Promise.all([page.waitForURL(/lang=en/), page.keyboard.press('Enter')]);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.equal(await page.locator('h1').innerText(), 'About the platform');
      assert.match(new URL(page.url()).pathname, /^\/over$/, 'the switch stays on the same page');

      // Remembered: a plain link without ?lang= stays English.
      await Promise.all([page.waitForURL(/\/privacy$/), page.getByRole('link', { name: 'Privacy statement' }).click()]);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.equal(await page.locator('h1').innerText(), 'Privacy statement');

      // And back to Dutch, remembered too.
      await Promise.all([page.waitForURL(/lang=nl/), page.getByRole('link', { name: 'Nederlands' }).click()]);
      await page.goto('/toegankelijkheid');
      assert.equal(await page.getAttribute('html', 'lang'), 'nl');
      assert.equal(await page.locator('h1').innerText(), 'Toegankelijkheidsverklaring');
    } finally {
      await context.close();
    }
  });
});
