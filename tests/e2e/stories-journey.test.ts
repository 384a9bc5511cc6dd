import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { browserSkipReason, launchBrowser } from '../helpers/browser.ts';
import { startE2eApp, type E2eApp } from './fixture.ts';

/**
 * The coordinator writes a story in a real browser (keyboard-free clicks, no JavaScript needed): a draft, an image
 * with its description, publication; visitors then find it on the home page, at /verhalen and on the linked profile.
 */
describe('journey: a story from draft to the home page', { skip: browserSkipReason() }, () => {
  let browser: Browser;
  let app: E2eApp;
  let page: Page;
  const title = 'Energie van en voor het dorp';

  before(async () => {
    browser = (await launchBrowser())!;
    app = await startE2eApp(browser);
    page = await (await app.contextFor('coordinator', { javaScriptEnabled: false })).newPage();
  });
  after(async () => {
    await app?.close();
    await browser?.close();
  });

  async function submit(button: ReturnType<Page['getByRole']>) {
    await Promise.all([page.waitForNavigation(), button.click()]);
  }

  test('the staff home links to the stories; a new story is saved as a draft', async () => {
    await page.goto('/beheer');
    await Promise.all([page.waitForURL(/\/beheer\/verhalen$/), page.getByRole('link', { name: 'Verhalen' }).click()]);
    await Promise.all([page.waitForURL(/\/nieuw$/), page.getByRole('link', { name: /Nieuw verhaal/ }).click()]);
    await page.getByLabel('Titel').fill(title);
    await page.getByLabel('Inleiding').fill('Hoe een coöperatie zonnedaken op het dorp legt.');
    await page.getByLabel('Tekst', { exact: false }).first().fill('## Zonnedaken\n\nAl **veertig** daken liggen vol.');
    await page.getByLabel('Energie', { exact: true }).check();
    await page.getByLabel(/Over welke ondernemers/).fill(app.fixture.publishedSlug);
    await submit(page.getByRole('button', { name: 'Concept bewaren' }));
    assert.match(await page.locator('.ir-flash').innerText(), /als concept bewaard/);
    assert.match(await page.locator('main').innerText(), /Concept \(niet openbaar\)/);
  });

  test('an image with its description, then publish', async () => {
    const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#f0c419' } }).png().toBuffer();
    await page.locator('input[type="file"][name="image"]').setInputFiles({ name: 'dak.png', mimeType: 'image/png', buffer: png });
    await page.getByLabel('Wat staat er op de afbeelding?').fill('Zonnepanelen op een rieten dak');
    await submit(page.getByRole('button', { name: 'Afbeelding opslaan' }));
    assert.match(await page.locator('.ir-flash').innerText(), /afbeelding is opgeslagen/);
    await submit(page.getByRole('button', { name: 'Verhaal publiceren' }));
    assert.match(await page.locator('.ir-flash').innerText(), /gepubliceerd/);
  });

  test('visitors find it on the home page, the story page and the linked profile', async () => {
    const visitor = await (await app.contextFor('visitor')).newPage();
    await visitor.goto('/');
    await Promise.all([visitor.waitForURL(/\/verhalen\//), visitor.getByRole('link', { name: title }).click()]);
    assert.equal(await visitor.locator('h1').innerText(), title);
    assert.equal(await visitor.locator('main h2').first().innerText(), 'Zonnedaken');
    const img = visitor.getByRole('img', { name: 'Zonnepanelen op een rieten dak' });
    assert.ok(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth === 900), 'the image loads');
    await visitor.goto(`/ondernemers/${app.fixture.publishedSlug}`);
    assert.ok(await visitor.getByRole('link', { name: title }).isVisible());
  });
});
