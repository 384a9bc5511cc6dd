import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { supportMunicipalitySettings } from '../../src/features/support/support.schema.ts';
import { axeViolations, browserSkipReason, launchBrowser } from '../helpers/browser.ts';
import { createUser, FACTORY_PASSWORD } from '../helpers/factories.ts';
import { startE2eApp, type E2eApp } from './fixture.ts';

/**
 * The support desk in a real browser: a visitor asks a question and confirms it with the link from the mail (read from
 * the outbox); the account manager the routing picks (Emmen's default) logs in, finds it in the inbox, answers and
 * closes it; the visitor signs up with the same email, reads the answer in "Mijn hulpvragen" and rates it.
 * axe checks every page on the way.
 */
describe('journey: ask, confirm, answer in the inbox, read and rate in "Mijn hulpvragen"', { skip: browserSkipReason() }, () => {
  let browser: Browser;
  let app: E2eApp;
  let visitor: Page;
  let manager: Page;
  const contexts: BrowserContext[] = [];
  const email = 'marloes.visser@example.org';
  let caseNumber = '';

  const newPage = async () => {
    const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    await context.route((url) => url.origin !== app.url, (route) => route.abort());
    return context.newPage();
  };
  const noAxeViolations = async (page: Page) => assert.deepEqual(await axeViolations(page), [], `axe on ${page.url()}`);
  const submit = async (page: Page, name: RegExp) => Promise.all([page.waitForNavigation(), page.getByRole('main').getByRole('button', { name }).click()]);
  /** The path of the last link to `prefix` in the last mail to `to`. */
  const linkInMail = async (to: string, prefix: string) => {
    const rows = (await app.t.db.$client.query('select text_body from outbox where to_address = $1 order by id desc', [to])).rows as Array<{ text_body: string }>;
    for (const r of rows) {
      const m = new RegExp(`${prefix.replace(/[/-]/g, '\\$&')}[A-Za-z0-9_-]{20,}`).exec(r.text_body);
      if (m) return m[0];
    }
    throw new Error(`no ${prefix} link in the mails to ${to}`);
  };

  before(async () => {
    browser = (await launchBrowser())!;
    app = await startE2eApp(browser);
    // Emmen's routing: everything without a topic rule goes to Lotte; Cora in Coevorden must not see it.
    const lotte = await createUser(app.t.db, { name: 'Lotte Mulder', email: 'lotte.mulder@example.org', roles: [{ role: 'account_manager', municipality: 'emmen' }] });
    await createUser(app.t.db, { name: 'Cora Coevorden', roles: [{ role: 'account_manager', municipality: 'coevorden' }] });
    await app.t.db.insert(supportMunicipalitySettings).values({ municipalitySlug: 'emmen', defaultUserId: lotte.id, responseWorkingDays: 3 });
    visitor = await newPage();
    manager = await newPage();
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await app?.close();
    await browser?.close();
  });

  test('a visitor asks a question and gets a case number', async () => {
    await visitor.goto('/hulp-vragen');
    await noAxeViolations(visitor);
    const main = visitor.getByRole('main');
    await main.getByLabel('Uw naam').fill('Marloes Visser');
    await main.getByLabel('Uw e-mailadres').fill(email);
    await main.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Emmen' });
    await main.getByLabel('Onderwerp', { exact: true }).selectOption({ label: 'Huisvesting en locatie' });
    await main.getByLabel('Uw vraag', { exact: true }).fill('Ik zoek een kleine werkplaats voor mijn fietsenmakerij met leerwerkplekken. Kent u een plek?');
    await main.getByLabel('Hoe wilt u contact?').selectOption({ label: 'Per e-mail' });
    await main.getByLabel(/Ik geef toestemming/).check();
    await submit(visitor, /Vraag versturen/);
    assert.equal(await visitor.locator('h1').innerText(), 'Uw vraag is verstuurd');
    caseNumber = (await visitor.locator('[data-case-number]').getAttribute('data-case-number')) ?? '';
    assert.match(caseNumber, /^HV-\d{4}-\d{5}$/);
    assert.match(await main.innerText(), /Klik op de link/);
    await noAxeViolations(visitor);
  });

  test('the link from the mail confirms it and says who answers within how many working days', async () => {
    await visitor.goto(await linkInMail(email, '/hulp-vragen/bevestigen/'));
    assert.equal(await visitor.locator('h1').innerText(), 'Uw e-mailadres is bevestigd');
    const text = await visitor.getByRole('main').innerText();
    assert.match(text, new RegExp(caseNumber));
    assert.match(text, /Lotte Mulder beantwoordt uw vraag binnen 3 werkdagen/);
    await noAxeViolations(visitor);
  });

  test('the account manager the routing chose logs in, finds it in the inbox, answers and closes it', async () => {
    await manager.goto('/inloggen?terug=/beheer/hulpvragen');
    await manager.getByRole('main').getByLabel('E-mailadres').fill('lotte.mulder@example.org');
    await manager.getByRole('main').getByLabel('Wachtwoord').fill(FACTORY_PASSWORD);
    await submit(manager, /^Inloggen$/);
    assert.equal(new URL(manager.url()).pathname, '/beheer/hulpvragen');
    const row = manager.locator(`[data-request="${caseNumber}"]`);
    assert.match(await row.innerText(), /Marloes Visser/);
    assert.match(await row.innerText(), /Toegewezen/);
    await noAxeViolations(manager);
    await Promise.all([manager.waitForNavigation(), row.getByRole('link', { name: caseNumber }).click()]);
    assert.match(await manager.locator('h1').innerText(), new RegExp(caseNumber));
    await noAxeViolations(manager);
    const messageForm = manager.locator('form[action$="/bericht"]');
    await messageForm.getByLabel('Bericht', { exact: true }).fill('Aan de Industrieweg komt een werkplaats vrij. Ik stuur u de gegevens van de verhuurder.');
    await Promise.all([manager.waitForNavigation(), messageForm.getByRole('button', { name: 'Bericht versturen' }).click()]);
    assert.match(await manager.getByRole('main').innerText(), /Industrieweg/);
    const statusForm = manager.locator('form[action$="/status"]');
    await statusForm.getByLabel('Nieuwe status').selectOption({ label: 'Afgerond' });
    await statusForm.getByLabel(/Uitkomst/).selectOption({ label: 'Beantwoord' });
    await Promise.all([manager.waitForNavigation(), statusForm.getByRole('button', { name: 'Status veranderen' }).click()]);
    assert.match(await manager.getByRole('main').innerText(), /Afgerond/);
    await noAxeViolations(manager);
  });

  test('the visitor signs up with the same email, reads the answer in "Mijn hulpvragen" and rates it', async () => {
    await visitor.goto('/registreren');
    const main = visitor.getByRole('main');
    await main.getByLabel('Naam').fill('Marloes Visser');
    await main.getByLabel('E-mailadres').fill(email);
    await main.getByLabel('Wachtwoord').fill('een lange zin als wachtwoord');
    await submit(visitor, /Account maken/);
    await visitor.goto(await linkInMail(email, '/e-mail-bevestigen/'));
    await visitor.goto('/inloggen?terug=/mijn/hulpvragen');
    await visitor.getByRole('main').getByLabel('E-mailadres').fill(email);
    await visitor.getByRole('main').getByLabel('Wachtwoord').fill('een lange zin als wachtwoord');
    await submit(visitor, /^Inloggen$/);
    assert.equal(new URL(visitor.url()).pathname, '/mijn/hulpvragen');
    await noAxeViolations(visitor);
    await Promise.all([visitor.waitForNavigation(), visitor.getByRole('main').getByRole('link', { name: caseNumber }).click()]);
    const text = await visitor.getByRole('main').innerText();
    assert.match(text, /Aan de Industrieweg komt een werkplaats vrij/);
    assert.match(text, /Afgerond/);
    await noAxeViolations(visitor);
    await visitor.getByRole('main').getByLabel('5 van 5').check();
    await submit(visitor, /Cijfer geven/);
    assert.match(await visitor.getByRole('main').innerText(), /U gaf deze hulp een 5 van 5/);
    await noAxeViolations(visitor);
    const stored = (await app.t.db.$client.query('select satisfaction, status, outcome from support_requests where case_number = $1', [caseNumber])).rows[0];
    assert.deepEqual(stored, { satisfaction: 5, status: 'closed', outcome: 'answered' });
  });
});
