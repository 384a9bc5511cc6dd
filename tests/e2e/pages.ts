import type { Page } from 'playwright-core';
import { PAGED, PUBLISHED_KVK, type Fixture, type Who } from './fixture.ts';

/**
 * Every page template of the site, with who sees it and how to reach it. The accessibility and narrow-screen
 * tests (accessibility-*.test.ts) walk these tables: a new template belongs here.
 */
export type PageCase = {
  name: string;
  who: Who;
  path: string | ((f: Fixture) => string);
  /** Expected HTTP status of the page (200 unless said). */
  status?: number;
  /** After loading: bring the page into the state to check (e.g. submit a form empty to show its errors). */
  act?: (page: Page) => Promise<number | undefined>;
  /** Expected HTTP status of the page `act` ends on. */
  statusAfter?: number;
};

/**
 * Submits the first POST form inside main as it is (empty, or with the values set by `fill`), and waits for the
 * answer. The browser's own required-field check is switched off so the server's error page is what we see, as a
 * browser without constraint validation would.
 */
export function submitForm(fill: Record<string, string> = {}, options: { action?: string } = {}) {
  return async (page: Page): Promise<number | undefined> => {
    const selector = options.action ? `main form[method="post"][action$="${options.action}"]` : 'main form[method="post"]';
    const form = page.locator(selector).first();
    await form.evaluate((f: HTMLFormElement) => {
      f.noValidate = true;
    });
    for (const [name, value] of Object.entries(fill)) {
      const field = form.locator(`[name="${name}"]`).first();
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
      else await field.fill(value);
    }
    const [res] = await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').last().click()]);
    return res?.status();
  };
}

export const submitEmpty = submitForm();

/** The map is progressive enhancement: check the page as a visitor sees it once the map script has drawn. */
async function waitForMap(page: Page): Promise<undefined> {
  await page.locator('[data-map] .leaflet-container, [data-map].leaflet-container').first().waitFor({ timeout: 10_000 });
  return undefined;
}

/** Approves the organisation on the review page, then does it again from the stale page: the second is a conflict. */
async function approveTwice(page: Page): Promise<number | undefined> {
  const approve = submitForm({}, { action: '/goedkeuren' });
  const status = await approve(page);
  if (status === 409) return status;
  await page.goBack();
  return approve(page);
}

export const PUBLIC_PAGES: PageCase[] = [
  // General pages
  { name: 'home', who: 'visitor', path: '/' },
  { name: 'home (English)', who: 'visitor', path: '/?lang=en' },
  { name: 'about', who: 'visitor', path: '/over' },
  { name: 'privacy statement', who: 'visitor', path: '/privacy' },
  { name: 'accessibility statement', who: 'visitor', path: '/toegankelijkheid' },
  { name: 'placeholder: agenda', who: 'visitor', path: '/agenda' },
  { name: 'placeholder: ask for help', who: 'visitor', path: '/hulp-vragen' },
  { name: 'placeholder: procurement', who: 'visitor', path: '/inkoop' },
  { name: 'placeholder: knowledge', who: 'visitor', path: '/kennis' },
  { name: 'not found (404)', who: 'visitor', path: '/bestaat-niet', status: 404 },
];

export const DIRECTORY_PAGES: PageCase[] = [
  { name: 'directory: every organisation', who: 'visitor', path: '/ondernemers' },
  { name: 'directory (English)', who: 'visitor', path: '/ondernemers?lang=en' },
  { name: 'directory: search with filters and results', who: 'visitor', path: '/ondernemers?q=zorg&gemeente=emmen&thema=zorg-en-welzijn&sdg=3' },
  { name: 'directory: no results', who: 'visitor', path: '/ondernemers?q=onvindbaarwoord' },
  { name: 'directory: an invalid filter (400)', who: 'visitor', path: '/ondernemers?gemeente=atlantis&sdg=18', status: 400 },
  { name: 'directory: several pages of results', who: 'visitor', path: `/ondernemers?gemeente=${PAGED.municipality}&page=2` },
  { name: 'directory: the map view', who: 'visitor', path: '/ondernemers?sdg=8&weergave=kaart', act: waitForMap },
  { name: 'directory: the map view (English)', who: 'visitor', path: '/ondernemers?sdg=8&weergave=kaart&lang=en', act: waitForMap },
  { name: 'organisation page', who: 'visitor', path: (f) => `/ondernemers/${f.publishedSlug}` },
  { name: 'organisation page (English)', who: 'visitor', path: (f) => `/ondernemers/${f.publishedSlug}?lang=en` },
  { name: 'organisation page: unknown (404)', who: 'visitor', path: '/ondernemers/bestaat-niet', status: 404 },
];

export const ACCOUNT_PAGES: PageCase[] = [
  { name: 'log in', who: 'visitor', path: '/inloggen' },
  { name: 'log in, submitted empty (errors)', who: 'visitor', path: '/inloggen', act: submitEmpty, statusAfter: 422 },
  { name: 'log in, first confirm your email', who: 'visitor', path: '/inloggen/bevestig-eerst' },
  { name: 'register', who: 'visitor', path: '/registreren' },
  { name: 'register, submitted empty (errors)', who: 'visitor', path: '/registreren', act: submitEmpty, statusAfter: 422 },
  { name: 'register (English), submitted empty (errors)', who: 'visitor', path: '/registreren?lang=en', act: submitEmpty, statusAfter: 422 },
  { name: 'register, mail sent', who: 'visitor', path: '/registreren/verstuurd' },
  { name: 'confirm email, invalid link', who: 'visitor', path: '/e-mail-bevestigen/ongeldig', status: 400 },
  { name: 'forgot password', who: 'visitor', path: '/wachtwoord-vergeten' },
  { name: 'forgot password, submitted empty (errors)', who: 'visitor', path: '/wachtwoord-vergeten', act: submitEmpty, statusAfter: 422 },
  { name: 'forgot password, mail sent', who: 'visitor', path: '/wachtwoord-vergeten/verstuurd' },
  { name: 'reset password, invalid link', who: 'visitor', path: '/wachtwoord-herstellen/ongeldig', status: 400 },
  { name: 'reset password: choose a new one', who: 'visitor', path: (f) => `/wachtwoord-herstellen/${f.resetToken}` },
  { name: 'reset password, too short (errors)', who: 'visitor', path: (f) => `/wachtwoord-herstellen/${f.resetToken}`, act: submitForm({ password: 'kort' }), statusAfter: 422 },
];

