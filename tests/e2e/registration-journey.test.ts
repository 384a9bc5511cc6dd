import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, browserSkipReason, launchBrowser } from '../helpers/browser.ts';
import { cancelPathIn, createTestEvent, lastMailTo, mailsTo } from '../integration/registrations.helpers.ts';
import { startE2eApp, type E2eApp } from './fixture.ts';

/**
 * Two people and one place, in a real browser: the first registers, the second lands on the waitlist; the first
 * cancels with the link from the confirmation mail (read from the outbox), and the second gets the place, a mail,
 * and sees it on their own cancel page. axe checks every page on the way.
 */
describe('journey: register, waitlist, cancel by mail link, promotion', { skip: browserSkipReason() }, () => {
  let browser: Browser;
  let app: E2eApp;
  let first: Page;
  let second: Page;
  let formPath = '';
  let eventPath = '';
  let occurrenceId = '';
  let title = '';
  const person1 = { name: 'Lotte Smit', email: 'lotte.smit@example.org', organisation: 'Bakkerij Smit' };
  const person2 = { name: 'Youssef El Amrani', email: 'youssef@example.org' };

  before(async () => {
    browser = (await launchBrowser())!;
    app = await startE2eApp(browser);
    // The event through the test factory: one date, one place.
    const { event, occurrence } = await createTestEvent(app.t.db, { capacity: 1, title: 'Netwerkborrel Groene Ondernemers', slug: 'netwerkborrel-groene-ondernemers' });
    formPath = `/agenda/${event.slug}/aanmelden?datum=${occurrence.id}`;
    eventPath = `/agenda/${event.slug}`;
    occurrenceId = occurrence.id;
    title = event.title;
    first = await (await app.contextFor('visitor')).newPage();
    second = await (await app.contextFor('visitor')).newPage();
  });
  after(async () => {
    await app?.close();
    await browser?.close();
  });

  /** Clicks a button in main and waits for the page that answers. */
  async function submit(page: Page, name: RegExp) {
    await Promise.all([page.waitForNavigation(), page.getByRole('main').getByRole('button', { name }).click()]);
  }
  const noAxeViolations = async (page: Page) => assert.deepEqual(await axeViolations(page), [], `axe on ${page.url()}`);

  const panelOf = (page: Page) => page.locator(`[data-registration-panel="${occurrenceId}"]`);

  test('person 1 registers on the event page for the last place and sees the confirmation', async () => {
    await first.goto(eventPath);
    await noAxeViolations(first);
    const panel = panelOf(first);
    assert.match(await panel.locator('[data-places]').innerText(), /Nog 1 plek vrij/);
    await panel.getByLabel('Uw naam').fill(person1.name);
    await panel.getByLabel('Uw e-mailadres').fill(person1.email);
    await panel.getByLabel(/Organisatie/).fill(person1.organisation);
    await Promise.all([first.waitForNavigation(), panel.getByRole('button', { name: /^Aanmelden$/ }).click()]);
    assert.equal(await first.locator('h1').innerText(), 'U bent aangemeld');
    assert.match(await first.getByRole('main').innerText(), new RegExp(person1.email.replace(/\./g, '\\.')));
    await noAxeViolations(first);
  });

  test('person 2 finds the date full on the event page and joins the waitlist, place 1', async () => {
    await second.goto(eventPath);
    const panel = panelOf(second);
    assert.match(await panel.innerText(), /Deze datum is vol/);
    await panel.getByLabel('Uw naam').fill(person2.name);
    await panel.getByLabel('Uw e-mailadres').fill(person2.email);
    await Promise.all([second.waitForNavigation(), panel.getByRole('button', { name: /Zet mij op de wachtlijst/ }).click()]);
    assert.equal(await second.locator('h1').innerText(), 'U staat op de wachtlijst');
    assert.match(await second.getByRole('main').innerText(), /op plaats 1/);
    await noAxeViolations(second);
  });

  test('a mistake in the panel comes back on the form page with a message and the typed text kept', async () => {
    await second.goto(eventPath);
    const panel = panelOf(second);
    await panel.getByLabel('Uw naam').fill('Derde Persoon');
    await panel.getByLabel('Uw e-mailadres').fill('geen-e-mailadres');
    await panel.locator('form').evaluate((f: HTMLFormElement) => {
      f.noValidate = true;
    });
    await Promise.all([second.waitForNavigation(), panel.getByRole('button', { name: /Zet mij op de wachtlijst/ }).click()]);
    assert.equal(await second.locator('[data-error-summary]').count(), 1);
    assert.equal(await second.getByRole('main').getByLabel('Uw naam').inputValue(), 'Derde Persoon');
    await noAxeViolations(second);
    assert.equal((await mailsTo(app.t.db, 'geen-e-mailadres')).length, 0);
  });

  test('person 1 opens the cancel link from the confirmation mail and confirms', async () => {
    const mail = await lastMailTo(app.t.db, person1.email);
    assert.match(mail.subject, /^Aangemeld: /);
    const cancelPath = cancelPathIn(mail.text_body, app.t.config.publicUrl);
    await first.goto(cancelPath);
    assert.match(await first.getByRole('main').innerText(), new RegExp(`Wilt u zich afmelden voor ${title}`));
    await noAxeViolations(first);
    await submit(first, /Ja, meld mij af/);
    assert.match(await first.locator('.ir-flash').innerText(), /U bent afgemeld/);
    assert.equal(await first.locator('[data-cancel-state="cancelled"]').count(), 1);
    await noAxeViolations(first);
  });

  test('person 2 is promoted: a mail says so, and their own page shows the place', async () => {
    const mails = await mailsTo(app.t.db, person2.email);
    assert.equal(mails.length, 2, 'the waitlist mail, then the promotion');
    assert.match(mails[1].subject, /^Er is een plek vrij/);
    assert.ok(mails[1].text_body.includes(title));
    await second.goto(cancelPathIn(mails[0].text_body, app.t.config.publicUrl));
    const text = await second.getByRole('main').innerText();
    assert.match(text, /Wilt u zich afmelden voor/);
    assert.match(text, /Aangemeld/);
    assert.doesNotMatch(text, /Wachtlijst, plaats/);
    await second.goto(formPath);
    assert.match(await second.locator('h1').innerText(), /Op de wachtlijst/, 'the date is full again');
  });

  test('without JavaScript the panel works the same: a third person joins the waitlist', async () => {
    const page = await (await app.contextFor('visitor', { javaScriptEnabled: false })).newPage();
    await page.goto(eventPath);
    const panel = panelOf(page);
    await panel.getByLabel('Uw naam').fill('Zonder Script');
    await panel.getByLabel('Uw e-mailadres').fill('zonder.script@example.org');
    await Promise.all([page.waitForNavigation(), panel.getByRole('button', { name: /Zet mij op de wachtlijst/ }).click()]);
    assert.equal(await page.locator('h1').innerText(), 'U staat op de wachtlijst');
    assert.equal((await mailsTo(app.t.db, 'zonder.script@example.org')).length, 1);
  });
});
