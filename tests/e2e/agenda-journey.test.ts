import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, browserSkipReason, launchBrowser } from '../helpers/browser.ts';
import { startE2eApp, type E2eApp } from './fixture.ts';

/**
 * In a real browser: the entrepreneur, with JavaScript off (the form must work without it), posts a weekly series
 * for their organisation, first with a mistake (the form comes back with the message and what was typed), then
 * right; the coordinator approves it in the moderation queue; a visitor finds it in the agenda with a filter and
 * opens its page. axe checks the coordinator's and visitor's pages on the way (axe needs JavaScript; the posting
 * form's states are checked by accessibility-agenda.test.ts).
 */
describe('journey: post a series, moderation, find it in the agenda', { skip: browserSkipReason() }, () => {
  let browser: Browser;
  let app: E2eApp;
  let entrepreneur: Page;
  let coordinator: Page;
  let visitor: Page;
  const title = 'Zonnepanelen-spreekuur Emmen';

  before(async () => {
    browser = (await launchBrowser())!;
    app = await startE2eApp(browser);
    entrepreneur = await (await app.contextFor('entrepreneur', { javaScriptEnabled: false })).newPage();
    coordinator = await (await app.contextFor('coordinator')).newPage();
    visitor = await (await app.contextFor('visitor')).newPage();
    // A missing label should fail the step within seconds, not wait out the whole test.
    for (const page of [entrepreneur, coordinator, visitor]) page.setDefaultTimeout(10_000);
  });
  after(async () => {
    await app?.close();
    await browser?.close();
  });

  const noAxeViolations = async (page: Page) => assert.deepEqual(await axeViolations(page), [], `axe on ${page.url()}`);
  async function submit(page: Page, name: RegExp) {
    const [res] = await Promise.all([page.waitForNavigation(), page.getByRole('main').getByRole('button', { name }).click()]);
    return res?.status();
  }

  test('the entrepreneur fills in the form; a series without an end comes back with the message and the values', async () => {
    await entrepreneur.goto('/mijn/evenementen/nieuw');
    const main = entrepreneur.getByRole('main');
    await main.getByLabel('Titel').fill(title);
    await main.getByLabel('Soort evenement').selectOption('workshop');
    await main.getByLabel(/^Beschrijving/).fill('Vragen over **zonnepanelen**? Loop binnen.');
    await main.getByLabel('Energie', { exact: true }).check();
    await main.getByLabel('Datum (eerste keer)').fill('2026-12-03');
    await main.getByLabel('Begintijd').fill('19:30');
    await main.getByLabel('Eindtijd').fill('21:00');
    await main.getByLabel('Herhalen').selectOption('wekelijks');
    await main.getByLabel('donderdag', { exact: true }).check();
    await main.getByLabel(/^Naam van de locatie/).fill('Bibliotheek Emmen');
    await main.getByLabel(/^Plaats/).fill('Emmen');
    await main.getByLabel('Gemeente', { exact: true }).selectOption('emmen');
    assert.equal(await submit(entrepreneur, /Insturen ter beoordeling/), 422);
    assert.match(await entrepreneur.locator('.ir-error-summary').innerText(), /Kies wanneer de reeks stopt/);
    assert.equal(await main.getByLabel('Titel').inputValue(), title);
    await main.getByLabel('De reeks stopt').selectOption('aantal');
    await main.getByLabel(/^Aantal keer/).fill('6');
    assert.equal(await submit(entrepreneur, /Insturen ter beoordeling/), 200);
    assert.match(await entrepreneur.locator('.ir-flash').innerText(), /naar de makelaar gestuurd/);
  });

  test('the coordinator approves it from the moderation queue', async () => {
    await coordinator.goto('/beheer/moderatie/evenementen');
    await noAxeViolations(coordinator);
    await Promise.all([coordinator.waitForNavigation(), coordinator.getByRole('link', { name: title }).click()]);
    await noAxeViolations(coordinator);
    assert.equal(await submit(coordinator, /Goedkeuren en publiceren/), 200);
    assert.match(await coordinator.locator('.ir-flash').innerText(), /gepubliceerd/);
  });

  test('a visitor finds it with a filter and opens its page, with all six dates', async () => {
    await visitor.goto('/agenda?gemeente=emmen&type=workshop');
    await noAxeViolations(visitor);
    assert.ok((await visitor.getByRole('link', { name: title }).count()) >= 1);
    await Promise.all([visitor.waitForNavigation(), visitor.getByRole('link', { name: title }).first().click()]);
    await noAxeViolations(visitor);
    const text = await visitor.getByRole('main').innerText();
    assert.match(text, /Elke week op donderdag, 6 keer/);
    assert.match(text, /19:30 tot 21:00 uur/);
    assert.equal(await visitor.locator('[data-occurrence]').count(), 6);
  });
});
