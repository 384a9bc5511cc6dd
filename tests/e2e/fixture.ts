import type { Browser, BrowserContext } from 'playwright-core';
import sharp from 'sharp';
import { emailTokens } from '../../src/features/accounts/accounts.schema.ts';
import { createSession, SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { uploadLogo } from '../../src/features/profiles/profiles.logo.ts';
import { hashToken, randomToken } from '../../src/lib/ids.ts';
import { organisationClaims } from '../../src/features/directory/directory.schema.ts';
import { createOrganisation, createUser } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import { startServer } from '../helpers/browser.ts';
import { seedRegistrations, type RegistrationFixture } from './registration-fixture.ts';
import { seedAgenda, type AgendaFixture } from './agenda-fixture.ts';
import { seedStories, type StoriesFixture } from './stories-fixture.ts';
import { seedSupportE, type SupportEFixture } from './support-e-fixture.ts';
import { seedSupportD, type SupportFixture } from './support-fixture.ts';

export type Who = 'visitor' | 'entrepreneur' | 'coordinator' | 'admin';

/** The data the page table needs: users of each role and organisations in every state. */
export type Fixture = RegistrationFixture & StoriesFixture & SupportEFixture & SupportFixture & AgendaFixture & {
  entrepreneurId: string;
  coordinatorId: string;
  adminId: string;
  publishedSlug: string;
  publishedId: string;
  draftId: string;
  inReviewId: string;
  /** A second organisation in review, approved twice by the conflict page case. */
  conflictId: string;
  claimId: string;
  outboxId: number | null;
  /** A live password reset link token of the entrepreneur. */
  resetToken: string;
};

/** A running app over real HTTP on a fresh database, plus one browser context per kind of visitor. */
export type E2eApp = {
  t: TestContext;
  url: string;
  fixture: Fixture;
  /** A browser context logged in as `who` (created on first use, closed with close()). */
  contextFor(who: Who, options?: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } }): Promise<BrowserContext>;
  close(): Promise<void>;
};

/** The KvK number of the published organisation (a second registration with it is refused). */
export const PUBLISHED_KVK = '12345678';

export const ORGS = {
  published: { name: 'Zorgboerderij De Hazelaar', pitch: 'Dagbesteding op de boerderij voor mensen met een beperking.', theme: 'zorg-en-welzijn', municipality: 'emmen' },
  second: { name: 'Kringloop Hoogeveen Werkt', pitch: 'Tweede leven voor spullen en werk voor mensen met afstand tot de arbeidsmarkt.', theme: 'circulaire-economie', municipality: 'hoogeveen' },
  third: { name: 'Energiecoöperatie Hunzedal', pitch: 'Zonnedaken van en voor het dorp.', theme: 'energie', municipality: 'aa-en-hunze' },
} as const;

