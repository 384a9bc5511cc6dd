import { hash } from '@node-rs/argon2';
import { and, count, eq, inArray, or, sql } from 'drizzle-orm';
import { region } from '../../data/reference.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { roleAssignments, users } from '../accounts/accounts.schema.ts';
import { memberships, organisationCertifications, organisations, publishConsents } from '../directory/directory.schema.ts';
import { CONSENT_TEXT_VERSION } from '../profiles/profiles.validation.ts';
import { appSettings } from '../reference/reference.schema.ts';
import { buildDemoOrganisations } from './demo.organisations.ts';
import { DEMO_PARTNERS } from './demo.partners.ts';
import { DEMO_PASSWORD, demoUsers } from './demo.users.ts';
import { seedDemoStories } from '../stories/stories.demo.ts';
import { seedDemoSupport } from '../support/support.demo.ts';
import { seedDemoContactMoments } from '../relations/relations.demo.ts';
import { seedDemoEvents } from '../agenda/agenda.demo.ts';

export { DEMO_PASSWORD } from './demo.users.ts';


// Two processes (npm start and npm run seed:demo) must not both load demo data at once.
const DEMO_SEED_LOCK_ID = 7_140_2027;

const DAY = 24 * 3600_000;

/** The demo logins printed at start and listed in the README. */
export function demoLogins(): Array<{ email: string; description: string }> {
  return demoUsers().map((u) => ({ email: u.email, description: u.description }));
}

/** The demo logins that really exist in this database (none in a scale set, which has demo organisations only). */
export async function demoLoginsIn(db: DbOrTx): Promise<Array<{ email: string; description: string }>> {
  const all = demoLogins();
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.isDemo, true), inArray(users.email, all.map((l) => l.email))));
  const present = new Set(rows.map((r) => r.email));
  return all.filter((l) => present.has(l.email));
}

/** Whether this database holds demo data (then every page says so). */
export async function hasDemoData(db: DbOrTx): Promise<boolean> {
  const [o] = await db.select({ n: count() }).from(organisations).where(eq(organisations.isDemo, true));
  const [u] = await db.select({ n: count() }).from(users).where(or(eq(users.isDemo, true)));
  return o.n + u.n > 0;
}

export type DemoSeedResult = {
  /** False when demo data was already there: nothing was written. */
  loaded: boolean;
  organisations: number;
  partners: number;
  users: number;
  /** Demo emails that a real (non-demo) account already uses; those logins were not created. */
  skippedEmails: string[];
};

