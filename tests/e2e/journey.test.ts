import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { organisations } from '../../src/features/directory/directory.schema.ts';
import { outbox } from '../../src/features/mail/mail.schema.ts';
import { browserSkipReason, launchBrowser } from '../helpers/browser.ts';
import { createUser, FACTORY_PASSWORD } from '../helpers/factories.ts';
import { startE2eApp, type E2eApp } from './fixture.ts';

/**
 * One entrepreneur's way onto the platform, in a real browser: register, confirm the email from the outbox, log in,
 * create an organisation, consent and submit it; a coordinator approves it; visitors then find it.
 */
describe('journey: from registration to a published, findable profile', { skip: browserSkipReason() }, () => {
  let browser: Browser;
  let app: E2eApp;
  let page: Page;
  let organisationId = '';
  const email = 'nieuw.ondernemer@example.org';
  const password = 'een-lang-genoeg-wachtwoord';
  const orgName = 'Fietsenmakerij Het Tweede Wiel';

  before(async () => {
    browser = (await launchBrowser())!;
    app = await startE2eApp(browser);
    page = await (await app.contextFor('visitor')).newPage();
  });
  after(async () => {
    await app?.close();
    await browser?.close();
  });

  /** Clicks a submit button and waits for the page that answers the POST (after its redirect). */
  async function submit(button: ReturnType<Page['getByRole']>) {
    await Promise.all([page.waitForNavigation(), button.click()]);
  }

  const flashText = () => page.locator('.ir-flash').innerText();

  test('register with name, email and password', async () => {
    await page.goto('/');
    await Promise.all([page.waitForURL(/\/registreren$/), page.getByRole('link', { name: /Maak een profiel aan/ }).click()]);
    await page.getByLabel('Naam', { exact: false }).first().fill('Nina Nieuw');
    await page.getByRole('textbox', { name: /e-mailadres/i }).fill(email);
    await page.getByLabel(/wachtwoord/i).first().fill(password);
    await submit(page.getByRole('button', { name: /registreren|account/i }));
    assert.match(new URL(page.url()).pathname, /^\/registreren\/verstuurd$/);
  });

  test('the verification mail is in the outbox; its link confirms the address', async () => {
    const [mail] = await app.t.db.select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(desc(outbox.id)).limit(1);
    assert.ok(mail, 'a mail was queued for the new address');
    const link = /https?:\/\/\S+\/e-mail-bevestigen\/[A-Za-z0-9_-]+/.exec(mail.textBody)?.[0];
    assert.ok(link, 'the mail holds a verification link');
    // The link carries the configured public URL; the test server listens elsewhere, so follow its path.
    await page.goto(new URL(link).pathname);
    assert.match(new URL(page.url()).pathname, /^\/inloggen$/);
    assert.ok((await flashText()).length > 0, 'a confirmation is shown');
  });

  test('log in with the new account', async () => {
    await page.getByRole('textbox', { name: /e-mailadres/i }).fill(email);
    await page.getByLabel(/wachtwoord/i).first().fill(password);
    await submit(page.getByRole('main').getByRole('button', { name: /inloggen/i }));
    assert.doesNotMatch(new URL(page.url()).pathname, /^\/inloggen/);
    await assert.doesNotReject(page.getByRole('button', { name: 'Uitloggen' }).waitFor());
  });

  test('create an organisation', async () => {
    await page.goto('/mijn/organisaties/nieuw');
    const main = page.getByRole('main');
    await main.getByLabel('Naam van de organisatie').fill(orgName);
    await main.getByLabel(/KvK-nummer/).fill('87654321');
    await main.getByLabel(/Rechtsvorm/).selectOption('bv');
    await main.getByLabel(/Gemeente/).selectOption('coevorden');
    await main.getByLabel(/Korte zin/).fill('Wij knappen oude fietsen op met mensen die werk zoeken.');
    await main.getByLabel(/^Plaats/).first().fill('Coevorden');
    await main.getByLabel(/Beschrijving/).fill('In onze werkplaats leren mensen het vak van fietsenmaker. De fietsen gaan naar gezinnen met weinig geld.');
    await main.getByLabel(/Welk probleem/).fill('Mensen met een afstand tot werk vinden moeilijk een leerplek.');
    await main.getByLabel(/Voor wie/).fill('Werkzoekenden uit Coevorden en omgeving.');
    await main.getByLabel(/Hoe meet/).fill('Hoeveel deelnemers na een jaar betaald werk hebben.');
    await main.getByRole('checkbox', { name: 'Inclusief werk' }).check();
    await main.getByRole('checkbox', { name: 'Mobiliteit' }).check();
    await main.getByRole('checkbox', { name: /^8\./ }).check();
    await submit(main.getByRole('button', { name: /aanmaken|opslaan|maken/i }));
    const match = /\/mijn\/organisaties\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname);
    assert.ok(match, `after creating, the organisation's own page opens (at ${page.url()})`);
    organisationId = match[1];
    assert.equal(await page.locator('h1').innerText(), orgName);
  });

  test('give consent to publish and submit for review', async () => {
    const main = page.getByRole('main');
    await main.getByRole('checkbox', { name: /toestemming/i }).check();
    await submit(main.getByRole('button', { name: 'Toestemming geven' }));
    assert.ok((await flashText()).length > 0);
    await submit(main.getByRole('button', { name: /makelaar/i }));
    assert.ok((await flashText()).length > 0);
    const [row] = await app.t.db.select({ status: organisations.status }).from(organisations).where(eq(organisations.id, organisationId));
    assert.equal(row.status, 'in_review');
  });

  test('a visitor does not find it yet', async () => {
    const visitor = await (await app.contextFor('visitor')).newPage();
    const res = await visitor.goto(`/ondernemers?q=${encodeURIComponent('Tweede Wiel')}`);
    assert.equal(res?.status(), 200);
    assert.equal(await visitor.getByRole('link', { name: orgName }).count(), 0);
    await visitor.close();
  });

  test('a coordinator logs in and approves it in /beheer/moderatie', async () => {
    const coordinatorEmail = 'makelaar@example.org';
    await createUser(app.t.db, { email: coordinatorEmail, name: 'Mila Makelaar', roles: ['coordinator'] });
    await submit(page.getByRole('button', { name: 'Uitloggen' }));
    await page.goto('/beheer/moderatie');
    assert.match(new URL(page.url()).pathname, /^\/inloggen$/, 'a visitor is sent to log in first');
    await page.getByRole('textbox', { name: /e-mailadres/i }).fill(coordinatorEmail);
    await page.getByLabel(/wachtwoord/i).first().fill(FACTORY_PASSWORD);
    await submit(page.getByRole('main').getByRole('button', { name: /inloggen/i }));
    assert.match(new URL(page.url()).pathname, /^\/beheer\/moderatie$/, 'and comes back after logging in');

    await Promise.all([page.waitForNavigation(), page.getByRole('main').getByRole('link', { name: new RegExp(orgName) }).first().click()]);
    await submit(page.getByRole('main').getByRole('button', { name: /goedkeuren|publiceren/i }));
    assert.ok((await flashText()).length > 0);
    const [row] = await app.t.db.select({ status: organisations.status }).from(organisations).where(eq(organisations.id, organisationId));
    assert.equal(row.status, 'published');
  });

  test('the organisation is listed at /ondernemers and found with the search box', async () => {
    const visitor = await (await app.contextFor('visitor')).newPage();
    await visitor.goto('/ondernemers');
    assert.ok(await visitor.getByRole('link', { name: orgName }).isVisible(), 'listed');

    const search = visitor.getByRole('search').getByRole('searchbox');
    await search.fill('fietsenmaker');
    await Promise.all([visitor.waitForURL(/q=fietsenmaker/), search.press('Enter')]);
    const link = visitor.getByRole('link', { name: orgName });
    assert.ok(await link.isVisible(), 'found by a word from its description');
    await Promise.all([visitor.waitForNavigation(), link.click()]);
    assert.equal(await visitor.locator('h1').innerText(), orgName);
    await visitor.close();
  });
});