/** Inserts the users and organisations every page of the table can be shown with. */
async function seed(t: TestContext): Promise<Fixture> {
  const entrepreneur = await createUser(t.db, { name: 'Eva Ondernemer', roles: ['entrepreneur'] });
  const coordinator = await createUser(t.db, { name: 'Kees Coördinator', roles: ['coordinator'] });
  const admin = await createUser(t.db, { name: 'Anna Beheerder', roles: ['admin', 'coordinator'] });
  const published = await createOrganisation(t.db, {
    name: ORGS.published.name,
    slug: 'zorgboerderij-de-hazelaar',
    kvkNumber: PUBLISHED_KVK,
    pitch: ORGS.published.pitch,
    description: 'Op onze boerderij werken mensen mee met de dieren en in de moestuin.',
    impactProblem: 'Weinig plekken voor zinvolle dagbesteding buiten de stad.',
    impactTargetGroup: 'Volwassenen met een verstandelijke beperking.',
    impactMeasurement: 'Aantal deelnemers en hun tevredenheid, elk jaar gemeten.',
    municipalitySlug: ORGS.published.municipality,
    themeSlugs: [ORGS.published.theme, 'inclusief-werk'],
    sdgs: [3, 8],
    certificationCodes: ['pso'],
    website: 'https://hazelaar.example.org',
    email: 'info@hazelaar.example.org',
    lat: 52.78,
    lng: 6.9,
    ownerId: entrepreneur.id,
  });
  const second = await createOrganisation(t.db, {
    name: ORGS.second.name,
    pitch: ORGS.second.pitch,
    municipalitySlug: ORGS.second.municipality,
    themeSlugs: [ORGS.second.theme, 'inclusief-werk'],
    sdgs: [8, 12],
    lat: 52.72,
    lng: 6.48,
  });
  await createOrganisation(t.db, {
    name: ORGS.third.name,
    pitch: ORGS.third.pitch,
    municipalitySlug: ORGS.third.municipality,
    themeSlugs: [ORGS.third.theme],
    sdgs: [7, 13],
  });
  const draft = await createOrganisation(t.db, { name: 'Repair Café Emmen', status: 'draft', publishedAt: null, ownerId: entrepreneur.id });
  const inReview = await createOrganisation(t.db, {
    name: 'Voedselbos Borger',
    pitch: 'Een voedselbos waar buurtbewoners samen oogsten.',
    municipalitySlug: 'borger-odoorn',
    themeSlugs: ['voedsel', 'natuur-en-biodiversiteit'],
    sdgs: [2, 15],
    status: 'in_review',
    publishedAt: null,
    submittedAt: new Date('2026-11-27T09:00:00Z'),
    ownerId: entrepreneur.id,
  });
  const conflict = await createOrganisation(t.db, { name: 'Dubbel Beoordeeld', status: 'in_review', publishedAt: null, submittedAt: new Date('2026-11-27T10:00:00Z'), ownerId: entrepreneur.id });
  const [claim] = await t.db
    .insert(organisationClaims)
    .values({ organisationId: second.id, userId: entrepreneur.id, message: 'Ik ben de nieuwe bedrijfsleider.' })
    .returning();
  // A real logo through the upload service, so the profile pages show an image with its alt text.
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#1d5b3a' } }).png().toBuffer();
  await uploadLogo(t.ctx(entrepreneur), published.id, new Uint8Array(png));
  const resetToken = randomToken(24);
  await t.db.insert(emailTokens).values({
    tokenHash: hashToken(resetToken),
    userId: entrepreneur.id,
    purpose: 'reset_password',
    expiresAt: new Date(t.clock.now().getTime() + 3600_000),
  });
  const outboxId = await t.deps.mailer.queue(t.db, {
    to: 'iemand@example.org',
    subject: 'Bevestig uw e-mailadres',
    text: 'Klik op de link om uw e-mailadres te bevestigen.',
  });
  return {
    entrepreneurId: entrepreneur.id,
    coordinatorId: coordinator.id,
    adminId: admin.id,
    publishedSlug: published.slug,
    publishedId: published.id,
    draftId: draft.id,
    inReviewId: inReview.id,
    conflictId: conflict.id,
    claimId: claim.id,
    outboxId,
    resetToken,
    ...(await seedStories(t, { coordinator, organisationSlug: published.slug })),
    ...(await seedSupportE(t, { coordinator, organisationId: published.id, organisationSlug: published.slug })),
    ...(await seedSupportD(t, { entrepreneur, coordinator, adminId: admin.id, organisationId: published.id })),
    ...(await seedAgenda(t, { coordinator, entrepreneur, organisationId: published.id })),
    ...(await seedRegistrations(t, { organisationId: published.id, entrepreneurId: entrepreneur.id, entrepreneurEmail: entrepreneur.email, entrepreneurName: entrepreneur.name })),
  };
}

/** Organisations in Hardenberg (theme culture) enough for a second page of results. */
export const PAGED = { municipality: 'hardenberg', count: 23 } as const;

/**
 * Starts the app on its own database, seeds it and serves it over HTTP for the browser. Map tiles point at the app
 * itself and every request to another origin is refused: the browser never reaches outside this machine.
 */
export async function startE2eApp(browser: Browser, options: { demo?: boolean; paged?: boolean } = {}): Promise<E2eApp> {
  const t = await createTestContext({ demo: options.demo, env: { MAP_TILE_URL: '/static/test-tiles/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: 'Testkaart' } });
  const fixture = await seed(t);
  if (options.paged) {
    for (let n = 1; n <= PAGED.count; n++) {
      await createOrganisation(t.db, { name: `Cultuurmaker ${String(n).padStart(2, '0')}`, municipalitySlug: PAGED.municipality, themeSlugs: ['cultuur'] });
    }
  }
  const server = await startServer(t.app);
  const contexts: BrowserContext[] = [];
  const userOf: Record<Exclude<Who, 'visitor'>, string> = {
    entrepreneur: fixture.entrepreneurId,
    coordinator: fixture.coordinatorId,
    admin: fixture.adminId,
  };
  return {
    t,
    url: server.url,
    fixture,
    async contextFor(who, options = {}) {
      const context = await browser.newContext({ baseURL: server.url, ...options });
      contexts.push(context);
      await context.route((url) => url.origin !== server.url, (route) => route.abort());
      if (who !== 'visitor') {
        const sid = await createSession(t.db, userOf[who], t.clock.now());
        await context.addCookies([{ name: SESSION_COOKIE, value: sid, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
      }
      return context;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await server.close();
      await t.close();
    },
  };
}
