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

/** Registration for events (helper B): the form, the cancel link, my registrations, the organiser's attendee list. */
export const REGISTRATION_PAGES: PageCase[] = [
  { name: 'registration form', who: 'visitor', path: (f) => `/agenda/${f.registrationSlug}/aanmelden?datum=${f.openOccurrenceId}` },
  { name: 'registration form (English)', who: 'visitor', path: (f) => `/agenda/${f.registrationSlug}/aanmelden?datum=${f.openOccurrenceId}&lang=en` },
  {
    name: 'registration form, submitted empty (errors)',
    who: 'visitor',
    path: (f) => `/agenda/${f.registrationSlug}/aanmelden?datum=${f.openOccurrenceId}`,
    act: submitEmpty,
    statusAfter: 422,
  },
  { name: 'registration form: full date, waitlist offered', who: 'visitor', path: (f) => `/agenda/${f.registrationSlug}/aanmelden?datum=${f.fullOccurrenceId}` },
  { name: 'registration form: date has started', who: 'visitor', path: (f) => `/agenda/${f.registrationSlug}/aanmelden?datum=${f.startedOccurrenceId}` },
  { name: 'registration form: logged in, one click', who: 'coordinator', path: (f) => `/agenda/${f.registrationSlug}/aanmelden?datum=${f.openOccurrenceId}` },
  { name: 'registration form: already registered', who: 'entrepreneur', path: (f) => `/agenda/${f.registrationSlug}/aanmelden?datum=${f.openOccurrenceId}` },
  { name: 'cancel link: confirm the cancellation', who: 'visitor', path: (f) => `/aanmelding/annuleren/${f.cancelToken}` },
  { name: 'cancel link: unknown (404)', who: 'visitor', path: '/aanmelding/annuleren/onbekende-link-0123456789', status: 404 },
  { name: 'my registrations', who: 'entrepreneur', path: '/mijn/aanmeldingen' },
  { name: 'my registrations: confirm cancelling one', who: 'entrepreneur', path: (f) => `/mijn/aanmeldingen/${f.myRegistrationId}/annuleren` },
  { name: 'my registrations: none yet', who: 'admin', path: '/mijn/aanmeldingen' },
  { name: 'attendee list with attendance', who: 'entrepreneur', path: (f) => `/agenda/${f.registrationSlug}/deelnemers?datum=${f.startedOccurrenceId}` },
  { name: 'attendee list: full date with waitlist', who: 'coordinator', path: (f) => `/agenda/${f.registrationSlug}/deelnemers?datum=${f.fullOccurrenceId}` },
];

/** Types unsafe Markdown into the story text and saves it: the form comes back with the message (helper C). */
async function saveUnsafeStory(page: Page): Promise<number | undefined> {
  const form = page.locator('main form:has(textarea[name="body"])').first();
  await form.evaluate((f: HTMLFormElement) => {
    f.noValidate = true;
  });
  await form.locator('textarea[name="body"]').fill('<script>alert(1)</script> [klik](javascript:alert(1))');
  const [res] = await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').last().click()]);
  return res?.status();
}

