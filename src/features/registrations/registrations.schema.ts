import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { eventOccurrences, events } from '../agenda/agenda.schema.ts';

export const registrationStatusEnum = pgEnum('registration_status', ['confirmed', 'waitlisted', 'cancelled']);

/**
 * A person registered for one occurrence of an event (with or without an account). Capacity is enforced by locking
 * the occurrence row (SELECT … FOR UPDATE) while counting, so two people racing for the last place never both get it.
 */
export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occurrenceId: uuid('occurrence_id')
      .notNull()
      .references(() => eventOccurrences.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    /** Stored lower-cased; one active registration per email and occurrence. */
    email: text('email').notNull(),
    organisationName: text('organisation_name'),
    status: registrationStatusEnum('status').notNull(),
    /** Marked by the organiser after the event: true came, false did not, null not marked. */
    attended: boolean('attended'),
    /**
     * Order of arrival, for the waitlist: a sequence, because registrations in one clock tick (or under a fixed test
     * clock) share created_at.
     */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    lang: text('lang').notNull().default('nl'),
  },
  (t) => [
    uniqueIndex('registrations_active_email_unique').on(t.occurrenceId, t.email).where(sql`status <> 'cancelled'`),
    index('registrations_occurrence_idx').on(t.occurrenceId, t.status, t.seq),
    index('registrations_event_idx').on(t.eventId),
    index('registrations_user_idx').on(t.userId),
    index('registrations_reminder_due_idx').on(t.occurrenceId).where(sql`status = 'confirmed' AND reminder_sent_at IS NULL`),
  ],
);

/**
 * Cancel links, stored hashed. Every mail about a registration (confirmation, promotion, reminder) carries a fresh
 * link of its own, and all of them keep working while the registration is active: the secret is never stored, so
 * a later mail cannot repeat an earlier link.
 */
export const registrationCancelTokens = pgTable(
  'registration_cancel_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registration_cancel_tokens_registration_idx').on(t.registrationId)],
);
