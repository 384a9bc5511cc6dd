import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { organisations } from '../directory/directory.schema.ts';
import { municipalities } from '../reference/reference.schema.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** The topics an entrepreneur can choose; the Dutch labels are in support.messages.ts. */
export const SUPPORT_TOPICS = [
  'financiering',
  'inkoop-en-aanbesteden',
  'vergunningen-en-regels',
  'huisvesting-en-locatie',
  'netwerk-en-samenwerking',
  'impact-meten',
  'zichtbaarheid-en-marketing',
  'personeel-en-inclusief-werk',
  'anders',
] as const;
export type SupportTopic = (typeof SUPPORT_TOPICS)[number];

/**
 * unconfirmed (a visitor has not clicked the email link yet; not routed, invisible to staff lists) →
 * new (routed to the coordinator as last fallback: no account manager yet) | assigned (a named account manager owns it)
 * | referred (a partner organisation handles it) → in_progress → waiting (for the entrepreneur) → closed.
 * See support.workflow.ts for the allowed steps.
 */
export const SUPPORT_STATUSES = ['unconfirmed', 'new', 'assigned', 'in_progress', 'waiting', 'referred', 'closed'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

export const SUPPORT_OUTCOMES = ['answered', 'referred', 'not_possible', 'withdrawn'] as const;
export type SupportOutcome = (typeof SUPPORT_OUTCOMES)[number];

export const SUPPORT_URGENCIES = ['low', 'normal', 'high'] as const;
export type SupportUrgency = (typeof SUPPORT_URGENCIES)[number];

export const SUPPORT_CONTACT_PREFERENCES = ['email', 'phone', 'meeting'] as const;
export type SupportContactPreference = (typeof SUPPORT_CONTACT_PREFERENCES)[number];

export const supportTopicEnum = pgEnum('support_topic', SUPPORT_TOPICS);
export const supportStatusEnum = pgEnum('support_status', SUPPORT_STATUSES);
export const supportOutcomeEnum = pgEnum('support_outcome', SUPPORT_OUTCOMES);
export const supportUrgencyEnum = pgEnum('support_urgency', SUPPORT_URGENCIES);
export const supportContactPreferenceEnum = pgEnum('support_contact_preference', SUPPORT_CONTACT_PREFERENCES);

/**
 * One support request (hulpvraag). The requester's name and email are copied at submission so visitors (no account)
 * and anonymisation (after retention: anonymisedAt set, personal fields blanked) work on this row alone.
 * Owner: assigneeUserId (a named person) and/or partnerOrganisationId (a partner inbox); a confirmed request always
 * has at least one (check constraint).
 */
export const supportRequests = pgTable(
  'support_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** HV-2026-00042; from support_case_counters. */
    caseNumber: text('case_number').notNull(),
    /** Hidden form field: a repeated POST of the same form returns the same request. */
    idempotencyKey: text('idempotency_key').notNull(),
    topic: supportTopicEnum('topic').notNull(),
    municipalitySlug: text('municipality_slug')
      .notNull()
      .references(() => municipalities.slug),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    requesterUserId: uuid('requester_user_id').references(() => users.id, { onDelete: 'set null' }),
    requesterName: text('requester_name').notNull(),
    /** Lower-cased. */
    requesterEmail: text('requester_email').notNull(),
    requesterPhone: text('requester_phone'),
    /** Language for the mails to the requester. */
    lang: text('lang').notNull().default('nl'),
    description: text('description').notNull(),
    urgency: supportUrgencyEnum('urgency').notNull().default('normal'),
    contactPreference: supportContactPreferenceEnum('contact_preference').notNull().default('email'),
    consentTextVersion: text('consent_text_version').notNull(),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    status: supportStatusEnum('status').notNull(),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id, { onDelete: 'set null' }),
    partnerOrganisationId: uuid('partner_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** Hash of the secret in the visitor's confirmation link (null once confirmed or for logged-in requesters). */
    confirmTokenHash: text('confirm_token_hash'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** End of the n-th working day (Europe/Amsterdam) after confirmation; see working-days.ts. */
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true }),
    firstRespondedAt: timestamp('first_responded_at', { withTimezone: true }),
    outcome: supportOutcomeEnum('outcome'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** 1-5, asked once the request is closed. */
    satisfaction: smallint('satisfaction'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('support_requests_case_number_unique').on(t.caseNumber),
    uniqueIndex('support_requests_idempotency_unique').on(t.idempotencyKey),
    uniqueIndex('support_requests_confirm_token_unique').on(t.confirmTokenHash),
    index('support_requests_municipality_idx').on(t.municipalitySlug, t.status, t.createdAt),
    index('support_requests_assignee_idx').on(t.assigneeUserId, t.status),
    index('support_requests_partner_idx').on(t.partnerOrganisationId, t.status),
    index('support_requests_requester_idx').on(t.requesterUserId),
    index('support_requests_email_idx').on(t.requesterEmail),
    index('support_requests_organisation_idx').on(t.organisationId),
    index('support_requests_closed_idx').on(t.closedAt).where(sql`anonymised_at is null`),
    check('support_requests_has_owner', sql`status = 'unconfirmed' or assignee_user_id is not null or partner_organisation_id is not null`),
    check('support_requests_satisfaction_range', sql`satisfaction is null or satisfaction between 1 and 5`),
  ],
);

/** Per-year counter for case numbers. Incremented inside the submitting transaction (row lock: race-safe). */
export const supportCaseCounters = pgTable('support_case_counters', {
  year: integer('year').primaryKey(),
  lastNumber: integer('last_number').notNull().default(0),
});

export const SUPPORT_EVENT_KINDS = [
  'submitted',
  'confirmed',
  'routed',
  'assigned',
  'status_changed',
  'note',
  'message_to_requester',
  'message_from_requester',
  'referred',
  'closed',
  'reopened',
  'withdrawn',
  'rated',
  'anonymised',
] as const;
export type SupportEventKind = (typeof SUPPORT_EVENT_KINDS)[number];
export const supportEventKindEnum = pgEnum('support_event_kind', SUPPORT_EVENT_KINDS);

/**
 * The timeline: every change, note and message. `body` holds note/message text (blanked on anonymisation).
 * Internal notes are visible to staff in scope; partner users see messages, status changes, referrals to their own
 * organisation and notes written by their organisation (partnerOrganisationId).
 * details: { reason?, assigneeUserId?, previousAssigneeUserId?, partnerOrganisationId?, outcome?, rule? } (ids/codes only).
 */
export const supportEvents = pgTable(
  'support_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => supportRequests.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: supportEventKindEnum('kind').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    fromStatus: supportStatusEnum('from_status'),
    toStatus: supportStatusEnum('to_status'),
    body: text('body'),
    /** Set for a referral (the partner) and for notes written by a partner user. */
    partnerOrganisationId: uuid('partner_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    details: jsonb('details').notNull().default({}),
  },
  (t) => [index('support_events_request_idx').on(t.requestId, t.at)],
);

/** Files attached when asking. Type checked by content (magic bytes) before storing. */
export const supportAttachments = pgTable(
  'support_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => supportRequests.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('support_attachments_request_idx').on(t.requestId)],
);

export const ROUTING_TARGET_KINDS = ['user', 'team', 'partner'] as const;
export type RoutingTargetKind = (typeof ROUTING_TARGET_KINDS)[number];
export const TEAM_STRATEGIES = ['round_robin', 'least_open'] as const;
export type TeamStrategy = (typeof TEAM_STRATEGIES)[number];
export const routingTargetKindEnum = pgEnum('support_routing_target_kind', ROUTING_TARGET_KINDS);
export const teamStrategyEnum = pgEnum('support_team_strategy', TEAM_STRATEGIES);

/** The coordinator's rule: in this municipality, this topic goes to a person, a team or a partner. */
export const supportRoutingRules = pgTable(
  'support_routing_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalitySlug: text('municipality_slug')
      .notNull()
      .references(() => municipalities.slug, { onDelete: 'cascade' }),
    topic: supportTopicEnum('topic').notNull(),
    targetKind: routingTargetKindEnum('target_kind').notNull(),
    targetUserId: uuid('target_user_id').references(() => users.id, { onDelete: 'set null' }),
    teamUserIds: uuid('team_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    teamStrategy: teamStrategyEnum('team_strategy'),
    partnerOrganisationId: uuid('partner_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** Round-robin pointer: the team member who got the last request by this rule. */
    lastAssignedUserId: uuid('last_assigned_user_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('support_routing_rules_unique').on(t.municipalitySlug, t.topic)],
);

/** Per municipality: the default account manager and the promised first-answer time in working days. */
export const supportMunicipalitySettings = pgTable('support_municipality_settings', {
  municipalitySlug: text('municipality_slug')
    .primaryKey()
    .references(() => municipalities.slug, { onDelete: 'cascade' }),
  defaultUserId: uuid('default_user_id').references(() => users.id, { onDelete: 'set null' }),
  responseWorkingDays: smallint('response_working_days').notNull().default(3),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An account manager's absence: requests routed to them go to the stand-in between the dates (inclusive, local). */
export const supportStandIns = pgTable('support_stand_ins', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  standInUserId: uuid('stand_in_user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  absentFrom: date('absent_from', { mode: 'string' }).notNull(),
  /** Null: until further notice. */
  absentUntil: date('absent_until', { mode: 'string' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