/** Stories (helper C): public list and page, the coordinator's editor. */
export const STORY_PAGES: PageCase[] = [
  { name: 'stories', who: 'visitor', path: '/verhalen' },
  { name: 'stories (English)', who: 'visitor', path: '/verhalen?lang=en' },
  { name: 'stories: a theme without stories', who: 'visitor', path: '/verhalen?thema=energie' },
  { name: 'stories: an unknown theme (400)', who: 'visitor', path: '/verhalen?thema=onbekend', status: 400 },
  { name: 'a story', who: 'visitor', path: (f) => `/verhalen/${f.storySlug}` },
  { name: 'a story (English)', who: 'visitor', path: (f) => `/verhalen/${f.storySlug}?lang=en` },
  { name: 'stories: staff list', who: 'coordinator', path: '/beheer/verhalen' },
  { name: 'stories: new story', who: 'coordinator', path: '/beheer/verhalen/nieuw' },
  { name: 'stories: new story, submitted empty (errors)', who: 'coordinator', path: '/beheer/verhalen/nieuw', act: submitEmpty, statusAfter: 422 },
  { name: 'stories: edit a published story', who: 'coordinator', path: (f) => `/beheer/verhalen/${f.storyId}` },
  { name: 'stories: edit a draft', who: 'coordinator', path: (f) => `/beheer/verhalen/${f.draftStoryId}` },
  { name: 'stories: preview of a draft', who: 'coordinator', path: (f) => `/beheer/verhalen/${f.draftStoryId}/voorbeeld` },
  { name: 'stories: delete, confirm first', who: 'coordinator', path: (f) => `/beheer/verhalen/${f.storyId}/verwijderen` },
  { name: 'stories: unsafe Markdown refused (errors)', who: 'coordinator', path: (f) => `/beheer/verhalen/${f.draftStoryId}`, act: saveUnsafeStory, statusAfter: 422 },
  { name: 'stories: image sent without a file (errors)', who: 'coordinator', path: (f) => `/beheer/verhalen/${f.draftStoryId}`, act: submitForm({}, { action: '/afbeelding' }), statusAfter: 422 },
];

/** Personal API tokens, the relationship view and the support report (helper E). */
export const SUPPORT_E_PAGES: PageCase[] = [
  { name: 'my account of staff, with the link to API tokens', who: 'coordinator', path: '/mijn' },
  { name: 'API tokens: none yet', who: 'admin', path: '/mijn/api-tokens' },
  { name: 'API tokens: list', who: 'coordinator', path: '/mijn/api-tokens' },
  { name: 'API tokens (English)', who: 'coordinator', path: '/mijn/api-tokens?lang=en' },
  { name: 'API tokens: new token shown once', who: 'coordinator', path: '/mijn/api-tokens', act: submitForm({ name: 'Koppeling CRM' }), statusAfter: 200 },
  { name: 'API tokens: submitted empty (errors)', who: 'coordinator', path: '/mijn/api-tokens', act: submitEmpty, statusAfter: 422 },
  { name: 'API tokens: revoke, confirmation', who: 'coordinator', path: (f) => `/mijn/api-tokens/${f.apiTokenId}/intrekken` },
  { name: 'organisations: staff list', who: 'coordinator', path: '/beheer/organisaties' },
  { name: 'organisations: no match', who: 'coordinator', path: '/beheer/organisaties?q=onvindbaarwoord' },
  { name: 'organisations: unknown municipality (400)', who: 'coordinator', path: '/beheer/organisaties?gemeente=atlantis', status: 400 },
  { name: 'relationship view', who: 'coordinator', path: (f) => `/beheer/organisaties/${f.publishedSlug}` },
  { name: 'relationship view (English)', who: 'coordinator', path: (f) => `/beheer/organisaties/${f.publishedSlug}?lang=en` },
  {
    name: 'relationship view: contact moment without a note (errors)',
    who: 'coordinator',
    path: (f) => `/beheer/organisaties/${f.publishedSlug}`,
    act: submitForm({ note: '' }, { action: '/contactmomenten' }),
    statusAfter: 422,
  },
  { name: 'support report', who: 'coordinator', path: '/beheer/hulpvragen/rapportage' },
  { name: 'support report (English)', who: 'coordinator', path: '/beheer/hulpvragen/rapportage?lang=en' },
  { name: 'support report: nothing in the period', who: 'coordinator', path: '/beheer/hulpvragen/rapportage?van=2020-01&tot=2020-12' },
  { name: 'support report: invalid month (400)', who: 'coordinator', path: '/beheer/hulpvragen/rapportage?van=2026-13', status: 400 },
];

