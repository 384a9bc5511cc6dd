import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { certificationTypes, municipalities } from '../reference/reference.schema.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const organisationStatusEnum = pgEnum('organisation_status', ['draft', 'in_review', 'published', 'rejected', 'archived']);

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kvkNumber: text('kvk_number'),
    legalForm: text('legal_form'),
    municipalitySlug: text('municipality_slug')
      .notNull()
      .references(() => municipalities.slug),
    streetAddress: text('street_address'),
    postcode: text('postcode'),
    city: text('city'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    pitch: text('pitch').notNull().default(''),
    description: text('description').notNull().default(''),
    impactProblem: text('impact_problem').notNull().default(''),
    impactTargetGroup: text('impact_target_group').notNull().default(''),
    impactMeasurement: text('impact_measurement').notNull().default(''),
    themeSlugs: text('theme_slugs').array().notNull().default(sql`'{}'::text[]`),
    sdgs: smallint('sdgs').array().notNull().default(sql`'{}'::smallint[]`),
    certificationCodes: text('certification_codes').array().notNull().default(sql`'{}'::text[]`),
    foundedYear: smallint('founded_year'),
    employees: integer('employees'),
    employeesDistanceToLabourMarket: integer('employees_distance_to_labour_market'),
    offer: text('offer').notNull().default(''),
    needs: text('needs').notNull().default(''),
    status: organisationStatusEnum('status').notNull().default('draft'),
    rejectionReason: text('rejection_reason'),
    isPartner: boolean('is_partner').notNull().default(false),
    isDemo: boolean('is_demo').notNull().default(false),
    hasLogo: boolean('has_logo').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Maintained by the directory queries in the same statement as every write (see directory.search.ts). */
    searchVector: tsvector('search_vector'),
  },
  (t) => [
    uniqueIndex('organisations_slug_unique').on(t.slug),
    uniqueIndex('organisations_kvk_unique').on(t.kvkNumber),
    index('organisations_status_idx').on(t.status),
    index('organisations_municipality_idx').on(t.municipalitySlug),
  ],
);

/** Certifications an organisation claims; the coordinator can mark one verified. */
export const organisationCertifications = pgTable(
  'organisation_certifications',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    code: text('code')
      .notNull()
      .references(() => certificationTypes.code),
    /** Free text name when code is "anders". */
    otherName: text('other_name'),
    verified: boolean('verified').notNull().default(false),
    verifiedBy: uuid('verified_by').references(() => users.id, { onDelete: 'set null' }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.code] })],
);

export const organisationLogos = pgTable('organisation_logos', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  contentType: text('content_type').notNull(),
  bytes: bytea('bytes').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const membershipRoleEnum = pgEnum('membership_role', ['owner', 'member']);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: membershipRoleEnum('role').notNull().default('owner'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId] }), index('memberships_org_idx').on(t.organisationId)],
);

/** Consent to publish: who, when, which text version; withdrawing sets withdrawnAt and unpublishes. */
export const publishConsents = pgTable(
  'publish_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    textVersion: text('text_version').notNull(),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [index('publish_consents_org_idx').on(t.organisationId)],
);

export const claimStatusEnum = pgEnum('claim_status', ['pending', 'approved', 'rejected']);

/** A request to become a member of an organisation that already exists (same KvK number). */
export const organisationClaims = pgTable(
  'organisation_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text('message').notNull().default(''),
    status: claimStatusEnum('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisation_claims_status_idx').on(t.status)],
);