export const SIGNED_IN_PAGES: PageCase[] = [
  { name: 'my account', who: 'entrepreneur', path: '/mijn' },
  { name: 'my account, name submitted empty (errors)', who: 'entrepreneur', path: '/mijn', act: submitForm({ name: '' }), statusAfter: 422 },
  { name: 'my organisations', who: 'entrepreneur', path: '/mijn/organisaties' },
  { name: 'my organisation: overview (draft)', who: 'entrepreneur', path: (f) => `/mijn/organisaties/${f.draftId}` },
  { name: 'my organisation: overview (published)', who: 'entrepreneur', path: (f) => `/mijn/organisaties/${f.publishedId}` },
  {
    name: 'my organisation: submitted without consent (errors)',
    who: 'entrepreneur',
    path: (f) => `/mijn/organisaties/${f.draftId}`,
    act: submitForm({}, { action: '/indienen' }),
    statusAfter: 422,
  },
  { name: 'organisation logo: none yet', who: 'entrepreneur', path: (f) => `/mijn/organisaties/${f.draftId}/logo` },
  { name: 'organisation logo: current logo shown', who: 'entrepreneur', path: (f) => `/mijn/organisaties/${f.publishedId}/logo` },
  { name: 'organisation logo, sent without a file (errors)', who: 'entrepreneur', path: (f) => `/mijn/organisaties/${f.draftId}/logo`, act: submitForm({}, { action: '/logo' }), statusAfter: 422 },
];

/** The long profile forms of an entrepreneur: create, edit, claim. */
export const PROFILE_FORM_PAGES: PageCase[] = [
  { name: 'create organisation', who: 'entrepreneur', path: '/mijn/organisaties/nieuw' },
  { name: 'create organisation, submitted empty (errors)', who: 'entrepreneur', path: '/mijn/organisaties/nieuw', act: submitEmpty, statusAfter: 422 },
  {
    name: 'create organisation: KvK number already registered (409)',
    who: 'entrepreneur',
    path: '/mijn/organisaties/nieuw',
    act: submitForm({ name: 'Dubbele Inschrijving', kvkNumber: PUBLISHED_KVK, legalForm: 'bv', municipality: 'emmen' }),
    statusAfter: 409,
  },
  { name: 'claim an organisation', who: 'entrepreneur', path: '/mijn/organisaties/claimen' },
  { name: 'claim an organisation, submitted empty (errors)', who: 'entrepreneur', path: '/mijn/organisaties/claimen', act: submitEmpty, statusAfter: 422 },
  { name: 'edit organisation', who: 'entrepreneur', path: (f) => `/mijn/organisaties/${f.publishedId}/bewerken` },
  {
    name: 'edit organisation, with errors',
    who: 'entrepreneur',
    path: (f) => `/mijn/organisaties/${f.publishedId}/bewerken`,
    act: submitForm({ name: '', kvkNumber: '123', website: 'geen adres' }),
    statusAfter: 422,
  },
];

export const STAFF_PAGES: PageCase[] = [
  { name: 'no access (403)', who: 'entrepreneur', path: '/beheer', status: 403 },
  { name: 'staff home', who: 'coordinator', path: '/beheer' },
  { name: 'moderation: review queue', who: 'coordinator', path: '/beheer/moderatie' },
  { name: 'moderation: claims', who: 'coordinator', path: '/beheer/moderatie/aanvragen' },
  { name: 'moderation: recent changes', who: 'coordinator', path: '/beheer/moderatie/wijzigingen' },
  { name: 'moderation: review an organisation', who: 'coordinator', path: (f) => `/beheer/moderatie/organisaties/${f.inReviewId}` },
  {
    name: 'moderation: reject without a reason (errors)',
    who: 'coordinator',
    path: (f) => `/beheer/moderatie/organisaties/${f.inReviewId}`,
    act: submitForm({}, { action: '/afwijzen' }),
    statusAfter: 422,
  },
  { name: 'moderation: decision already taken (409)', who: 'coordinator', path: (f) => `/beheer/moderatie/organisaties/${f.conflictId}`, act: approveTwice, statusAfter: 409 },
  { name: 'moderation: a claim', who: 'coordinator', path: (f) => `/beheer/moderatie/aanvragen/${f.claimId}` },
  {
    name: 'moderation: reject a claim without a reason (errors)',
    who: 'coordinator',
    path: (f) => `/beheer/moderatie/aanvragen/${f.claimId}`,
    act: submitForm({}, { action: '/afwijzen' }),
    statusAfter: 422,
  },
  { name: 'outbox', who: 'admin', path: '/beheer/outbox' },
  { name: 'outbox: one mail', who: 'admin', path: (f) => `/beheer/outbox/${f.outboxId}` },
];

/** Every table together (the route coverage test checks this list against the app's routes). */
export const ALL_PAGES: PageCase[] = [...PUBLIC_PAGES, ...DIRECTORY_PAGES, ...ACCOUNT_PAGES, ...SIGNED_IN_PAGES, ...PROFILE_FORM_PAGES, ...STAFF_PAGES];