/** The agenda (helper A): lists, month, archive, event pages, posting, exceptions, moderation of events. */
export const AGENDA_PAGES: PageCase[] = [
  { name: 'agenda', who: 'visitor', path: '/agenda' },
  { name: 'agenda (English)', who: 'visitor', path: '/agenda?lang=en' },
  { name: 'agenda: filtered', who: 'visitor', path: '/agenda?gemeente=emmen&thema=energie&type=netwerkbijeenkomst&online=nee' },
  { name: 'agenda: nothing found', who: 'visitor', path: '/agenda?q=onvindbaarwoord' },
  { name: 'agenda: unknown municipality (400)', who: 'visitor', path: '/agenda?gemeente=atlantis&van=2026-13-01', status: 400 },
  { name: 'agenda: month', who: 'visitor', path: '/agenda?weergave=maand&maand=2026-12' },
  { name: 'agenda: month (English)', who: 'visitor', path: '/agenda?weergave=maand&maand=2026-12&lang=en' },
  { name: 'agenda: archive', who: 'visitor', path: '/agenda/archief' },
  { name: 'event page: a series with registration', who: 'visitor', path: (f) => `/agenda/${f.seriesSlug}` },
  { name: 'event page (English)', who: 'visitor', path: (f) => `/agenda/${f.seriesSlug}?lang=en` },
  { name: 'event page: cancelled', who: 'visitor', path: (f) => `/agenda/${f.cancelledSlug}` },
  { name: 'event page: preview for its maker', who: 'entrepreneur', path: (f) => `/agenda/${f.inReviewEventSlug}` },
  { name: 'event page: unknown (404)', who: 'visitor', path: '/agenda/bestaat-niet', status: 404 },
  { name: 'my events', who: 'entrepreneur', path: '/mijn/evenementen' },
  { name: 'my events (coordinator)', who: 'coordinator', path: '/mijn/evenementen' },
  { name: 'new event', who: 'entrepreneur', path: '/mijn/evenementen/nieuw' },
  { name: 'new event, submitted empty (errors)', who: 'entrepreneur', path: '/mijn/evenementen/nieuw', act: submitEmpty, statusAfter: 422 },
  { name: 'manage an event in review', who: 'entrepreneur', path: (f) => `/mijn/evenementen/${f.inReviewEventId}` },
  { name: 'manage a series: dates and exceptions', who: 'coordinator', path: (f) => `/mijn/evenementen/${f.seriesId}` },
  {
    name: 'manage a series: move a date without a date (errors)',
    who: 'coordinator',
    path: (f) => `/mijn/evenementen/${f.seriesId}`,
    act: submitForm({ date: '' }, { action: '/datums/verplaatsen' }),
    statusAfter: 422,
  },
  { name: 'edit an event', who: 'coordinator', path: (f) => `/mijn/evenementen/${f.seriesId}/bewerken` },
  {
    name: 'edit an event: end before start (errors)',
    who: 'coordinator',
    path: (f) => `/mijn/evenementen/${f.seriesId}/bewerken`,
    act: submitForm({ endTime: '08:00' }),
    statusAfter: 422,
  },
  { name: 'cancel an event: confirmation', who: 'coordinator', path: (f) => `/mijn/evenementen/${f.seriesId}/annuleren` },
  { name: 'moderation: events in review', who: 'coordinator', path: '/beheer/moderatie/evenementen' },
  { name: 'moderation: review an event', who: 'coordinator', path: (f) => `/beheer/moderatie/evenementen/${f.inReviewEventId}` },
  {
    name: 'moderation: reject an event without a reason (errors)',
    who: 'coordinator',
    path: (f) => `/beheer/moderatie/evenementen/${f.inReviewEventId}`,
    act: submitForm({}, { action: '/afwijzen' }),
    statusAfter: 422,
  },
];

