import { date, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { organisations } from '../directory/directory.schema.ts';

export const CONTACT_KINDS = ['phone', 'visit', 'email', 'other'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const contactKindEnum = pgEnum('contact_kind', CONTACT_KINDS);

/**
 * A contact moment an account manager or the coordinator logs with an organisation (a phone call, a visit): the
 * memory of the relationship, shown on /beheer/organisaties/:slug. Only staff of the organisation's municipality
 * and the coordinator read them.
 */
export const contactMoments = pgTable(
  'contact_moments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** Null once the author's account is removed; the note stays with the organisation. */
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: contactKindEnum('kind').notNull(),
    /** The day of the contact (a calendar day in Europe/Amsterdam, as the author entered it). */
    happenedOn: date('happened_on', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contact_moments_organisation_idx').on(t.organisationId, t.happenedOn.desc(), t.createdAt.desc())],
);