/** Loads the deterministic, fictional demo data once; a second call finds it and writes nothing. */
export async function seedDemoData(db: DbOrTx, options: { clock: Clock; passwordHash?: string }): Promise<DemoSeedResult> {
  const now = options.clock.now();
  // One argon2id hash shared by every demo login: hashing is slow on purpose.
  const passwordHash = options.passwordHash ?? (await hash(DEMO_PASSWORD));
  const orgs = buildDemoOrganisations(now);
  const people = demoUsers();

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK_ID})`);
    if (await hasDemoData(tx)) return { loaded: false, organisations: 0, partners: 0, users: 0, skippedEmails: [] };

    // --- users and roles -------------------------------------------------------------------------------
    const taken = await tx.select({ email: users.email }).from(users).where(inArray(users.email, people.map((p) => p.email)));
    const skippedEmails = taken.map((t) => t.email);
    const toCreate = people.filter((p) => !skippedEmails.includes(p.email));
    const verifiedAt = new Date(now.getTime() - 120 * DAY);
    const createdUsers = toCreate.length
      ? await tx
          .insert(users)
          .values(toCreate.map((p) => ({ email: p.email, name: p.name, passwordHash, emailVerifiedAt: verifiedAt, isDemo: true, createdAt: verifiedAt, updatedAt: verifiedAt })))
          .returning({ id: users.id, email: users.email })
      : [];
    const userId = new Map(createdUsers.map((u) => [u.email, u.id]));
    const roleRows = toCreate.flatMap((p) => p.roles.map((r) => ({ userId: userId.get(p.email)!, role: r.role, municipalitySlug: r.municipality ?? null, createdAt: verifiedAt })));
    if (roleRows.length) await tx.insert(roleAssignments).values(roleRows);
    const coordinatorId = createdUsers.find((u) => u.email.startsWith('coordinator@'))?.id ?? null;
    const entrepreneurId = createdUsers.find((u) => u.email.startsWith('ondernemer@'))?.id ?? null;
    const partnerId = createdUsers.find((u) => u.email.startsWith('partner@'))?.id ?? null;

    // --- organisations -----------------------------------------------------------------------------------
    // Real data loaded before `npm run seed:demo` may already use a slug or KvK number: step aside rather than fail.
    const partnerRows = DEMO_PARTNERS;
    const partnerMunicipality = region.municipalities.some((m) => m.slug === 'emmen') ? 'emmen' : region.municipalities[0].slug;
    const wantedSlugs = [...orgs.map((o) => o.slug), ...partnerRows.map((p) => p.slug)];
    const takenSlugs = new Set((await tx.select({ slug: organisations.slug }).from(organisations).where(inArray(organisations.slug, wantedSlugs))).map((r) => r.slug));
    const takenKvk = new Set(
      (await tx.select({ kvk: organisations.kvkNumber }).from(organisations).where(inArray(organisations.kvkNumber, orgs.map((o) => o.kvkNumber)))).map((r) => r.kvk),
    );
    const freeSlug = (slug: string) => (takenSlugs.has(slug) ? `${slug}-demo` : slug);

    const insertedOrgs = await tx
      .insert(organisations)
      .values(
        orgs.map((o) => ({
          slug: freeSlug(o.slug),
          name: o.name,
          kvkNumber: takenKvk.has(o.kvkNumber) ? null : o.kvkNumber,
          legalForm: o.legalForm,
          municipalitySlug: o.municipalitySlug,
          streetAddress: o.streetAddress,
          postcode: o.postcode,
          city: o.city,
          lat: o.lat,
          lng: o.lng,
          website: o.website,
          email: o.email,
          pitch: o.pitch,
          description: o.description,
          impactProblem: o.impactProblem,
          impactTargetGroup: o.impactTargetGroup,
          impactMeasurement: o.impactMeasurement,
          themeSlugs: o.themeSlugs,
          sdgs: o.sdgs,
          certificationCodes: o.certifications.map((c) => c.code),
          foundedYear: o.foundedYear,
          employees: o.employees,
          employeesDistanceToLabourMarket: o.employeesDistanceToLabourMarket,
          offer: o.offer,
          needs: o.needs,
          status: o.status,
          rejectionReason: o.rejectionReason,
          isDemo: true,
          publishedAt: o.publishedAt,
          reviewedAt: o.reviewedAt,
          submittedAt: o.submittedAt,
          createdAt: o.createdAt,
          updatedAt: o.updatedAt,
        })),
      )
      .returning({ id: organisations.id });

    const partnersSince = new Date(now.getTime() - 365 * DAY);
    const insertedPartners = await tx
      .insert(organisations)
      .values(
        partnerRows.map((p) => ({
          slug: freeSlug(p.slug),
          name: p.name,
          municipalitySlug: partnerMunicipality,
          city: p.city,
          website: p.website,
          pitch: p.pitch,
          description: p.description,
          themeSlugs: p.themes,
          sdgs: p.sdgs,
          offer: p.offer,
          status: 'published' as const,
          isPartner: true,
          isDemo: true,
          publishedAt: partnersSince,
          reviewedAt: partnersSince,
          submittedAt: partnersSince,
          createdAt: partnersSince,
          updatedAt: partnersSince,
        })),
      )
      .returning({ id: organisations.id });

    // --- certifications, memberships, consents ------------------------------------------------------------
    const certRows = orgs.flatMap((o, i) =>
      o.certifications.map((c) => ({
        organisationId: insertedOrgs[i].id,
        code: c.code,
        otherName: c.otherName,
        verified: c.verified && coordinatorId !== null,
        verifiedBy: c.verified ? coordinatorId : null,
        verifiedAt: c.verified && coordinatorId ? new Date((o.publishedAt ?? o.createdAt).getTime() + 2 * DAY) : null,
      })),
    );
    if (certRows.length) await tx.insert(organisationCertifications).values(certRows);

    const membershipRows: Array<typeof memberships.$inferInsert> = [];
    if (entrepreneurId) {
      orgs.forEach((o, i) => {
        if (o.ownedByDemoEntrepreneur) membershipRows.push({ userId: entrepreneurId, organisationId: insertedOrgs[i].id, role: 'owner', createdAt: o.createdAt });
      });
    }
    if (partnerId) {
      partnerRows.forEach((p, i) => {
        if (p.staffedByDemoPartner) membershipRows.push({ userId: partnerId, organisationId: insertedPartners[i].id, role: 'member', createdAt: partnersSince });
      });
    }
    if (membershipRows.length) await tx.insert(memberships).values(membershipRows);

    const consentRows: Array<typeof publishConsents.$inferInsert> = [];
    orgs.forEach((o, i) => {
      if (!o.consentGivenAt) return;
      consentRows.push({
        organisationId: insertedOrgs[i].id,
        userId: o.ownedByDemoEntrepreneur ? entrepreneurId : null,
        textVersion: CONSENT_TEXT_VERSION,
        givenAt: o.consentGivenAt,
        withdrawnAt: o.consentWithdrawnAt,
      });
    });
    partnerRows.forEach((p, i) => {
      consentRows.push({
        organisationId: insertedPartners[i].id,
        userId: p.staffedByDemoPartner ? partnerId : null,
        textVersion: CONSENT_TEXT_VERSION,
        givenAt: partnersSince,
      });
    });
    if (consentRows.length) await tx.insert(publishConsents).values(consentRows);

    // --- stories (helper C) ---------------------------------------------------------------------------------
    await seedDemoStories(tx, {
      now,
      coordinatorId,
      organisations: orgs
        .map((o, i) => ({ id: insertedOrgs[i].id, slug: freeSlug(o.slug), name: o.name, municipalitySlug: o.municipalitySlug, pitch: o.pitch, themeSlugs: o.themeSlugs, status: o.status }))
        .filter((o) => o.status === 'published'),
    });

    // --- support desk: routing rules and fictional requests (helper D) ------------------------------------
    const entrepreneurPerson = people.find((p) => p.email.startsWith('ondernemer@'));
    const ibdoIndex = partnerRows.findIndex((p) => p.slug === 'ik-ben-drents-ondernemer-ibdo');
    await seedDemoSupport(
      tx,
      {
        now,
        coordinatorId,
        accountManagers: new Map(createdUsers.filter((u) => u.email.startsWith('accountmanager.')).map((u) => [u.email.slice('accountmanager.'.length).split('@')[0], u.id])),
        ibdoId: ibdoIndex >= 0 ? insertedPartners[ibdoIndex].id : null,
        ibdoMunicipalities: region.municipalities.filter((m) => m.province === 'Drenthe').map((m) => m.slug),
        entrepreneur: entrepreneurId && entrepreneurPerson ? { id: entrepreneurId, name: entrepreneurPerson.name, email: entrepreneurPerson.email } : null,
        entrepreneurOrganisations: orgs.map((o, i) => ({ id: insertedOrgs[i].id, municipalitySlug: o.municipalitySlug, mine: o.ownedByDemoEntrepreneur && o.status === 'published' })).filter((o) => o.mine),
      },
      region.municipalities.map((m) => m.slug),
    );

    // --- relationship view: contact moments of the account managers (helper E) ---------------------------
    await seedDemoContactMoments(tx, {
      now,
      accountManagers: new Map(createdUsers.filter((u) => u.email.startsWith('accountmanager.')).map((u) => [u.email.slice('accountmanager.'.length).split('@')[0], u.id])),
      organisations: orgs.map((o, i) => ({ id: insertedOrgs[i].id, municipalitySlug: o.municipalitySlug, status: o.status })).filter((o) => o.status === 'published'),
    });

    // --- agenda: fictional events, series, past and cancelled ones (helper A) -----------------------------
    await seedDemoEvents(tx, {
      now,
      coordinatorId,
      partnerId,
      entrepreneurId,
      organisations: [
        ...orgs.map((o, i) => ({ id: insertedOrgs[i].id, slug: freeSlug(o.slug), municipalitySlug: o.municipalitySlug, mine: o.ownedByDemoEntrepreneur, isPartner: false, status: o.status })),
        ...partnerRows.map((p, i) => ({ id: insertedPartners[i].id, slug: freeSlug(p.slug), municipalitySlug: partnerMunicipality, mine: false, isPartner: true, status: 'published' as const })),
      ].filter((o) => o.status === 'published'),
    });

    await tx
      .insert(appSettings)
      .values({ key: 'demo_seeded_at', value: now.toISOString() })
      .onConflictDoUpdate({ target: appSettings.key, set: { value: now.toISOString() } });

    return { loaded: true, organisations: insertedOrgs.length, partners: insertedPartners.length, users: createdUsers.length, skippedEmails };
  });
}