/** Every table together (the route coverage test checks this list against the app's routes). */
/** The support desk (helper D): asking, "Mijn hulpvragen", the staff inbox, a request, routing and stand-in. */
export const SUPPORT_PAGES: PageCase[] = [
  { name: 'ask a question (visitor)', who: 'visitor', path: '/hulp-vragen' },
  { name: 'ask a question (English)', who: 'visitor', path: '/hulp-vragen?lang=en' },
  { name: 'ask a question, submitted empty (errors)', who: 'visitor', path: '/hulp-vragen', act: submitEmpty, statusAfter: 422 },
  {
    name: 'ask a question: sent, check your email',
    who: 'visitor',
    path: '/hulp-vragen',
    act: async (page) => {
      await page.getByRole('main').locator('input[name="consent"]').check();
      return submitForm({ name: 'Tessa Test', email: 'tessa@example.org', municipality: 'emmen', topic: 'anders', description: 'Ik zoek hulp bij het vinden van een werkplek in de buurt.' })(page);
    },
    statusAfter: 200,
  },
  { name: 'ask a question (entrepreneur, with organisations)', who: 'entrepreneur', path: '/hulp-vragen' },
  { name: 'confirmation link: invalid', who: 'visitor', path: '/hulp-vragen/bevestigen/ongeldige-link-0123456789abcdef', status: 400 },
  { name: 'my questions', who: 'entrepreneur', path: '/mijn/hulpvragen' },
  { name: 'my questions: none yet', who: 'coordinator', path: '/mijn/hulpvragen' },
  { name: 'my question: answered, reply and withdraw', who: 'entrepreneur', path: (f) => `/mijn/hulpvragen/${f.supportOpenId}` },
  { name: 'my question: reply empty (errors)', who: 'entrepreneur', path: (f) => `/mijn/hulpvragen/${f.supportOpenId}`, act: submitForm({}, { action: '/reageren' }), statusAfter: 422 },
  { name: 'my question: closed, rate it', who: 'entrepreneur', path: (f) => `/mijn/hulpvragen/${f.supportClosedId}` },
  { name: 'staff inbox: all questions', who: 'coordinator', path: '/beheer/hulpvragen?weergave=all' },
  { name: 'staff inbox: mine, empty', who: 'coordinator', path: '/beheer/hulpvragen' },
  { name: 'staff inbox: unknown filter (400)', who: 'coordinator', path: '/beheer/hulpvragen?status=kapot', status: 400 },
  { name: 'staff: one question', who: 'coordinator', path: (f) => `/beheer/hulpvragen/${f.supportOpenId}` },
  { name: 'staff: one question, empty note (errors)', who: 'coordinator', path: (f) => `/beheer/hulpvragen/${f.supportOpenId}`, act: submitForm({}, { action: '/notitie' }), statusAfter: 422 },
  { name: 'staff: a closed question', who: 'coordinator', path: (f) => `/beheer/hulpvragen/${f.supportClosedId}` },
  { name: 'routing: municipalities', who: 'coordinator', path: '/beheer/hulpvragen/routering' },
  { name: 'routing: one municipality', who: 'coordinator', path: '/beheer/hulpvragen/routering/emmen' },
  {
    name: 'routing: a team without members (errors)',
    who: 'coordinator',
    path: '/beheer/hulpvragen/routering/emmen',
    act: submitForm({ 'kind-anders': 'team', responseDays: '0' }),
    statusAfter: 422,
  },
  { name: 'stand-in during absence', who: 'admin', path: '/beheer/hulpvragen/vervanging' },
  { name: 'stand-in, submitted empty (errors)', who: 'admin', path: '/beheer/hulpvragen/vervanging', act: submitEmpty, statusAfter: 422 },
];

export const ALL_PAGES: PageCase[] = [...PUBLIC_PAGES, ...DIRECTORY_PAGES, ...ACCOUNT_PAGES, ...SIGNED_IN_PAGES, ...PROFILE_FORM_PAGES, ...STAFF_PAGES, ...REGISTRATION_PAGES, ...STORY_PAGES, ...SUPPORT_E_PAGES, ...SUPPORT_PAGES, ...AGENDA_PAGES];
