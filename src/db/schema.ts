/** Every table, gathered from the features that own them. drizzle-kit reads this file. */
export * from '../features/reference/reference.schema.ts';
export * from '../features/accounts/accounts.schema.ts';
export * from '../features/directory/directory.schema.ts';
export * from '../features/audit/audit.schema.ts';
export * from '../features/mail/mail.schema.ts';
export * from '../features/agenda/agenda.schema.ts';
export * from '../features/registrations/registrations.schema.ts';
export * from '../features/api-tokens/api-tokens.schema.ts';
export * from '../features/relations/relations.schema.ts';
export * from '../features/support/support.schema.ts';
export * from '../features/stories/stories.schema.ts';
