import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { i18nFor } from '../../src/web/i18n/i18n.ts';
import { browserSkipReason, launchBrowser } from '../helpers/browser.ts';
import { ORGS, startE2eApp, type E2eApp } from './fixture.ts';

const nl = i18nFor('nl');

/** Picks `label` in a filter, whether the filter is a select or a group of checkboxes or radio buttons. */
async function choose(form: Locator, filter: RegExp, label: string): Promise<void> {
  const select = form.getByRole('combobox', { name: filter });
  if ((await select.count()) > 0) {
    await select.first().selectOption({ label });
    return;
  }
  const group = form.getByRole('group', { name: filter });
  const box = group.getByRole('checkbox', { name: label, exact: true });
  if ((await box.count()) > 0) await box.check();
  else await group.getByRole('radio', { name: label, exact: true }).check();
}

const resultNames = (page: Page) => page.getByRole('main').getByRole('link', { name: new RegExp(Object.values(ORGS).map((o) => o.name).join('|')) }).allInnerTexts();

/** The directory search with filters works as a plain HTML form: no JavaScript needed. */
describe('without JavaScript', { skip: browserSkipReason() }, () => {
  let browser: Browser;
  let app: E2eApp;
  let context: BrowserContext;

  before(async () => {
    browser = (await launchBrowser())!;
    app = await startE2eApp(browser);
    context = await app.contextFor('visitor', { javaScriptEnabled: false });
  });
  after(async () => {
    await app?.close();
    await browser?.close();
  });

  test('JavaScript is really off in this browser context', async () => {
    const page = await context.newPage();
    await page.setContent('<p id="x">off</p><script>document.getElementById("x").textContent = "on"</script>');
    assert.equal(await page.locator('#x').innerText(), 'off');
    await page.close();
  });

  test('the directory search form with filters: submit, results change, the URL carries the filters', async () => {
    const page = await context.newPage();
    try {
      await page.goto('/ondernemers');
      assert.deepEqual((await resultNames(page)).sort(), Object.values(ORGS).map((o) => o.name).sort(), 'all three published organisations');

      const form = page.getByRole('main').locator('form[method="get"]').first();
      // Filters may sit in a closed <details>: it opens without JavaScript, as a visitor would open it.
      const details = form.locator('details').first();
      if ((await details.count()) > 0 && (await details.getAttribute('open')) === null) await details.locator('summary').click();
      await choose(form, /gemeente/i, 'Emmen');
      await choose(form, /thema/i, 'Zorg en welzijn');
      await Promise.all([page.waitForNavigation(), form.getByRole('button').last().click()]);

      const url = new URL(page.url());
      assert.equal(url.pathname, '/ondernemers');
      assert.equal(url.searchParams.get('gemeente'), 'emmen');
      assert.deepEqual(url.searchParams.getAll('thema'), ['zorg-en-welzijn']);
      assert.deepEqual(await resultNames(page), [ORGS.published.name], 'only the organisation in Emmen with that theme');

      // The filters stay set on the result page, so the next search refines this one.
      const again = page.getByRole('main').locator('form[method="get"]').first();
      const municipality = again.getByRole('combobox', { name: /gemeente/i });
      if ((await municipality.count()) > 0) assert.equal(await municipality.first().inputValue(), 'emmen');

      // Search text with a filter that excludes everything: none found, and the page says so.
      await again.getByRole('searchbox').first().fill('kringloop');
      await Promise.all([page.waitForNavigation(), again.getByRole('button').last().click()]);
      const noHits = new URL(page.url());
      assert.equal(noHits.searchParams.get('q'), 'kringloop');
      assert.equal(noHits.searchParams.get('gemeente'), 'emmen');
      assert.deepEqual(await resultNames(page), []);
      assert.ok((await page.getByRole('main').innerText()).includes(nl.t('directory.search.empty')), 'the page says nothing was found');
    } finally {
      await page.close();
    }
  });

  test('a search from the home page lands on the directory with the results', async () => {
    const page = await context.newPage();
    try {
      await page.goto('/');
      const search = page.getByRole('search');
      await search.getByRole('searchbox').fill('kringloop');
      await Promise.all([page.waitForNavigation(), search.getByRole('button').click()]);
      assert.equal(new URL(page.url()).searchParams.get('q'), 'kringloop');
      assert.deepEqual(await resultNames(page), [ORGS.second.name]);
    } finally {
      await page.close();
    }
  });

  test('forms post and answer without JavaScript: registration errors come back as a page', async () => {
    const page = await context.newPage();
    try {
      await page.goto('/registreren');
      const [res] = await Promise.all([page.waitForNavigation(), page.getByRole('main').getByRole('button').last().click()]);
      assert.equal(res?.status(), 422);
      assert.ok(await page.locator('[data-error-summary]').isVisible(), 'the error summary is shown');
    } finally {
      await page.close();
    }
  });
});
