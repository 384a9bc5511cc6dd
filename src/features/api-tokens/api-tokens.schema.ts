import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';

/**
 * Personal API tokens of staff, for tools that call the staff API (/api/v1/hulpvragen) with
 * `Authorization: Bearer <token>`. Only the SHA-256 hash of the token is stored (like sessions): a leaked database
 * or backup hands out no live tokens. See docs/decisions/0007-staff-api-bearer-tokens.md.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** What the owner calls it ("Zaaksysteem koppeling"), to tell tokens apart when revoking. */
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The last four characters of the token, shown in the list so the owner recognises it. */
    lastFour: text('last_four').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_hash_unique').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);
